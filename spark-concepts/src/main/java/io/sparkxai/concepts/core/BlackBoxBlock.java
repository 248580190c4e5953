package io.sparkxai.concepts.core;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A plain multilayer perceptron from features to task logits: the baseline without concepts. */
final class BlackBoxBlock extends AbstractBlock {

  private final Block network;
  private final int outputs;

  BlackBoxBlock(NetworkSpec spec) {
    super((byte) 1);
    outputs = spec.taskOutputs();
    network = addChildBlock("network", Layers.mlp(spec.encoderHidden(), outputs, spec.activation()));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return network.forward(store, new NDList(inputs.get(0)), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), outputs)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    network.initialize(manager, dataType, inputShapes[0]);
  }
}
