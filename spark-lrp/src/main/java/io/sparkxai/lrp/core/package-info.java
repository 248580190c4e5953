/**
 * The LRP engine: rules ({@link io.sparkxai.lrp.core.Rule}), composites that map layers to rules
 * ({@link io.sparkxai.lrp.core.Composite}, {@link io.sparkxai.lrp.core.Composites} with zennit's
 * names and defaults), canonizers, targets and initial relevance, and the propagation itself
 * ({@link io.sparkxai.lrp.core.LrpEngine}) on DJL arrays. No Spark here; DJL's engine-neutral api
 * only, with the gradient collector reached through {@link io.sparkxai.lrp.core.Autograd}.
 */
package io.sparkxai.lrp.core;
