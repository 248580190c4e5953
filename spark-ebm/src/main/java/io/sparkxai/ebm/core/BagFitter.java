package io.sparkxai.ebm.core;

import io.sparkxai.ebm.kernel.HistogramKernel;
import io.sparkxai.ebm.kernel.KernelRows;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits one outer bag exactly, on rows held in one place (interpretml's per-bag work): the bag's
 * train/validation split, its intercept from the training rows' class shares (or mean target), the
 * main terms boosted from there, then — for pair selection — the FAST strength of every candidate
 * pair over the bag's mains model, and, once the pairs are chosen across bags, the pairs boosted
 * with the mains frozen. Stateless; each call builds its own arrays.
 *
 * @param task the task
 * @param classes class count (2 for binary, 1 for regression)
 * @param binnings the features' binnings
 * @param params hyperparameters of the mains
 * @param pairSmoothingRounds smoothing rounds of the pairs
 * @param validationSize validation fraction in [0, 1) (ignored when the shard carries flags)
 * @param seed the fit's seed
 * @param kernel the histogram kernel
 * @param threads threads for one bag's row work (the result does not depend on it)
 */
public record BagFitter(PredictionTask task, int classes, List<FeatureBinning> binnings, BoostParams params,
    int pairSmoothingRounds, double validationSize, long seed, HistogramKernel kernel, int threads) {

  /** Copies the binnings. */
  public BagFitter {
    binnings = List.copyOf(binnings);
  }

  /** Scores per row. */
  public int scoresPerRow() {
    return task.scores(classes);
  }

  /** The bag's rows, split into training and validation rows. */
  public BagData data(BinnedShard shard, int bag) {
    boolean[] val = ValidationSplit.choose(shard, bag, seed, validationSize, task.classification() ? classes : 0);
    return BagData.of(shard, val, binnings);
  }

  /** The bag's random stream (independent of the one that split it). */
  public SplittableRandom random(int bag, int stage) {
    return new SplittableRandom(StableHash.add(StableHash.add(StableHash.add(StableHash.SEED, seed), (long) bag),
        (long) stage + 17));
  }

  /**
   * The intercept a bag starts from: the link of the training rows' class shares, or their mean
   * target (interpretml sets it this way and then never boosts it until the final refit).
   */
  public double[] initialIntercept(BagData data) {
    return intercept(task, scoresPerRow(), trainingSums(data));
  }

  /**
   * The training rows' sums {@code [weight, y sum]} (regression) or {@code [weight, class weights...]};
   * the sums of a bag's shards add up to the bag's.
   */
  public double[] trainingSums(BagData data) {
    double[] labels = data.labels();
    double[] w = data.weights();
    double[] sums = new double[Math.max(scoresPerRow(), 2) + 1];
    for (int i = 0; i < data.trainRows(); i++) {
      double wi = w == null ? 1.0 : w[i];
      sums[0] += wi;
      if (task == PredictionTask.REGRESSION) {
        sums[1] += wi * labels[i];
      } else {
        sums[1 + (int) labels[i]] += wi;
      }
    }
    return sums;
  }

  /** The intercept from (summed) {@link #trainingSums}: the link of the class shares, or the mean target. */
  public static double[] intercept(PredictionTask task, int k, double[] sums) {
    double total = sums[0];
    double[] intercept = new double[k];
    if (total <= 0) {
      return intercept;
    }
    switch (task) {
      case REGRESSION:
        intercept[0] = sums[1] / total;
        break;
      case BINARY: {
        double p = clampProbability(sums[2] / total);
        intercept[0] = Math.log(p / (1 - p));
        break;
      }
      default:
        for (int c = 0; c < k; c++) {
          intercept[c] = Math.log(clampProbability(sums[1 + c] / total));
        }
    }
    return intercept;
  }

  private static double clampProbability(double p) {
    return Math.min(1 - 1e-12, Math.max(1e-12, p));
  }

  /** Per-row scores: intercept plus the given terms. */
  public double[] scores(BagData data, double[] intercept, List<TermShape> shapes, double[][] tensors) {
    int k = scoresPerRow();
    double[] s = new double[data.rows() * k];
    for (int i = 0; i < data.rows(); i++) {
      System.arraycopy(intercept, 0, s, i * k, k);
    }
    for (int t = 0; t < shapes.size(); t++) {
      if (tensors[t] != null) {
        data.addScores(shapes.get(t), tensors[t], k, s);
      }
    }
    return s;
  }

  /** Boosts the main terms of a bag from {@code start} (null: zeros) on top of {@code baseScores}. */
  public BoostOutcome boostMains(BagData data, double[] baseScores, double[][] start, int bag,
      ProgressListener listener) {
    List<TermShape> mains = mainShapes();
    double[] s = baseScores.clone();
    if (start != null) {
      for (int t = 0; t < mains.size(); t++) {
        data.addScores(mains.get(t), start[t], scoresPerRow(), s);
      }
    }
    CyclicBooster booster = new CyclicBooster(data, task, scoresPerRow(), mains, params, kernel, threads,
        random(bag, 0), listener, "mains");
    return booster.run(s, start, 0, params.smoothingRounds(), true);
  }

  /** Boosts the given pairs with everything else frozen in {@code baseScores}. */
  public BoostOutcome boostPairs(BagData data, double[] baseScores, List<int[]> pairs, double[][] start, int bag,
      ProgressListener listener) {
    List<TermShape> shapes = new ArrayList<>();
    for (int[] p : pairs) {
      shapes.add(TermShape.pair(p[0], p[1], binnings));
    }
    double[] s = baseScores.clone();
    if (start != null) {
      for (int t = 0; t < shapes.size(); t++) {
        data.addScores(shapes.get(t), start[t], scoresPerRow(), s);
      }
    }
    BoostParams pairParams = params.withSmoothingRounds(pairSmoothingRounds);
    CyclicBooster booster = new CyclicBooster(data, task, scoresPerRow(), shapes, pairParams, kernel, threads,
        random(bag, 1), listener, "pairs");
    BoostOutcome out = booster.run(s, start, 0, pairSmoothingRounds, true);
    data.dropCellCodes();
    return out;
  }

  /** Adds the main terms' {@code tensors} (one per feature) to per-row {@code scores}. */
  public void addMains(BagData data, double[][] tensors, double[] scores) {
    List<TermShape> mains = mainShapes();
    for (int t = 0; t < mains.size(); t++) {
      data.addScores(mains.get(t), tensors[t], scoresPerRow(), scores);
    }
  }

  /** The main-term shapes, one per feature. */
  public List<TermShape> mainShapes() {
    List<TermShape> out = new ArrayList<>();
    for (int f = 0; f < binnings.size(); f++) {
      out.add(TermShape.main(f, binnings.get(f)));
    }
    return out;
  }

  /**
   * FAST strengths of {@code candidates} on the bag's training rows at {@code scores}.
   *
   * @return one strength per candidate
   */
  public double[] interactionStrengths(BagData data, double[] scores, List<int[]> candidates) {
    return strengths(pairHistograms(data, scores, candidates), candidates, data.trainWeight());
  }

  /**
   * Per candidate pair, its 2-D gradient/hessian histogram ({@code out[2 * i]}) and training row
   * counts per cell ({@code out[2 * i + 1]}) at {@code scores}; shards' histograms add up.
   */
  public double[][] pairHistograms(BagData data, double[] scores, List<int[]> candidates) {
    int k = scoresPerRow();
    int n = data.trainRows();
    double[] grad = new double[n * k];
    double[] hess = new double[n * k];
    kernel.applyAndGradients(kernelRows(data, scores), null, null, grad, hess, 0, n);
    double[][] out = new double[2 * candidates.size()][];
    for (int i = 0; i < candidates.size(); i++) {
      int[] p = candidates.get(i);
      TermShape shape = TermShape.pair(p[0], p[1], binnings);
      double[] hist = new double[shape.cells() * k * 2];
      int[] counts = new int[shape.cells()];
      pairHistogram(data, shape, grad, hess, hist, counts, k);
      double[] c = new double[counts.length];
      for (int j = 0; j < c.length; j++) {
        c[j] = counts[j];
      }
      out[2 * i] = hist;
      out[2 * i + 1] = c;
    }
    return out;
  }

  /** The kernel's view of the bag's rows at double {@code scores} (rounded to float, as boosting stores them). */
  public KernelRows kernelRows(BagData data, double[] scores) {
    float[] f = new float[scores.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) scores[i];
    }
    return data.kernelRows(task.objective(), scoresPerRow(), f);
  }

  /** FAST strengths from (summed) {@link #pairHistograms}. */
  public double[] strengths(double[][] histograms, List<int[]> candidates, double trainWeight) {
    InteractionStrength fast = new InteractionStrength(scoresPerRow(), params);
    double[] out = new double[candidates.size()];
    for (int i = 0; i < candidates.size(); i++) {
      int[] p = candidates.get(i);
      TermShape shape = TermShape.pair(p[0], p[1], binnings);
      double[] c = histograms[2 * i + 1];
      int[] counts = new int[c.length];
      for (int j = 0; j < c.length; j++) {
        counts[j] = (int) c[j];
      }
      out[i] = fast.strength(shape, histograms[2 * i], counts, trainWeight);
    }
    return out;
  }

  private static void pairHistogram(BagData data, TermShape shape, double[] grad, double[] hess, double[] hist,
      int[] counts, int k) {
    int[] f = shape.features();
    short[] lutA = data.binnings().get(f[0]).pairOfMain();
    short[] lutB = data.binnings().get(f[1]).pairOfMain();
    short[] a = data.mainCodes(f[0]);
    short[] b = data.mainCodes(f[1]);
    int binsB = shape.binsB();
    for (int i = 0; i < data.trainRows(); i++) {
      int cell = lutA[a[i]] * binsB + lutB[b[i]];
      counts[cell]++;
      for (int c = 0; c < k; c++) {
        hist[(cell * k + c) * 2] += grad[i * k + c];
        hist[(cell * k + c) * 2 + 1] += hess[i * k + c];
      }
    }
  }

  /**
   * Every pair of features whose tensor fits a bin code (at most 32,767 cells), in interpretml's
   * order ({@code itertools.combinations}).
   */
  public static List<int[]> candidatePairs(List<FeatureBinning> binnings) {
    return candidatePairs(binnings, new int[0]);
  }

  /**
   * The candidate pairs without the features that carry a monotone constraint ({@code monotone[f] != 0}):
   * interpretml leaves them out of the FAST ranking, since a pair could undo the main term's shape.
   */
  public static List<int[]> candidatePairs(List<FeatureBinning> binnings, int[] monotone) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < binnings.size(); i++) {
      for (int j = i + 1; j < binnings.size(); j++) {
        boolean constrained = i < monotone.length && monotone[i] != 0 || j < monotone.length && monotone[j] != 0;
        if (!constrained && (long) binnings.get(i).pairBins() * binnings.get(j).pairBins() <= Short.MAX_VALUE) {
          out.add(new int[] {i, j});
        }
      }
    }
    return out;
  }
}
