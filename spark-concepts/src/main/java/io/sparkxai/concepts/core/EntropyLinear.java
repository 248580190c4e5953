package io.sparkxai.concepts.core;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * The entropy linear layer of Barbiero et al. 2022 ("Entropy-based logic explanations of neural
 * networks", AAAI, eq. 1–3), one linear map per class: weights W of shape (classes, out, in), the
 * concept relevance γ = ‖W‖₁ over the output units (classes × in), the attention
 * α = softmax(γ / τ) over the concepts, and α̃ = α / max α. Each class's copy of the layer sees the
 * input scaled by its α̃: {@code out[b, c] = (x[b] ⊙ α̃[c]) · W[c]ᵀ + bias[c]}. Input (batch, in);
 * outputs (batch, classes, out) and α (classes, in), which the entropy loss and the explanations
 * read. Concepts with α̃ &gt; 0.5 are the ones a class's explanations may use.
 */
final class EntropyLinear extends AbstractBlock {

  private final Parameter weight;
  private final Parameter bias;
  private final int classes;
  private final int in;
  private final int out;
  private final float temperature;

  EntropyLinear(int in, int out, int classes, double temperature) {
    super((byte) 1);
    this.in = in;
    this.out = out;
    this.classes = classes;
    this.temperature = (float) temperature;
    weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(classes, out, in)).optInitializer(new UniformInitializer(0.01f)).build());
    bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
        .optShape(new Shape(classes, 1, out)).optInitializer(new UniformInitializer(0.01f)).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    Device device = x.getDevice();
    NDArray w = store.getValue(weight, device, training);
    NDArray b = store.getValue(bias, device, training);
    NDArray gamma = w.abs().sum(new int[] {1});
    NDArray alpha = Losses.scale(gamma, 1.0 / temperature).softmax(1); // not div(Number): see Losses.scale
    NDArray scaled = alpha.div(alpha.max(new int[] {1}, true));
    NDArray weighted = x.expandDims(0).mul(scaled.expandDims(1));
    NDArray h = weighted.matMul(w.transpose(0, 2, 1)).add(b);
    return new NDList(h.transpose(1, 0, 2), alpha);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes, out), new Shape(classes, in)};
  }
}
