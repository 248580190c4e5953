package io.sparkxai.ebm.kernel;

/**
 * The rows of one bag as every {@link HistogramKernel} reads them: scores (updated in place by the
 * kernels), labels and weights, as flat primitive arrays.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@code scores[i * k + c]}: the raw score of row {@code i}, class {@code c}, as a {@code float};</li>
 *   <li>{@code classes[i]}: the label for {@link Objective#LOGISTIC}, 0 or 1 (null otherwise);</li>
 *   <li>{@code targets[i]}: the target for {@link Objective#SQUARED}, the class index for
 *       {@link Objective#SOFTMAX} (null for logistic);</li>
 *   <li>{@code weights[i]}: the row weight, or null for weight 1 everywhere.</li>
 * </ul>
 *
 * <h2>Why single precision</h2>
 * A boosting step reads and writes every row's score and reads its label: on a million rows that is
 * the whole cost of a step, bound by memory traffic, not arithmetic (see benchmarks/results). Scores,
 * targets and weights in {@code float} and binary labels in a {@code byte} take 13 bytes per row and
 * step instead of 28 with doubles. Gradients, hessians, losses and histogram sums are still computed
 * and added in {@code double}; only the stored per-row values are rounded (relative 6e-8), as XGBoost
 * and LightGBM store labels and weights and as libebm's SIMD compute zones ({@code avx2_32},
 * {@code avx512f_32}) store scores. The model's term scores stay in double. The booster rebuilds the
 * float scores from the double model every few hundred steps so that rounding cannot accumulate.
 *
 * <p>Mutable (the scores), not thread-safe as a whole: kernels running on disjoint row ranges of the
 * same rows from several threads are fine.
 */
public final class KernelRows {

  private final Objective objective;
  private final int k;
  private final int rows;
  private final float[] scores;
  private final byte[] classes;
  private final float[] targets;
  private final float[] weights;

  private KernelRows(Objective objective, int k, int rows, float[] scores, byte[] classes, float[] targets,
      float[] weights) {
    this.objective = objective;
    this.k = k;
    this.rows = rows;
    this.scores = scores;
    this.classes = classes;
    this.targets = targets;
    this.weights = weights;
  }

  /**
   * Rows from double labels and weights (checked and converted once).
   *
   * @param objective the loss
   * @param k scores per row (1, or the class count for softmax)
   * @param labels per row: 0/1 (logistic), the target (squared), the class index (softmax)
   * @param weights per row, or null
   * @param scores the scores, {@code rows * k} (kept, not copied)
   * @throws IllegalArgumentException naming the row and value of a label or weight the objective
   *     cannot take, or sizes that do not agree
   */
  public static KernelRows of(Objective objective, int k, double[] labels, double[] weights, float[] scores) {
    int n = labels.length;
    if (objective != Objective.SOFTMAX && k != 1) {
      throw new IllegalArgumentException(objective + " has one score per row, got k = " + k);
    }
    if (k < 1 || (objective == Objective.SOFTMAX && k < 2)) {
      throw new IllegalArgumentException("scores per row must be >= " + (objective == Objective.SOFTMAX ? 2 : 1)
          + " for " + objective + ", got " + k);
    }
    checkScores(scores, n, k);
    if (weights != null && weights.length != n) {
      throw new IllegalArgumentException("weights hold " + weights.length + " rows, labels " + n);
    }
    byte[] classes = null;
    float[] targets = null;
    if (objective == Objective.LOGISTIC) {
      classes = new byte[n];
      for (int i = 0; i < n; i++) {
        if (labels[i] != 0 && labels[i] != 1) {
          throw new IllegalArgumentException("logistic label of row " + i + " is " + labels[i] + "; must be 0 or 1");
        }
        classes[i] = (byte) labels[i];
      }
    } else {
      targets = new float[n];
      for (int i = 0; i < n; i++) {
        double y = labels[i];
        boolean ok = objective == Objective.SQUARED ? Double.isFinite(y) : y >= 0 && y < k && y == Math.rint(y);
        if (!ok) {
          throw new IllegalArgumentException(objective.name().toLowerCase(java.util.Locale.ROOT) + " label of row "
              + i + " is " + y + "; must be " + (objective == Objective.SQUARED ? "finite" : "a class index in [0, "
              + k + ")"));
        }
        targets[i] = (float) y;
      }
    }
    float[] w = null;
    if (weights != null) {
      w = new float[n];
      for (int i = 0; i < n; i++) {
        if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
          throw new IllegalArgumentException("weight of row " + i + " is " + weights[i] + "; must be finite and >= 0");
        }
        w[i] = (float) weights[i];
      }
    }
    return new KernelRows(objective, k, n, scores, classes, targets, w);
  }

  /** The same labels and weights with other scores (for example a copy). */
  public KernelRows withScores(float[] other) {
    checkScores(other, rows, k);
    return new KernelRows(objective, k, rows, other, classes, targets, weights);
  }

  private static void checkScores(float[] scores, int rows, int k) {
    if (scores.length != (long) rows * k) {
      throw new IllegalArgumentException("scores hold " + scores.length + " values; " + rows + " rows x " + k
          + " scores need " + ((long) rows * k));
    }
  }

  /** The loss. */
  public Objective objective() {
    return objective;
  }

  /** Scores per row. */
  public int k() {
    return k;
  }

  /** Row count. */
  public int rows() {
    return rows;
  }

  /** The scores, {@code rows * k}; shared and updated in place. */
  public float[] scores() {
    return scores;
  }

  /** Logistic labels (0/1), or null for other objectives. Shared; do not modify. */
  public byte[] classes() {
    return classes;
  }

  /** Squared-loss targets or softmax class indexes, or null for logistic. Shared; do not modify. */
  public float[] targets() {
    return targets;
  }

  /** Weights, or null for weight 1. Shared; do not modify. */
  public float[] weights() {
    return weights;
  }

  /** The label of row {@code i} as a double. */
  public double label(int i) {
    return classes != null ? classes[i] : targets[i];
  }

  /** The weight of row {@code i} (1 when unweighted). */
  public double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }
}
