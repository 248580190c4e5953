/**
 * The params of the concept stages, each declared once (a {@link io.sparkxai.params.ParamDecl}:
 * name, doc, default, rule) in an interface that estimator and model share:
 * {@link io.sparkxai.concepts.params.ConceptTaskParams} (concept, label and output columns, every
 * stage), {@link io.sparkxai.concepts.params.ConceptModelParams} (features and concept output, the
 * bottleneck and embedding classifiers and models), {@link io.sparkxai.concepts.params.InterventionParams}
 * (fitted models), {@link io.sparkxai.concepts.params.NetworkTrainingParams} (every estimator),
 * {@link io.sparkxai.concepts.params.ConceptClassifierParams} and the params of one estimator each
 * ({@link io.sparkxai.concepts.params.ConceptBottleneckParams},
 * {@link io.sparkxai.concepts.params.ConceptEmbeddingParams},
 * {@link io.sparkxai.concepts.params.EntropyLogicParams}). A stage implementing an interface has its
 * params, defaults, rules, getters and fluent setters; a few stages change a default in their
 * constructor, as their Javadoc says.
 */
package io.sparkxai.concepts.params;
