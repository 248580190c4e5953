package io.sparkxai.ebm.core;

import java.util.List;

/**
 * Passes over a shard's rows that the final model needs, each returning small sums the driver adds
 * up in shard order: the training weight of every term cell (for centring and importances), the
 * sums of the intercept's Newton step (interpretml refits the intercept on the full data after
 * averaging the bags), and loss sums for reporting.
 */
public final class ShardScoring {

  private ShardScoring() {}

  /** Per term, the weight of the shard's rows in each cell. */
  public static double[][] binWeights(BinnedShard shard, List<FeatureBinning> binnings, List<TermShape> shapes) {
    double[][] out = new double[shapes.size()][];
    int[] bins = new int[shard.features()];
    short[][] luts = new short[binnings.size()][];
    for (int f = 0; f < luts.length; f++) {
      luts[f] = binnings.get(f).pairOfMain();
    }
    for (int t = 0; t < shapes.size(); t++) {
      out[t] = new double[shapes.get(t).cells()];
    }
    for (int i = 0; i < shard.size(); i++) {
      for (int f = 0; f < bins.length; f++) {
        bins[f] = shard.code(f, i);
      }
      double w = shard.weight(i);
      for (int t = 0; t < shapes.size(); t++) {
        TermShape s = shapes.get(t);
        int[] f = s.features();
        int cell = f.length == 1 ? bins[f[0]] : luts[f[0]][bins[f[0]]] * s.binsB() + luts[f[1]][bins[f[1]]];
        out[t][cell] += w;
      }
    }
    return out;
  }

  /**
   * The sums of one Newton step on the intercept shift {@code delta} over the shard's rows: for
   * log loss {@code [G_0..G_k-1, H_0..H_k-1]} with {@code G = sum w (p - y)}, {@code H = sum w p (1 - p)}
   * at scores shifted by {@code delta}; for regression {@code [sum w (y - s), sum w]}.
   */
  public static double[] interceptSums(EbmModel model, BinnedShard shard, double[] delta) {
    int k = model.scoresPerRow();
    double[] out = new double[2 * k];
    int[] bins = new int[shard.features()];
    for (int i = 0; i < shard.size(); i++) {
      for (int f = 0; f < bins.length; f++) {
        bins[f] = shard.code(f, i);
      }
      double[] raw = model.raw(bins);
      double w = shard.weight(i);
      double y = shard.label(i);
      switch (model.task()) {
        case REGRESSION:
          out[0] += w * (y - raw[0] - delta[0]);
          out[1] += w;
          break;
        case BINARY: {
          double p = 1.0 / (1.0 + Math.exp(-(raw[0] + delta[0])));
          out[0] += w * (p - y);
          out[1] += w * p * (1 - p);
          break;
        }
        default: {
          for (int c = 0; c < k; c++) {
            raw[c] += delta[c];
          }
          double[] p = model.probabilities(raw);
          for (int c = 0; c < k; c++) {
            out[c] += w * (p[c] - (c == (int) y ? 1 : 0));
            out[k + c] += w * p[c] * (1 - p[c]);
          }
        }
      }
    }
    return out;
  }

  /**
   * The Newton step of the intercept from summed {@link #interceptSums}: the change to add to
   * {@code delta} (the exact mean residual for regression).
   */
  public static double[] interceptStep(PredictionTask task, double[] sums, double[] delta) {
    int k = sums.length / 2;
    double[] step = new double[k];
    if (task == PredictionTask.REGRESSION) {
      step[0] = sums[1] > 0 ? sums[0] / sums[1] : 0;
      return step;
    }
    for (int c = 0; c < k; c++) {
      step[c] = sums[k + c] > 0 ? -sums[c] / sums[k + c] : 0;
    }
    return step;
  }
}
