/**
 * The params of the concept stages, each declared once (a {@link io.sparkxai.params.ParamDecl}:
 * name, doc, default, rule) in an interface that estimator and model share:
 * {@link io.sparkxai.concepts.params.ColumnParams} (the concept, label, feature, output and
 * intervention columns), {@link io.sparkxai.concepts.params.NetworkTrainingParams} (how every
 * estimator trains) and {@link io.sparkxai.concepts.params.EstimatorParams} (the params of one kind
 * of estimator), besides {@link io.sparkxai.concepts.params.ConceptExplainerParams} (the explainer of saved
 * models). A stage implementing an interface has its params, defaults, rules, getters and
 * fluent setters; a few stages change a default in their constructor, as their Javadoc says.
 */
package io.sparkxai.concepts.params;
