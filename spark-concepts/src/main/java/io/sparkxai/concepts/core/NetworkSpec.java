package io.sparkxai.concepts.core;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a concept network looks like: its kind, sizes and activation. Enough to rebuild the block a
 * {@link ParameterSnapshot} belongs to, on the driver or on any executor.
 *
 * @param kind which network
 * @param numFeatures input features (0 for {@link Kind#ENTROPY}, which reads the concepts)
 * @param numConcepts concepts
 * @param numClasses task classes (2 for a binary task)
 * @param encoderHidden hidden widths of the concept encoder (for {@link Kind#ENTROPY}: the entropy
 *     layer's width first, then the hidden widths after it)
 * @param headHidden hidden widths of the task head
 * @param activation hidden-layer activation
 * @param embeddingSize embedding width per concept ({@link Kind#EMBEDDING} only)
 * @param temperature temperature τ of the entropy layer ({@link Kind#ENTROPY} only)
 */
public record NetworkSpec(Kind kind, int numFeatures, int numConcepts, int numClasses, int[] encoderHidden,
    int[] headHidden, ActivationFunction activation, int embeddingSize, double temperature) implements Serializable {

  /** The network families. */
  public enum Kind {
    /** Concept bottleneck model (Koh et al. 2020): features → concept probabilities → task. */
    BOTTLENECK,
    /** Concept embedding model (Espinosa Zarlenga et al. 2022): features → concept embeddings → task. */
    EMBEDDING,
    /** Entropy-based logic explained network (Barbiero et al. 2022): concepts → task. */
    ENTROPY;

    /** Lower-case name, as stored in saved models. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates sizes. */
  public NetworkSpec {
    encoderHidden = encoderHidden.clone();
    headHidden = headHidden.clone();
    if (numClasses < 2) {
      throw new IllegalArgumentException("a task needs at least 2 classes, got " + numClasses);
    }
    if (numConcepts < 1) {
      throw new IllegalArgumentException("a concept network needs at least one concept, got " + numConcepts);
    }
    if (kind != Kind.ENTROPY && numFeatures < 1) {
      throw new IllegalArgumentException("the network needs at least one feature, got " + numFeatures);
    }
    for (int h : encoderHidden) {
      requirePositive("hidden width", h);
    }
    for (int h : headHidden) {
      requirePositive("head hidden width", h);
    }
    if (kind == Kind.EMBEDDING) {
      requirePositive("embeddingSize", embeddingSize);
      if (encoderHidden.length == 0) {
        throw new IllegalArgumentException("a concept embedding model needs at least one encoder hidden layer");
      }
    }
    if (kind == Kind.ENTROPY) {
      if (encoderHidden.length == 0) {
        throw new IllegalArgumentException("an entropy network needs the entropy layer's width as first hidden size");
      }
      if (!(temperature > 0)) {
        throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
      }
    }
  }

  private static void requirePositive(String what, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(what + " must be >= 1, got " + v);
    }
  }

  @Override
  public int[] encoderHidden() {
    return encoderHidden.clone();
  }

  @Override
  public int[] headHidden() {
    return headHidden.clone();
  }

  /** Width of the task output: 1 logit for a binary task, one per class otherwise (entropy: one per class always). */
  public int taskOutputs() {
    return kind == Kind.ENTROPY || numClasses > 2 ? numClasses : 1;
  }

  /** Builds a new, uninitialised block of this architecture. */
  public Block newBlock() {
    switch (kind) {
      case BOTTLENECK:
        return new ConceptBottleneckBlock(this);
      case EMBEDDING:
        return new ConceptEmbeddingBlock(this);
      default:
        return new EntropyLogicBlock(this);
    }
  }

  /** The input shapes the block is initialised with (a batch of one row). */
  public Shape[] inputShapes() {
    switch (kind) {
      case BOTTLENECK:
      case EMBEDDING:
        return new Shape[] {new Shape(1, numFeatures), new Shape(1, numConcepts), new Shape(1, numConcepts)};
      default:
        return new Shape[] {new Shape(1, numConcepts)};
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NetworkSpec)) {
      return false;
    }
    NetworkSpec s = (NetworkSpec) o;
    return kind == s.kind && numFeatures == s.numFeatures && numConcepts == s.numConcepts
        && numClasses == s.numClasses && Arrays.equals(encoderHidden, s.encoderHidden)
        && Arrays.equals(headHidden, s.headHidden) && activation == s.activation
        && embeddingSize == s.embeddingSize && Double.compare(temperature, s.temperature) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * kind.hashCode() + Arrays.hashCode(encoderHidden)) + Arrays.hashCode(headHidden) + numConcepts;
  }

  @Override
  public String toString() {
    return kind.id() + "(features=" + numFeatures + ", concepts=" + numConcepts + ", classes=" + numClasses
        + ", encoder=" + Arrays.toString(encoderHidden) + ", head=" + Arrays.toString(headHidden) + ", "
        + activation.paramName() + (kind == Kind.EMBEDDING ? ", embedding=" + embeddingSize : "")
        + (kind == Kind.ENTROPY ? ", temperature=" + temperature : "") + ")";
  }
}
