/**
 * Concept-based models as Spark ML stages: {@link io.sparkxai.concepts.ConceptBottleneckModel}
 * (independent, sequential, joint), {@link io.sparkxai.concepts.ConceptEmbeddingModel} and
 * {@link io.sparkxai.concepts.EntropyLogicExplainer} with their fitted models; interventions and
 * intervention curves ({@link io.sparkxai.concepts.TrainedConceptModel}); diagnostics (concept
 * ceiling, leakage: {@link io.sparkxai.concepts.ConceptDiagnostics}); and the synthetic benchmarks
 * as DataFrames ({@link io.sparkxai.concepts.ConceptDataFrames}).
 *
 * <p>The layer is thin: a fit turns rows into keyed, sorted shards and runs the core's trainer in
 * Spark tasks ({@code ShardedTraining}: one task for small data, parameter averaging across shards
 * for large data); a transform scores partitions in batches with one network per task. Models
 * save as Spark metadata, a versioned {@code network.json} and Parquet weights.
 */
package io.sparkxai.concepts;
