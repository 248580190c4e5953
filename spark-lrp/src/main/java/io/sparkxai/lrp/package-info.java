/**
 * spark-lrp's entry points outside the pure core: {@link io.sparkxai.lrp.Lrp} builds engines on DJL's
 * PyTorch engine; the Spark stages will live here too.
 */
package io.sparkxai.lrp;
