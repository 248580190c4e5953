package io.sparkxai.concepts.core;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;

/** The hidden-layer activations a concept network may use; names as the {@code activation} param takes them. */
public enum ActivationFunction {
  /** LeakyReLU with PyTorch's default negative slope 0.01 (torch_explain's and the blog's choice). */
  LEAKY_RELU,
  /** ReLU. */
  RELU,
  /** Hyperbolic tangent. */
  TANH,
  /** Logistic sigmoid. */
  SIGMOID;

  /** PyTorch's {@code nn.LeakyReLU} default. */
  public static final float LEAKY_SLOPE = 0.01f;

  /** The param value: {@code leaky_relu}, {@code relu}, {@code tanh}, {@code sigmoid}. */
  public String paramName() {
    return ParamNames.of(this);
  }

  /** The activation called {@code name}; the error lists the names. */
  public static ActivationFunction of(String name) {
    return ParamNames.lookup(ActivationFunction.class, name, "activation");
  }

  /** Applies the activation. */
  public NDArray apply(NDArray x) {
    switch (this) {
      case LEAKY_RELU:
        return Activation.leakyRelu(x, LEAKY_SLOPE);
      case RELU:
        return Activation.relu(x);
      case TANH:
        return Activation.tanh(x);
      default:
        return Activation.sigmoid(x);
    }
  }

  /** The activation as a parameter-free block. */
  public Block block() {
    switch (this) {
      case LEAKY_RELU:
        return Activation.leakyReluBlock(LEAKY_SLOPE);
      case RELU:
        return Activation.reluBlock();
      case TANH:
        return Activation.tanhBlock();
      default:
        return Activation.sigmoidBlock();
    }
  }
}
