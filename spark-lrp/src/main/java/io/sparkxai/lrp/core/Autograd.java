package io.sparkxai.lrp.core;

import ai.djl.training.GradientCollector;

/**
 * Access to the engine's gradient recording. PyTorch's grad mode is per thread but DJL allows one
 * open {@link GradientCollector} per JVM, so implementations serialise: {@link #open()} waits until
 * no other caller holds the collector, and closing the returned collector releases it.
 */
@FunctionalInterface
public interface Autograd {

  /** Opens the collector, waiting for other users; close it (try-with-resources) to release it. */
  GradientCollector open();
}
