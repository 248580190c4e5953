package io.sparkxai.concepts.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A concept bottleneck (Koh et al. 2020, "Concept Bottleneck Models", ICML): an encoder from
 * features to concept logits, the sigmoid, and a head from the concept probabilities to the task.
 * Inputs: {@code x}, or {@code x, trueConcepts, mask} to intervene (where the mask is 1 the head sees
 * the true concept instead of the predicted probability). Outputs: task logits, concept logits, the
 * concept values the head saw.
 */
final class ConceptBottleneckBlock extends ConceptBlock {

  static final String ENCODER = "encoder";
  static final String HEAD = "head";

  private final Block encoder;
  private final Block head;

  ConceptBottleneckBlock(NetworkSpec spec) {
    super(spec);
    encoder = addChildBlock(ENCODER, Layers.mlp(spec.encoderHidden(), concepts, spec.activation()));
    head = addChildBlock(HEAD, Layers.mlp(spec.headHidden(), outputs, spec.activation()));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray logits = encoder.forward(store, new NDList(inputs.get(0)), training).singletonOrThrow();
    NDArray probabilities = Activation.sigmoid(logits);
    NDArray seen = seen(probabilities, inputs);
    NDArray task = head.forward(store, new NDList(seen), training).singletonOrThrow();
    return new NDList(task, logits, seen);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    encoder.initialize(manager, dataType, inputShapes[0]);
    head.initialize(manager, dataType, new Shape(inputShapes[0].get(0), concepts));
  }
}
