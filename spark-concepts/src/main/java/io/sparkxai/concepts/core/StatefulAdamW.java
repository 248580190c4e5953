package io.sparkxai.concepts.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW whose moment estimates can be read out and put back, so that training can stop in one
 * task and go on in another, and shards' optimiser states can be averaged with their parameters.
 * The update itself is DJL's fused engine kernel (the one {@code ai.djl.training.optimizer.AdamW}
 * calls): {@code w ← w − lr·wd·w; m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
 * w ← w − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v + ε)}; it also zeroes the gradient.
 */
final class StatefulAdamW extends Optimizer {

  private final AdamWSettings settings;
  private final Map<String, String> names;
  private long stepOffset;
  private Map<String, float[]> startFirst = Map.of();
  private Map<String, float[]> startSecond = Map.of();
  private final Map<String, NDArray> first = new HashMap<>();
  private final Map<String, NDArray> second = new HashMap<>();
  private long lastStep;

  /** @param names parameter id (DJL's) to parameter name */
  StatefulAdamW(AdamWSettings settings, Map<String, String> names) {
    super(new Builder().optWeightDecays((float) settings.weightDecay()));
    this.settings = settings;
    this.names = Map.copyOf(names);
  }

  /**
   * Continues from a saved state (call before the first update).
   *
   * @param step updates already done (the bias corrections continue from there)
   * @param firstMoments first moments by parameter name (absent: zeros)
   * @param secondMoments second moments by parameter name
   */
  void resume(long step, Map<String, float[]> firstMoments, Map<String, float[]> secondMoments) {
    if (!first.isEmpty()) {
      throw new IllegalStateException("resume() must come before the first update");
    }
    stepOffset = step;
    lastStep = step;
    startFirst = firstMoments;
    startSecond = secondMoments;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    long t = stepOffset + updateCount(parameterId);
    // StrictMath: Math.pow may differ in the last bit between interpreted and compiled code, and
    // training amplifies any difference; a model must not depend on when the JIT kicks in.
    lastStep = Math.max(lastStep, t);
    double b1 = settings.beta1();
    double b2 = settings.beta2();
    float lr = (float) settings.learningRate();
    float corrected = (float) (settings.learningRate() * Math.sqrt(1 - StrictMath.pow(b2, t)) / (1 - StrictMath.pow(b1, t)));
    String name = names.get(parameterId);
    NDArray m = first.computeIfAbsent(parameterId, id -> state(weight, startFirst.get(name)));
    NDArray v = second.computeIfAbsent(parameterId, id -> state(weight, startSecond.get(name)));
    weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, m, v), new NDList(weight), lr, corrected,
        getWeightDecay(), rescaleGrad, clipGrad, (float) b1, (float) b2, (float) settings.epsilon(), true, true);
  }

  private static NDArray state(NDArray weight, float[] start) {
    NDArray a = start == null ? weight.zerosLike()
        : NetworkTrainer.engineOwned(weight.getManager().create(start, weight.getShape()));
    NDScope.unregister(a); // lives as long as the optimiser, not the step that created it
    return a;
  }

  /** Updates done so far, counting those before this optimiser started. */
  long step() {
    return lastStep;
  }

  /** The first moments by parameter name (parameters updated at least once). */
  Map<String, float[]> firstMoments() {
    return export(first);
  }

  /** The second moments by parameter name. */
  Map<String, float[]> secondMoments() {
    return export(second);
  }

  private Map<String, float[]> export(Map<String, NDArray> state) {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : state.entrySet()) {
      out.put(names.get(e.getKey()), e.getValue().toFloatArray());
    }
    return out;
  }

  private static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }
}
