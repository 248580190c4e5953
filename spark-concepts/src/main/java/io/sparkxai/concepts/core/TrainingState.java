package io.sparkxai.concepts.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where training stands: the parameters, AdamW's moment estimates by parameter name, and the
 * number of updates done. It is what a shard task receives, returns, and what the driver averages.
 *
 * @param parameters the network's parameters
 * @param firstMoments AdamW's first moments by parameter name (trained parameters only)
 * @param secondMoments AdamW's second moments by parameter name
 * @param step updates done
 */
public record TrainingState(ParameterSnapshot parameters, Map<String, float[]> firstMoments,
    Map<String, float[]> secondMoments, long step) implements Serializable {

  /** Copies the moment maps. */
  public TrainingState {
    firstMoments = copy(firstMoments);
    secondMoments = copy(secondMoments);
  }

  /** A start from {@code parameters} with a fresh optimiser. */
  public static TrainingState fresh(ParameterSnapshot parameters) {
    return new TrainingState(parameters, Map.of(), Map.of(), 0);
  }

  @Override
  public Map<String, float[]> firstMoments() {
    return copy(firstMoments);
  }

  @Override
  public Map<String, float[]> secondMoments() {
    return copy(secondMoments);
  }

  /**
   * Parameter averaging across shards: the weighted mean of the parameters and of both moment
   * estimates (weights: the shards' row counts), summed in list order; all states must have done the
   * same number of steps.
   */
  public static TrainingState weightedMean(List<TrainingState> states, double[] weights) {
    long step = states.get(0).step;
    List<ParameterSnapshot> params = new ArrayList<>();
    for (TrainingState s : states) {
      if (s.step != step) {
        throw new IllegalArgumentException("shards disagree on the step count: " + step + " vs. " + s.step);
      }
      params.add(s.parameters);
    }
    return new TrainingState(ParameterSnapshot.weightedMean(params, weights), meanOf(states, weights, true),
        meanOf(states, weights, false), step);
  }

  private static Map<String, float[]> meanOf(List<TrainingState> states, double[] weights, boolean first) {
    Map<String, float[]> out = new LinkedHashMap<>();
    Map<String, float[]> reference = first ? states.get(0).firstMoments : states.get(0).secondMoments;
    for (String name : reference.keySet()) {
      out.put(name, ParameterSnapshot.weightedMean(states.size(), weights,
          s -> (first ? states.get(s).firstMoments : states.get(s).secondMoments).get(name),
          "optimiser state for " + name));
    }
    return out;
  }

  private static Map<String, float[]> copy(Map<String, float[]> m) {
    Map<String, float[]> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v.clone()));
    return out;
  }
}
