/**
 * Concept-based models as Spark ML stages, named as Spark names its own: the estimators
 * {@link io.sparkxai.concepts.ConceptBottleneckClassifier} (independent, sequential, joint),
 * {@link io.sparkxai.concepts.ConceptEmbeddingClassifier} and
 * {@link io.sparkxai.concepts.EntropyLogicExplainer} fit a
 * {@link io.sparkxai.concepts.ConceptBottleneckModel}, a {@link io.sparkxai.concepts.ConceptEmbeddingModel}
 * and an {@link io.sparkxai.concepts.EntropyLogicExplainerModel}; interventions and intervention
 * curves ({@link io.sparkxai.concepts.ConceptModel}); diagnostics (concept ceiling, leakage:
 * {@link io.sparkxai.concepts.ConceptDiagnostics}); and the synthetic benchmarks as DataFrames
 * ({@link io.sparkxai.concepts.ConceptDataFrames}); the HTML report of a model on a test table
 * ({@link io.sparkxai.concepts.ConceptReport}); and {@link io.sparkxai.concepts.ConceptExplainer}, which
 * returns a saved model's metrics, intervention curve, formulas or report as DataFrames, for clients such
 * as Spark Connect that reach a model only through stages with literal params. Stages saved under their
 * former names
 * ({@code TrainedConceptBottleneckModel}, or {@code ConceptBottleneckModel} for an estimator) still
 * load.
 *
 * <p>The layer is thin: a fit turns rows into keyed, sorted shards and runs the core's trainer in
 * Spark tasks ({@code ShardedTraining}: one task for small data, parameter averaging across shards
 * for large data); a transform scores partitions in batches with one network per task. Models
 * save as Spark metadata, a versioned {@code network.json} and Parquet weights.
 */
package io.sparkxai.concepts;
