package io.sparkxai.concepts.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * An entropy-based logic explained network (Barbiero et al. 2022) over concepts: the
 * {@link EntropyLinear} layer (one copy per class), the activation, then a small network shared by
 * the classes that maps each class's hidden vector to that class's logit — torch_explain's
 * {@code EntropyLinear(k, h₁, C) → act → Linear(h₁, h₂) → act → Linear(h₂, 1)}. Input: concepts
 * (batch, k). Outputs: class logits (batch, C) and the attention α (C, k).
 */
final class EntropyLogicBlock extends AbstractBlock {

  private final EntropyLinear entropy;
  private final Block head;
  private final ActivationFunction activation;
  private final int classes;
  private final int width;

  EntropyLogicBlock(NetworkSpec spec) {
    super((byte) 1);
    int[] hidden = spec.encoderHidden();
    classes = spec.numClasses();
    width = hidden[0];
    activation = spec.activation();
    entropy = addChildBlock("entropy", new EntropyLinear(spec.numConcepts(), width, classes, spec.temperature()));
    head = addChildBlock("head", Layers.mlp(Arrays.copyOfRange(hidden, 1, hidden.length), 1, activation));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList e = entropy.forward(store, inputs, training);
    NDArray hidden = activation.apply(e.get(0)).reshape(-1, width);
    NDArray logits = head.forward(store, new NDList(hidden), training).singletonOrThrow().reshape(-1, classes);
    return new NDList(logits, e.get(1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes), new Shape(classes, inputShapes[0].get(1))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    entropy.initialize(manager, dataType, inputShapes[0]);
    head.initialize(manager, dataType, new Shape(inputShapes[0].get(0) * classes, width));
  }
}
