package io.sparkxai.ebm.core;

import java.util.Arrays;

/**
 * Early stopping of {@link CyclicBooster} as interpretml does it: the validation metric of every
 * applied step (outside smoothing rounds) enters a circular window of {@code earlyStoppingRounds *
 * terms} steps; boosting stops when the best metric of the steps older than the window is within the
 * relative tolerance of the best metric inside it. Slots not yet filled hold +infinity, as in
 * interpretml's circular buffer, so they never are the minimum. A size of 0 never stops. Mutable.
 */
final class StoppingWindow {

  private final double[] window;
  private final double relativeTolerance;
  private int windowIndex;
  private long windowCount;
  private final long[] minQueue;
  private final double[] minQueueValues;
  private int queueHead;
  private int queueTail;
  private double minMetric = Double.POSITIVE_INFINITY;
  private double minPrevious = Double.POSITIVE_INFINITY;

  /**
   * @param size steps in the window (0: never stop)
   * @param relativeTolerance {@code earlyStoppingTolerance}
   */
  StoppingWindow(int size, double relativeTolerance) {
    this.window = new double[size];
    Arrays.fill(window, Double.POSITIVE_INFINITY);
    this.relativeTolerance = relativeTolerance;
    this.minQueue = new long[size + 1];
    this.minQueueValues = new double[size + 1];
  }

  /** Steps in the window. */
  int size() {
    return window.length;
  }

  /**
   * Books the metric of a step.
   *
   * @param counted whether the step counts for stopping (false in smoothing rounds)
   * @return whether boosting should stop
   */
  boolean add(double metric, boolean counted) {
    double tolerance = Math.min(Math.abs(minMetric), Math.abs(minPrevious)) * relativeTolerance;
    if (!Double.isFinite(tolerance)) {
      tolerance = 0.0;
    }
    minMetric = Math.min(metric, minMetric);
    if (window.length == 0 || !counted) {
      return false;
    }
    double toss = window[windowIndex];
    window[windowIndex] = metric;
    windowIndex = (windowIndex + 1) % window.length;
    minPrevious = Math.min(toss, minPrevious);
    return minPrevious - tolerance <= windowMin(metric);
  }

  /**
   * Adds the newest metric to the sliding window and returns the window's minimum (a monotonic queue:
   * O(1) per step instead of a scan of the window).
   */
  private double windowMin(double metric) {
    int cap = minQueue.length;
    long position = windowCount++;
    while (queueTail != queueHead && minQueueValues[(queueTail - 1 + cap) % cap] >= metric) {
      queueTail = (queueTail - 1 + cap) % cap;
    }
    minQueue[queueTail] = position;
    minQueueValues[queueTail] = metric;
    queueTail = (queueTail + 1) % cap;
    while (minQueue[queueHead] <= position - window.length) {
      queueHead = (queueHead + 1) % cap;
    }
    return minQueueValues[queueHead];
  }
}
