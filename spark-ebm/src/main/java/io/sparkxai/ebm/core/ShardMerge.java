package io.sparkxai.ebm.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The merge of the multi-shard mode (DESIGN.md section 3): the change of every term cell is the
 * average of the shards' changes weighted by each shard's hessian mass in that cell (a Newton step
 * on the union of the shards' rows, to first order), summed in shard order so the result does not
 * depend on the order results arrived in. A cell no shard has mass in takes the plain mean.
 */
public final class ShardMerge {

  private ShardMerge() {}

  /** The merged change per boosted term from the updates of one bag (any order). */
  public static double[][] merge(List<ShardUpdate> updates) {
    List<ShardUpdate> sorted = new ArrayList<>(updates);
    sorted.sort(Comparator.comparingInt(ShardUpdate::shard));
    int terms = sorted.get(0).delta().length;
    double[][] out = new double[terms][];
    for (int t = 0; t < terms; t++) {
      int len = sorted.get(0).delta()[t].length;
      double[] num = new double[len];
      double[] den = new double[len];
      double[] plain = new double[len];
      for (ShardUpdate u : sorted) {
        double[] d = u.delta()[t];
        double[] h = u.hessianMass()[t];
        for (int i = 0; i < len; i++) {
          num[i] += h[i] * d[i];
          den[i] += h[i];
          plain[i] += d[i] / sorted.size();
        }
      }
      double[] m = new double[len];
      for (int i = 0; i < len; i++) {
        m[i] = den[i] > 0 ? num[i] / den[i] : plain[i];
      }
      out[t] = m;
    }
    return out;
  }

  /** The validation loss of the sent model over all shards (NaN without validation rows). */
  public static double validationLoss(List<ShardUpdate> updates) {
    double loss = 0;
    double weight = 0;
    for (ShardUpdate u : updates) {
      loss += u.validationLoss();
      weight += u.validationWeight();
    }
    return weight > 0 ? loss / weight : Double.NaN;
  }
}
