package io.sparkxai.concepts.core;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;

/**
 * Scores rows with a trained concept network: builds the block once from its spec and parameters
 * (frozen, so no autograd graph is kept), then runs batches. Not thread-safe; one per task, closed
 * when the task's rows are done.
 */
public final class NetworkRunner implements AutoCloseable {

  private final NetworkSpec spec;
  private final NDManager manager;
  private final Block block;
  private final ParameterStore store;

  /** Builds the network with {@code parameters}. */
  public NetworkRunner(NetworkSpec spec, ParameterSnapshot parameters) {
    DjlRuntime.prepare();
    this.spec = spec;
    this.manager = NDManager.newBaseManager(Device.cpu());
    try {
      block = spec.newBlock();
      block.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
      block.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
      block.initialize(manager, DataType.FLOAT32, spec.inputShapes());
      parameters.copyInto(block);
      block.freezeParameters(true);
      store = new ParameterStore(manager, false);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The network's description. */
  public NetworkSpec spec() {
    return spec;
  }

  /**
   * Runs {@code rows} rows.
   *
   * @param features row-major features (rows × numFeatures); ignored by entropy networks
   * @param concepts row-major concept values: the inputs of an entropy network, else the true values
   *     used where {@code mask} is 1 (may be null without a mask)
   * @param mask row-major 0/1 intervention mask, or null for none
   */
  public Outputs run(int rows, float[] features, float[] concepts, float[] mask) {
    try (NDManager batch = manager.newSubManager()) {
      NDList inputs;
      int k = spec.numConcepts();
      switch (spec.kind()) {
        case ENTROPY:
          inputs = new NDList(batch.create(concepts).reshape(rows, k));
          break;
        default:
          NDArray x = batch.create(features).reshape(rows, spec.numFeatures());
          inputs = mask == null ? new NDList(x)
              : new NDList(x, batch.create(concepts).reshape(rows, k), batch.create(mask).reshape(rows, k));
      }
      NDList out = block.forward(store, inputs, false);
      float[] task = out.get(0).toFloatArray();
      int width = (int) out.get(0).getShape().get(1);
      switch (spec.kind()) {
        case ENTROPY:
          return new Outputs(rows, width, task, concepts.clone(), concepts.clone(), out.get(1).toFloatArray());
        default:
          NDArray logits = out.get(1);
          float[] predicted = logits.getNDArrayInternal().sigmoid().toFloatArray();
          return new Outputs(rows, width, task, predicted, out.get(2).toFloatArray(), null);
      }
    }
  }

  @Override
  public void close() {
    manager.close();
  }

  /**
   * One batch's results, row-major.
   *
   * @param rows rows scored
   * @param taskWidth task logits per row (1 for a binary head)
   * @param taskLogits the task logits
   * @param predictedConcepts the network's own concept probabilities (the inputs, for an entropy network)
   * @param usedConcepts the concept values the head saw, after interventions
   * @param attention the entropy layer's α (classes × concepts), entropy networks only
   */
  public record Outputs(int rows, int taskWidth, float[] taskLogits, float[] predictedConcepts, float[] usedConcepts,
      float[] attention) {

    /** The predicted class of row {@code r}: logit &gt; 0 for a binary head, else the first largest logit. */
    public int predictedClass(int r) {
      if (taskWidth == 1) {
        return taskLogits[r] > 0 ? 1 : 0;
      }
      int best = 0;
      for (int j = 1; j < taskWidth; j++) {
        if (taskLogits[r * taskWidth + j] > taskLogits[r * taskWidth + best]) {
          best = j;
        }
      }
      return best;
    }
  }
}
