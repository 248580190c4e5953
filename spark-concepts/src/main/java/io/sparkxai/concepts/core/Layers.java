package io.sparkxai.concepts.core;

import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/** Builds the plain multilayer perceptrons the concept networks are made of. */
final class Layers {

  private Layers() {}

  /**
   * Linear layers of the given hidden widths, each followed by {@code activation}, then a linear
   * output layer of {@code outputs} units (no activation: the callers apply sigmoid or softmax in
   * the loss, which is numerically safer).
   */
  static SequentialBlock mlp(int[] hidden, int outputs, ActivationFunction activation) {
    SequentialBlock block = new SequentialBlock();
    for (int h : hidden) {
      block.add(Linear.builder().setUnits(h).build());
      block.add(activation.block());
    }
    block.add(Linear.builder().setUnits(outputs).build());
    return block;
  }
}
