package io.sparkxai.ebm.core;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Which term {@link CyclicBooster} boosts next, with interpretml's schedule: {@code smoothingRounds}
 * cyclic rounds in a freshly shuffled order, then rounds of a cyclic pass (which applies its updates
 * only when {@code cyclicProgress} says so) followed by {@code greedyRatio * terms} greedy steps,
 * each taking the term with the highest (possibly stale) gain from a priority queue; the first
 * greedy step reuses the best update the cyclic pass computed. Mutable; one per run.
 */
final class BoostSchedule {

  private final int[] order;
  private final PriorityQueue<GainKey> heap = new PriorityQueue<>();
  private final SplittableRandom rng;
  private final int greedySteps;
  private final double cyclicProgress;
  private double cyclicState;
  private GainKey bestKey;
  private int stateIndex;
  private int smoothingLeft;
  private int roundsStarted;

  /**
   * @param terms the terms boosted
   * @param params the schedule's hyperparameters ({@code greedyRatio}, {@code cyclicProgress}, {@code maxRounds})
   * @param smoothingLeft smoothing rounds still to run
   * @param rng the bag's random stream (shuffles)
   */
  BoostSchedule(int terms, BoostParams params, int smoothingLeft, SplittableRandom rng) {
    double greedyRatio = Math.min(params.greedyRatio(), params.maxRounds());
    this.greedySteps = (int) Math.ceil(greedyRatio * terms);
    this.cyclicProgress = greedySteps <= 0 ? 1.0 : params.cyclicProgress();
    this.cyclicState = cyclicProgress;
    this.smoothingLeft = smoothingLeft;
    this.rng = rng;
    this.order = new int[terms];
    for (int i = 0; i < terms; i++) {
      order[i] = i;
    }
  }

  /** Whether the next step starts a round. */
  boolean atRoundStart() {
    return stateIndex == 0;
  }

  /** Rounds started so far. */
  int roundsStarted() {
    return roundsStarted;
  }

  /** Starts a round: a fresh greedy queue, and the cyclic order shuffled (in smoothing only at step 0). */
  void startRound(long step) {
    roundsStarted++;
    bestKey = null;
    heap.clear();
    if (step == 0 || greedySteps > 0) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
  }

  /** Whether the step at hand applies its update (a gain pass only computes it). */
  boolean progress() {
    return stateIndex < 0 || cyclicState >= 1.0 || smoothingLeft > 0;
  }

  /** Whether the step at hand is a smoothing step (random split points). */
  boolean smoothing() {
    return smoothingLeft > 0;
  }

  /** The term of the step at hand (a greedy step takes it off the queue). */
  int nextTerm() {
    return stateIndex >= 0 ? order[stateIndex] : heap.poll().term();
  }

  /** Whether the step at hand reuses the update the gain pass cached (the first greedy step). */
  boolean reusesCached() {
    return bestKey != null && stateIndex < 0;
  }

  /** Offers a computed update's key; returns whether it is the gain pass's best so far (to be cached). */
  boolean offer(GainKey key, boolean progress) {
    if (!progress && (bestKey == null || key.compareTo(bestKey) < 0)) {
      bestKey = key;
      return true;
    }
    return false;
  }

  /** The key of the cached update, which the step at hand applies. */
  GainKey takeBest() {
    GainKey key = bestKey;
    bestKey = null;
    return key;
  }

  /** Puts a term back in the greedy queue with its new gain. */
  void requeue(GainKey key) {
    heap.add(key);
  }

  /** Moves to the next term of the cyclic pass, or into the greedy steps after it. */
  void advance() {
    stateIndex++;
    if (stateIndex >= order.length) {
      if (smoothingLeft > 0) {
        stateIndex = 0;
        smoothingLeft--;
      } else {
        stateIndex = -greedySteps;
        if (cyclicState >= 1.0) {
          cyclicState -= 1.0;
        }
        cyclicState += cyclicProgress;
      }
    }
  }
}
