package io.sparkxai.concepts.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A concept embedding model (Espinosa Zarlenga et al. 2022, "Concept Embedding Models", NeurIPS):
 * a shared encoder; per concept a context of two embeddings (active, inactive) of width m from its
 * own linear layer; a scoring layer shared by all concepts that turns a concept's context into its
 * probability p; the concept's embedding {@code p·active + (1 − p)·inactive}; and a head over the
 * concatenated embeddings. The k per-concept context layers are one linear layer of k·2m units
 * (equivalent: each concept's slice has its own weights over the whole hidden vector).
 * Inputs: {@code x}, or {@code x, trueConcepts, mask} to intervene (the true value replaces p in the
 * mix). Outputs: task logits, concept logits, the concept values used in the mix.
 */
final class ConceptEmbeddingBlock extends ConceptBlock {

  private final Block encoder;
  private final Block contexts;
  private final Block scorer;
  private final Block head;
  private final ActivationFunction activation;
  private final int width;

  ConceptEmbeddingBlock(NetworkSpec spec) {
    super(spec);
    width = spec.embeddingSize();
    activation = spec.activation();
    SequentialBlock enc = new SequentialBlock();
    for (int h : spec.encoderHidden()) {
      enc.add(Linear.builder().setUnits(h).build());
      enc.add(activation.block());
    }
    encoder = addChildBlock("encoder", enc);
    contexts = addChildBlock("contexts", Linear.builder().setUnits((long) concepts * 2 * width).build());
    scorer = addChildBlock("scorer", Linear.builder().setUnits(1).build());
    head = addChildBlock("head", Layers.mlp(spec.headHidden(), outputs, activation));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray hidden = encoder.forward(store, new NDList(inputs.get(0)), training).singletonOrThrow();
    NDArray context = activation.apply(contexts.forward(store, new NDList(hidden), training).singletonOrThrow())
        .reshape(-1, concepts, 2L * width);
    NDArray logits = scorer.forward(store, new NDList(context.reshape(-1, 2L * width)), training)
        .singletonOrThrow().reshape(-1, concepts);
    NDArray probabilities = Activation.sigmoid(logits);
    NDArray seen = seen(probabilities, inputs);
    NDArray active = context.get(new NDIndex(":, :, 0:" + width));
    NDArray inactive = context.get(new NDIndex(":, :, " + width + ":"));
    NDArray embedding = inactive.add(active.sub(inactive).mul(seen.expandDims(2)));
    NDArray task = head.forward(store, new NDList(embedding.reshape(-1, (long) concepts * width)), training)
        .singletonOrThrow();
    return new NDList(task, logits, seen);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    encoder.initialize(manager, dataType, inputShapes[0]);
    Shape hidden = encoder.getOutputShapes(new Shape[] {inputShapes[0]})[0];
    contexts.initialize(manager, dataType, hidden);
    scorer.initialize(manager, dataType, new Shape(batch * concepts, 2L * width));
    head.initialize(manager, dataType, new Shape(batch, (long) concepts * width));
  }
}
