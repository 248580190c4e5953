package io.sparkxai.ebm.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.ebm.kernel.JavaKernel;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Monotone constraints in the core: weighted isotonic regression on values worked out by hand (and
 * against scikit-learn's {@code IsotonicRegression}, which gives the same numbers where every weight is
 * positive), the split rule libebm uses, the guards for smoothing steps, deeper trees and pairs, the
 * pairs left out of the FAST ranking, and a bag boosted with constraints.
 */
class MonotoneTest {

  private static final BoostParams P = new BoostParams(0.1, 100, 10, 1e-5, 4, 1e-4, 2, 0, 10, 0, 10, 10, 5, 1);

  private static double[] hist(double[][] gh) {
    double[] h = new double[gh.length * 2];
    for (int b = 0; b < gh.length; b++) {
      h[2 * b] = gh[b][0];
      h[2 * b + 1] = gh[b][1];
    }
    return h;
  }

  @Test
  void isotonicPoolsAdjacentViolatorsByWeight() {
    assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Isotonic.fit(new double[] {1, 3, 2, 4}, ones(4), true), 1e-15);
    // all pooled: the weighted mean (3 + 4 + 3 + 0) / 10; scikit-learn gives [1, 1, 1, 1]
    assertArrayEquals(new double[] {1, 1, 1, 1},
        Isotonic.fit(new double[] {3, 2, 1, 0}, new double[] {1, 2, 3, 4}, true), 1e-15);
    assertArrayEquals(new double[] {3, 2, 1, 0},
        Isotonic.fit(new double[] {3, 2, 1, 0}, new double[] {1, 2, 3, 4}, false), 0, "already decreasing");
    // [5, 1] pooled with weights 1, 3: 2; then 2 <= 4
    assertArrayEquals(new double[] {2, 2, 4}, Isotonic.fit(new double[] {5, 1, 4}, new double[] {1, 3, 1}, true),
        1e-15);
  }

  @Test
  void isotonicClampsZeroWeightPointsBetweenTheirNeighbours() {
    // weighted points 1, 2, 5 are in order; 3 (between 1 and 2) is clamped to 2, 0 after 5 to 5, 7 kept
    assertArrayEquals(new double[] {1, 2, 2, 5, 5, 7}, Isotonic.fit(new double[] {1, 3, 2, 5, 0, 7},
        new double[] {1, 0, 1, 1, 0, 0}, true), 0);
    assertArrayEquals(new double[] {4, 4}, Isotonic.fit(new double[] {4, 2}, new double[] {0, 0}, true), 0);
    assertThrows(IllegalArgumentException.class, () -> Isotonic.fit(new double[] {1}, new double[] {-1}, true));
    assertThrows(IllegalArgumentException.class, () -> Isotonic.fit(new double[] {1}, new double[0], true));
  }

  @Test
  void aConstrainedSplitMustKeepTheOrder() {
    FeatureBinning f = FeatureBinning.numeric("x", new double[] {1, 2, 3}, new int[0], false);
    TermShape shape = TermShape.main(0, f);
    // G = [-10, 12, -4, 2], H = 5 each. Free: the best split isolates bin 1 (steps +0.2 | -0.0667), a
    // decrease. Increasing: only the split after bin 2 keeps the order (-0.02 | +0.02), gain 0.4 + 0.4.
    double[] h = hist(new double[][] {{0, 0}, {-10, 5}, {12, 5}, {-4, 5}, {2, 5}, {0, 0}});
    int[] counts = {0, 10, 10, 10, 10, 0};
    double[] free = new double[6];
    new MainTreeFitter(1, P).fit(shape, h, counts, free, false, new SplittableRandom(1));
    assertEquals(0.2, free[1], 1e-15);
    assertEquals(-0.1 * 10 / 15, free[2], 1e-15);
    double[] up = new double[6];
    double gain = new MainTreeFitter(1, P.withMonotone(new int[] {1})).fit(shape, h, counts, up, false,
        new SplittableRandom(1));
    assertEquals(0.8, gain, 1e-12);
    assertArrayEquals(new double[] {0, -0.02, -0.02, 0.02, 0.02, 0}, up, 1e-15);
    double[] down = new double[6];
    new MainTreeFitter(1, P.withMonotone(new int[] {-1})).fit(shape, h, counts, down, false, new SplittableRandom(1));
    assertArrayEquals(free, down, 0, "decreasing: the free split already keeps that order");
  }

  @Test
  void everyConstrainedUpdateIsOrderedForAnyTreeAndSmoothingStep() {
    FeatureBinning f = FeatureBinning.numeric("x", new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[0], true);
    TermShape shape = TermShape.main(0, f);
    SplittableRandom data = new SplittableRandom(7);
    int unordered = 0;
    for (int trial = 0; trial < 300; trial++) {
      double[][] gh = new double[11][2];
      int[] counts = new int[11];
      for (int b = 0; b < 10; b++) {
        gh[b][0] = data.nextDouble(-10, 10);
        gh[b][1] = data.nextDouble(1, 6);
        counts[b] = 5 + data.nextInt(20);
      }
      int leaves = 2 + trial % 4;
      boolean random = trial % 3 == 0;
      BoostParams p = new BoostParams(0.1, 100, 10, 1e-5, 4, 1e-4, leaves, 0, 10, 0, 10, 10, 5, 1);
      double[] freeUpdate = new double[11];
      new MainTreeFitter(1, p).fit(shape, hist(gh), counts, freeUpdate, random, new SplittableRandom(trial));
      unordered += Isotonic.isMonotone(freeUpdate, 1, 9, 1) ? 0 : 1;
      for (int d : new int[] {1, -1}) {
        double[] update = new double[11];
        new MainTreeFitter(1, p.withMonotone(new int[] {d})).fit(shape, hist(gh), counts, update, random,
            new SplittableRandom(trial));
        assertTrue(Isotonic.isMonotone(update, 1, 9, d), "trial " + trial + " direction " + d);
        assertEquals(0, update[10], "unseen bin untouched");
      }
    }
    assertTrue(unordered > 100, "the free updates were often unordered: " + unordered);
  }

  @Test
  void aPairWithAConstrainedFeatureMovesAsOneLeaf() {
    List<FeatureBinning> b = List.of(FeatureBinning.numeric("x", new double[] {1, 2}, new int[] {0, 1}, false),
        FeatureBinning.numeric("z", new double[] {1, 2}, new int[] {0, 1}, false));
    TermShape pair = TermShape.pair(0, 1, b);
    double[] h = new double[pair.cells() * 2];
    int[] counts = new int[pair.cells()];
    SplittableRandom r = new SplittableRandom(3);
    for (int a = 1; a <= 3; a++) {
      for (int z = 1; z <= 3; z++) {
        int cell = a * pair.binsB() + z;
        h[2 * cell] = r.nextDouble(-5, 5);
        h[2 * cell + 1] = 4;
        counts[cell] = 20;
      }
    }
    double[] update = new double[pair.cells()];
    new PairTreeFitter(1, P.withMonotone(new int[] {0, -1})).fit(pair, h, counts, update, false, r);
    double first = update[pair.binsB() + 1];
    for (int a = 1; a <= 3; a++) {
      for (int z = 1; z <= 3; z++) {
        assertEquals(first, update[a * pair.binsB() + z], 0);
      }
    }
    assertEquals(3, BagFitter.candidatePairs(List.of(b.get(0), b.get(1), b.get(0))).size());
    assertEquals(1, BagFitter.candidatePairs(List.of(b.get(0), b.get(1), b.get(0)), new int[] {0, -1}).size(),
        "only (0, 2) is left when feature 1 is constrained");
  }

  @Test
  void aBagBoostedWithConstraintsHasMonotoneShapes() {
    // logit = 1.5 * sin(2 x0) + x1: x0 rises and falls, x1 rises
    int n = 4000;
    SplittableRandom r = new SplittableRandom(11);
    ScanStats stats = new ScanStats(new boolean[2], 10_000, 10_000);
    double[][] x = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = Math.round(r.nextDouble(-1.5, 1.5) * 100) / 100.0;
      x[i][1] = Math.round(r.nextGaussian() * 100) / 100.0;
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-1.5 * Math.sin(2 * x[i][0]) - x[i][1])) ? 1 : 0;
      stats.add(x[i], new String[2], y[i], 1, i, false);
    }
    List<FeatureBinning> b = Binning.build(List.of("x0", "x1"), stats, 64, 16, 10);
    RowBlock block = new RowBlock(2, false, false);
    for (int i = 0; i < n; i++) {
      block.add(StableHash.mix(i), i, new int[] {b.get(0).bin(x[i][0]), b.get(1).bin(x[i][1])}, y[i], 1, false);
    }
    BinnedShard shard = BinnedShard.of(0, List.of(block), new int[] {b.get(0).mainBins(), b.get(1).mainBins()},
        false, false);
    BoostParams p = new BoostParams(0.05, 300, 20, 1e-5, 4, 1e-4, 2, 10, 10, 0, 10, 10, 5, 1);
    double[][] free = boost(b, shard, p);
    assertFalse(Isotonic.isMonotone(free[0], 1, b.get(0).cuts().length + 1, 1), "free: x0 rises and falls");
    double[][] constrained = boost(b, shard, p.withMonotone(new int[] {1, 1}));
    for (int f = 0; f < 2; f++) {
      assertTrue(Isotonic.isMonotone(constrained[f], 1, b.get(f).cuts().length + 1, 1), "x" + f + " never falls");
    }
    double[][] weights = ShardScoring.binWeights(shard, b, List.of(TermShape.main(0, b.get(0)),
        TermShape.main(1, b.get(1))));
    List<int[]> terms = List.of(new int[] {0}, new int[] {1});
    assertSame(constrained[0], MonotoneSteps.project(constrained, terms, b, p.withMonotone(new int[] {1, 1}),
        weights)[0], "an ordered tensor is left as it is");
    double[] projected = MonotoneSteps.project(free, terms, b, p.withMonotone(new int[] {1}), weights)[0];
    assertTrue(Isotonic.isMonotone(projected, 1, b.get(0).cuts().length + 1, 1));
    assertEquals(weightedMean(free[0], weights[0]), weightedMean(projected, weights[0]), 1e-12,
        "the projection keeps the weighted mean");
  }

  private static double[][] boost(List<FeatureBinning> b, BinnedShard shard, BoostParams p) {
    BagFitter fitter = new BagFitter(PredictionTask.BINARY, 2, b, p, 0, 0.15, 5, new JavaKernel(), 1);
    BagData d = fitter.data(shard, 0);
    double[] base = fitter.scores(d, fitter.initialIntercept(d), List.of(), new double[0][]);
    return fitter.boostMains(d, base, null, 0, null).tensors();
  }

  private static double weightedMean(double[] v, double[] w) {
    double s = 0;
    double sw = 0;
    for (int i = 0; i < v.length; i++) {
      s += v[i] * w[i];
      sw += w[i];
    }
    return s / sw;
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    return w;
  }
}
