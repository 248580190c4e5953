package io.sparkxai.ebm.core;

import io.sparkxai.ebm.kernel.KernelRows;
import io.sparkxai.ebm.kernel.Objective;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The working arrays of one outer bag on one shard: the training rows first ({@code [0, trainRows)}),
 * then the validation rows ({@code [trainRows, rows)}), each in shard order, with bin codes as flat
 * {@code short} columns (one per feature, and one per pair term holding tensor cells) ready for the
 * kernel. Built inside the task that boosts the bag; never shipped.
 */
public final class BagData {
  private final List<FeatureBinning> binnings;
  private final int rows;
  private final int trainRows;
  private final int[] shardRows;
  private final double[] labels;
  private final double[] weights;
  private final short[][] mainCodes;
  private final short[][] pairCodes;
  private final Map<Long, short[]> cellCodes = new HashMap<>();
  private final double trainWeight;
  private final double validationWeight;
  private KernelRows kernelRows;

  private BagData(List<FeatureBinning> binnings, int rows, int trainRows, int[] shardRows, double[] labels,
      double[] weights, short[][] mainCodes, double trainWeight, double validationWeight) {
    this.binnings = binnings;
    this.rows = rows;
    this.trainRows = trainRows;
    this.shardRows = shardRows;
    this.labels = labels;
    this.weights = weights;
    this.mainCodes = mainCodes;
    this.pairCodes = new short[mainCodes.length][];
    this.trainWeight = trainWeight;
    this.validationWeight = validationWeight;
  }

  /**
   * The bag's arrays.
   *
   * @param shard the rows
   * @param validation per shard row, whether it validates this bag
   * @param binnings the features' binnings
   */
  public static BagData of(BinnedShard shard, boolean[] validation, List<FeatureBinning> binnings) {
    int n = shard.size();
    int nVal = 0;
    for (boolean v : validation) {
      if (v) {
        nVal++;
      }
    }
    int nTrain = n - nVal;
    int[] order = new int[n];
    int t = 0;
    int v = nTrain;
    for (int i = 0; i < n; i++) {
      order[validation[i] ? v++ : t++] = i;
    }
    double[] labels = new double[n];
    double[] weights = shard.weighted() ? new double[n] : null;
    double trainWeight = 0;
    double validationWeight = 0;
    for (int i = 0; i < n; i++) {
      labels[i] = shard.label(order[i]);
      double w = shard.weight(order[i]);
      if (weights != null) {
        weights[i] = w;
      }
      if (i < nTrain) {
        trainWeight += w;
      } else {
        validationWeight += w;
      }
    }
    short[][] codes = new short[shard.features()][];
    for (int f = 0; f < codes.length; f++) {
      codes[f] = shard.codes(f, order);
    }
    return new BagData(binnings, n, nTrain, order, labels, weights, codes, trainWeight, validationWeight);
  }

  /** All rows. */
  public int rows() {
    return rows;
  }

  /** Training rows (they come first). */
  public int trainRows() {
    return trainRows;
  }

  /** The shard row of bag row {@code i}. */
  public int shardRow(int i) {
    return shardRows[i];
  }

  /** Labels (training then validation rows). Shared; do not modify. */
  public double[] labels() {
    return labels;
  }

  /** Weights, or null when every row weighs 1. Shared; do not modify. */
  public double[] weights() {
    return weights;
  }

  /**
   * The rows as kernels read them, with {@code scores} (rows * k floats, kept): labels and weights are
   * converted once per bag and shared by every view.
   */
  public KernelRows kernelRows(Objective objective, int k, float[] scores) {
    KernelRows r = kernelRows;
    if (r == null || r.objective() != objective || r.k() != k) {
      r = KernelRows.of(objective, k, labels, weights, scores);
      kernelRows = r;
      return r;
    }
    return r.withScores(scores);
  }

  /** Sum of the training rows' weights. */
  public double trainWeight() {
    return trainWeight;
  }

  /** Sum of the validation rows' weights. */
  public double validationWeight() {
    return validationWeight;
  }

  /** The binnings. */
  public List<FeatureBinning> binnings() {
    return binnings;
  }

  /** The code column of a term: main bins, or pair cells {@code a * binsB + b}. Shared. */
  public short[] codes(TermShape term) {
    int[] f = term.features();
    if (f.length == 1) {
      return mainCodes[f[0]];
    }
    long key = ((long) f[0] << 32) | f[1];
    short[] cells = cellCodes.get(key);
    if (cells == null) {
      short[] a = pairCodes(f[0]);
      short[] b = pairCodes(f[1]);
      int binsB = term.binsB();
      cells = new short[rows];
      for (int i = 0; i < rows; i++) {
        cells[i] = (short) (a[i] * binsB + b[i]);
      }
      cellCodes.put(key, cells);
    }
    return cells;
  }

  /** The main bin codes of feature {@code f}, all rows. Shared; do not modify. */
  public short[] mainCodes(int f) {
    return mainCodes[f];
  }

  /** Forgets cached pair cell columns (memory). */
  public void dropCellCodes() {
    cellCodes.clear();
  }

  private short[] pairCodes(int f) {
    short[] p = pairCodes[f];
    if (p == null) {
      short[] lut = binnings.get(f).pairOfMain();
      short[] m = mainCodes[f];
      p = new short[rows];
      for (int i = 0; i < rows; i++) {
        p[i] = lut[m[i]];
      }
      pairCodes[f] = p;
    }
    return p;
  }

  /** Training rows per cell of a term. */
  public int[] trainCounts(TermShape term) {
    short[] c = codes(term);
    int[] counts = new int[term.cells()];
    for (int i = 0; i < trainRows; i++) {
      counts[c[i]]++;
    }
    return counts;
  }

  /** Adds a term tensor's scores to every row's scores ({@code scores[i * k + c]}). */
  public void addScores(TermShape term, double[] tensor, int k, double[] scores) {
    short[] c = codes(term);
    if (k == 1) {
      for (int i = 0; i < rows; i++) {
        scores[i] += tensor[c[i]];
      }
      return;
    }
    for (int i = 0; i < rows; i++) {
      int base = c[i] * k;
      for (int j = 0; j < k; j++) {
        scores[i * k + j] += tensor[base + j];
      }
    }
  }
}
