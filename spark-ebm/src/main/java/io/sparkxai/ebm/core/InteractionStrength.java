package io.sparkxai.ebm.core;

/**
 * FAST (Lou, Caruana, Gehrke and Hooker 2013, "Accurate intelligible models with pairwise
 * interactions", section 4.1): the strength of a candidate pair is the best gain of a four-quadrant
 * split of its 2-D gradient/hessian histogram (one cut per axis, every quadrant meeting
 * {@code minSamplesLeaf} and {@code minHessian}) over not splitting, per unit of training weight — as
 * libebm's {@code PartitionMultiDimensionalStraight} computes it. Not thread-safe.
 */
final class InteractionStrength {
  private final BoostParams params;
  private final double hessianFloor;
  private final PairGrid grid;
  private final PairGrid.Sums q00;
  private final PairGrid.Sums q01;
  private final PairGrid.Sums q10;
  private final PairGrid.Sums q11;
  private final PairGrid.Sums total;
  private final PairGrid.Sums tmp;

  InteractionStrength(int scores, BoostParams params) {
    this.params = params;
    this.hessianFloor = params.hessianFloor();
    this.grid = new PairGrid(scores);
    this.q00 = new PairGrid.Sums(scores);
    this.q01 = new PairGrid.Sums(scores);
    this.q10 = new PairGrid.Sums(scores);
    this.q11 = new PairGrid.Sums(scores);
    this.total = new PairGrid.Sums(scores);
    this.tmp = new PairGrid.Sums(scores);
  }

  /** The strength of a pair from its histogram; 0 when no legal split gains anything. */
  double strength(TermShape s, double[] hist, int[] counts, double totalWeight) {
    grid.load(s, hist, counts);
    int na = grid.rows();
    int nb = grid.cols();
    if (na < 2 || nb < 2) {
      return 0;
    }
    grid.rect(0, na - 1, 0, nb - 1, total);
    double best = 0;
    for (int x = 0; x + 1 < na; x++) {
      for (int y = 0; y + 1 < nb; y++) {
        grid.rect(0, x, 0, y, q00);
        if (!q00.valid(params.minSamplesLeaf(), hessianFloor)) {
          continue;
        }
        grid.rect(x + 1, na - 1, 0, y, q01);
        if (!q01.valid(params.minSamplesLeaf(), hessianFloor)) {
          continue;
        }
        grid.rect(0, x, y + 1, nb - 1, q10);
        if (!q10.valid(params.minSamplesLeaf(), hessianFloor)) {
          continue;
        }
        tmp.setDifference(total, q00);
        tmp.setDifference(tmp, q01);
        q11.setDifference(tmp, q10);
        if (!q11.valid(params.minSamplesLeaf(), hessianFloor)) {
          continue;
        }
        double gain = q00.partialGain() + q01.partialGain() + q10.partialGain() + q11.partialGain();
        if (gain > best) {
          best = gain;
        }
      }
    }
    if (best > 0) {
      best -= total.partialGain();
    }
    double strength = best / totalWeight * params.gainMultiple();
    return strength >= Double.MIN_NORMAL && Double.isFinite(strength) ? strength : 0.0;
  }
}
