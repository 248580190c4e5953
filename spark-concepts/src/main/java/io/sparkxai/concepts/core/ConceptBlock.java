package io.sparkxai.concepts.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;

/**
 * What the concept bottleneck and the concept embedding networks share: the inputs ({@code x}, or
 * {@code x, trueConcepts, mask} to intervene), the outputs (task logits, concept logits, the concept
 * values the head saw) and the intervention itself.
 */
abstract class ConceptBlock extends AbstractBlock {

  final int concepts;
  final int outputs;

  ConceptBlock(NetworkSpec spec) {
    super((byte) 1);
    concepts = spec.numConcepts();
    outputs = spec.taskOutputs();
  }

  /** The concept values the head sees: the probabilities, or with a mask, the truth where it is 1. */
  static NDArray seen(NDArray probabilities, NDList inputs) {
    return inputs.size() >= 3 ? Interventions.mix(probabilities, inputs.get(1), inputs.get(2)) : probabilities;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long batch = inputShapes[0].get(0);
    return new Shape[] {new Shape(batch, outputs), new Shape(batch, concepts), new Shape(batch, concepts)};
  }
}
