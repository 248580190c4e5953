package io.sparkxai.concepts.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * What one training stage optimises, and what the network sees while it does: which inputs, which
 * loss, which part is frozen. The modes of Koh et al. 2020 are stages of the bottleneck network:
 * <ul>
 *   <li>joint: {@code conceptWeight·BCE(c) + taskWeight·L(y)} end to end (the blog's recipe is
 *       weights 1 and 0.2);</li>
 *   <li>independent: first {@link Stage#CONCEPTS} (the encoder on BCE(c)), then
 *       {@link Stage#HEAD_ON_TRUE_CONCEPTS} (the head on the true concepts, encoder frozen);</li>
 *   <li>sequential: first {@link Stage#CONCEPTS}, then {@link Stage#HEAD_ON_PREDICTED_CONCEPTS}
 *       (the head on the frozen encoder's probabilities).</li>
 * </ul>
 * The embedding model trains jointly with RandInt: each concept of each row is replaced by its true
 * value with probability {@code interventionProbability} (Espinosa Zarlenga et al. 2022, section 4).
 * The entropy network adds {@code entropyWeight} × the attention entropy to its one-vs-rest loss.
 *
 * @param stage the stage
 * @param conceptWeight weight of the concept loss (joint stages)
 * @param taskWeight weight of the task loss (joint stages)
 * @param interventionProbability RandInt probability (joint stages; 0 = none)
 * @param entropyWeight weight of the attention entropy (entropy networks)
 */
public record Objective(Stage stage, double conceptWeight, double taskWeight, double interventionProbability,
    double entropyWeight) implements Serializable {

  /** The training stages. */
  public enum Stage {
    /** Concepts and task together. */
    JOINT,
    /** The concept encoder alone; the head is frozen. */
    CONCEPTS,
    /** The head on the true concepts; the encoder is frozen. */
    HEAD_ON_TRUE_CONCEPTS,
    /** The head on the frozen encoder's concept probabilities. */
    HEAD_ON_PREDICTED_CONCEPTS,
    /** The task alone (entropy networks). */
    TASK
  }

  /** Validates the weights. */
  public Objective {
    if (!(conceptWeight >= 0) || !(taskWeight >= 0) || !(entropyWeight >= 0)) {
      throw new IllegalArgumentException("loss weights must be >= 0, got concept " + conceptWeight + ", task "
          + taskWeight + ", entropy " + entropyWeight);
    }
    if (!(interventionProbability >= 0 && interventionProbability <= 1)) {
      throw new IllegalArgumentException("interventionProbability must be in [0, 1], got " + interventionProbability);
    }
  }

  /** Joint training with the given weights and RandInt probability. */
  public static Objective joint(double conceptWeight, double taskWeight, double interventionProbability) {
    return new Objective(Stage.JOINT, conceptWeight, taskWeight, interventionProbability, 0);
  }

  /** A stage that needs no weights. */
  public static Objective stage(Stage stage) {
    return new Objective(stage, 1, 1, 0, 0);
  }

  /** The entropy network's objective. */
  public static Objective entropy(double entropyWeight) {
    return new Objective(Stage.TASK, 0, 1, 0, entropyWeight);
  }

  /** The child block this stage freezes, or null. */
  String frozenChild() {
    switch (stage) {
      case CONCEPTS:
        return ConceptBottleneckBlock.HEAD;
      case HEAD_ON_TRUE_CONCEPTS:
      case HEAD_ON_PREDICTED_CONCEPTS:
        return ConceptBottleneckBlock.ENCODER;
      default:
        return null;
    }
  }

  /** The block inputs for one batch. */
  NDList inputs(NetworkSpec spec, NDManager manager, Batch batch, SplittableRandom rng) {
    if (spec.kind() == NetworkSpec.Kind.ENTROPY) {
      return new NDList(batch.concepts());
    }
    if (stage == Stage.HEAD_ON_TRUE_CONCEPTS) {
      return new NDList(batch.features(), batch.concepts(), batch.concepts().onesLike());
    }
    if (stage == Stage.JOINT && interventionProbability > 0) {
      int k = spec.numConcepts();
      float[] mask = new float[batch.rows() * k];
      for (int i = 0; i < mask.length; i++) {
        mask[i] = rng.nextDouble() < interventionProbability ? 1f : 0f;
      }
      NDArray m = NetworkTrainer.engineOwned(manager.create(mask).reshape(batch.rows(), k));
      return new NDList(batch.features(), batch.concepts(), m);
    }
    return new NDList(batch.features());
  }

  /** The scalar loss of the block's outputs on one batch. */
  NDArray loss(NetworkSpec spec, NDList outputs, Batch batch) {
    if (spec.kind() == NetworkSpec.Kind.ENTROPY) {
      NDArray loss = Losses.oneVsRest(outputs.get(0), batch.labels());
      return entropyWeight > 0 ? loss.add(Losses.scale(Losses.attentionEntropy(outputs.get(1)), entropyWeight)) : loss;
    }
    switch (stage) {
      case CONCEPTS:
        return Losses.binaryCrossEntropy(outputs.get(1), batch.concepts());
      case HEAD_ON_TRUE_CONCEPTS:
      case HEAD_ON_PREDICTED_CONCEPTS:
      case TASK:
        return Losses.task(outputs.get(0), batch.labels());
      default:
        return Losses.scale(Losses.binaryCrossEntropy(outputs.get(1), batch.concepts()), conceptWeight)
            .add(Losses.scale(Losses.task(outputs.get(0), batch.labels()), taskWeight));
    }
  }

  /** One batch of rows as arrays: features (rows, d), concepts (rows, k), labels (rows). */
  record Batch(int rows, NDArray features, NDArray concepts, NDArray labels) {}
}
