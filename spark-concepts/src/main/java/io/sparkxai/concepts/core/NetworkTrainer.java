package io.sparkxai.concepts.core;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.loss.L2Loss;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs optimisation steps of a concept network on one shard's rows with DJL's training API (a
 * {@link Trainer} over the network's block, a gradient collector, AdamW), from a given
 * {@link TrainingState} or from a seeded PyTorch-style initialisation, and returns the new state.
 *
 * <p>DJL's PyTorch gradient collector is JVM-wide (only one may be open at a time), so the
 * forward/backward part of each step holds one JVM-wide lock: tasks training in the same executor
 * take turns step by step. Networks this small gain nothing from running at once anyway.
 */
public final class NetworkTrainer {

  private static final ReentrantLock GRADIENTS = new ReentrantLock();
  private static final long PERMUTATION_SALT = 31;
  private static final long MASK_SALT = 37;

  private NetworkTrainer() {}

  /**
   * Runs {@code schedule.steps()} steps.
   *
   * @param spec the network
   * @param objective the stage's loss and inputs
   * @param data the shard's rows, in their fixed order
   * @param start where to start; null for a fresh network initialised from {@code schedule.seed()}
   * @param schedule which steps and batches
   * @param adam the optimiser settings
   * @return the state after the last step
   */
  public static TrainingState train(NetworkSpec spec, Objective objective, TrainingData data, TrainingState start,
      TrainingSchedule schedule, AdamWSettings adam) {
    if (data.rows() == 0) {
      throw new IllegalArgumentException("shard " + schedule.shard() + " has no rows to train on");
    }
    DjlRuntime.prepare();
    try (Model model = Model.newInstance("concepts-" + spec.kind().id(), Device.cpu())) {
      Block block = spec.newBlock();
      model.setBlock(block);
      Map<String, String> names = new HashMap<>();
      for (Pair<String, Parameter> p : block.getParameters()) {
        names.put(p.getValue().getId(), p.getKey());
      }
      StatefulAdamW optimizer = new StatefulAdamW(adam, names);
      // The objective computes the loss from several outputs; the config's loss is never used.
      DefaultTrainingConfig config = new DefaultTrainingConfig(new L2Loss()).optOptimizer(optimizer)
          .optDevices(new Device[] {Device.cpu()});
      TrainingState from = start != null ? start
          : TrainingState.fresh(initialParameters(spec, schedule.seed()));
      // The parameters start in engine-owned arrays (see engineOwned()); NDArray.set(float[]) would leave
      // them reading a Java buffer.
      from.parameters().initialize(block, model.getNDManager(), spec.inputShapes());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(spec.inputShapes());
        String frozen = objective.frozenChild();
        if (frozen != null) {
          freeze((AbstractBlock) block, frozen);
        }
        optimizer.resume(from.step(), from.firstMoments(), from.secondMoments());
        runSteps(trainer, spec, objective, data, schedule);
        return new TrainingState(ParameterSnapshot.of(block), optimizer.firstMoments(), optimizer.secondMoments(),
            from.step() + schedule.steps());
      }
    }
  }

  /** PyTorch-style initial parameters for {@code spec} from {@code seed} (shapes from a probe block). */
  static ParameterSnapshot initialParameters(NetworkSpec spec, long seed) {
    Block probe = spec.newBlock();
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      probe.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
      probe.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
      probe.initialize(m, DataType.FLOAT32, spec.inputShapes());
      return ParameterSnapshot.pytorchDefault(probe, seed);
    }
  }

  /** Freezes the child called {@code name} (DJL prefixes child names with their position: 01encoder). */
  private static void freeze(AbstractBlock block, String name) {
    for (Pair<String, Block> child : block.getChildren()) {
      if (child.getKey().endsWith(name)) {
        child.getValue().freezeParameters(true);
        return;
      }
    }
    throw new IllegalStateException("the network has no part called " + name + ": " + block.getChildren().keys());
  }

  private static void runSteps(Trainer trainer, NetworkSpec spec, Objective objective, TrainingData data,
      TrainingSchedule schedule) {
    int n = data.rows();
    boolean fullBatch = schedule.batchSize() <= 0 || schedule.batchSize() >= n;
    long epochLength = TrainingSchedule.stepsPerEpoch(n, schedule.batchSize());
    try (NDManager dataManager = trainer.getManager().newSubManager()) {
      NDArray features = data.numFeatures() == 0 ? null
          : engineOwned(dataManager.create(data.features()).reshape(n, data.numFeatures()));
      NDArray concepts = engineOwned(dataManager.create(data.concepts()).reshape(n, data.numConcepts()));
      NDArray labels = engineOwned(dataManager.create(data.labels()));
      int[] order = null;
      long orderEpoch = -1;
      for (long step = schedule.firstStep(); step < schedule.firstStep() + schedule.steps(); step++) {
        try (NDScope scope = new NDScope(); NDManager stepManager = dataManager.newSubManager()) {
          scope.suppressNotUsedWarning();
          Objective.Batch batch;
          if (fullBatch) {
            batch = new Objective.Batch(n, features, concepts, labels);
          } else {
            long epoch = step / epochLength;
            if (epoch != orderEpoch) {
              order = Seeds.permutation(n, Seeds.derive(schedule.seed(), PERMUTATION_SALT, (long) schedule.shard() << 32 | epoch));
              orderEpoch = epoch;
            }
            int from = (int) ((step % epochLength) * schedule.batchSize());
            int to = Math.min(n, from + schedule.batchSize());
            int[] rows = java.util.Arrays.copyOfRange(order, from, to);
            NDArray index = stepManager.create(rows);
            batch = new Objective.Batch(rows.length, features == null ? null : features.get(index), concepts.get(index),
                labels.get(index));
          }
          SplittableRandom rng = new SplittableRandom(
              Seeds.derive(schedule.seed(), MASK_SALT, (long) schedule.shard() << 40 | step));
          NDList inputs = objective.inputs(spec, stepManager, batch, rng);
          GRADIENTS.lock();
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList outputs = trainer.forward(inputs);
            NDArray loss = objective.loss(spec, outputs, batch);
            collector.backward(loss);
          } finally {
            GRADIENTS.unlock();
          }
          trainer.step();
        }
      }
    }
  }

  /**
   * A copy in the engine's own memory. An array made from Java data wraps a Java buffer that lives
   * only as long as the Java array object (DJL drops it on close); anything the engine keeps from
   * such an array — a view, a tensor saved for the backward pass — would read freed memory after a
   * garbage collection. Inputs, parameters and optimiser state are therefore copied once.
   */
  static NDArray engineOwned(NDArray wrapped) {
    NDArray copy = wrapped.duplicate();
    wrapped.close();
    return copy;
  }

}
