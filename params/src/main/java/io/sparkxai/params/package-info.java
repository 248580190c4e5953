/**
 * The one way the stages of spark-ebm, spark-lrp and spark-concepts declare their params: a
 * {@link io.sparkxai.params.ParamDecl} (name, doc, default, {@link io.sparkxai.params.Rule}) in a
 * params interface extending {@link io.sparkxai.params.DeclaredParams}, exposed by default methods
 * that estimator and model share; {@link io.sparkxai.params.ParamRegistry} makes the Spark params
 * of each stage. See {@code docs/contributing.md}, "Adding a param".
 */
package io.sparkxai.params;
