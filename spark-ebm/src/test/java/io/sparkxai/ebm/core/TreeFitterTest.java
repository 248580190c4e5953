package io.sparkxai.ebm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The term updates of hand-made histograms, compared with values worked out by hand from libebm's
 * rules: gain {@code sum G^2/H - parent}, leaf {@code -lr G/H}, leaf limits, the missing leaf, the
 * categorical ordering and pooling, and FAST.
 */
class TreeFitterTest {

  private static final BoostParams P = new BoostParams(0.1, 100, 10, 1e-5, 4, 1e-4, 2, 0, 10, 0, 10, 10, 5, 1);

  /** hist layout {@code bin * 2 + stat}. */
  private static double[] hist(double[][] gh) {
    double[] h = new double[gh.length * 2];
    for (int b = 0; b < gh.length; b++) {
      h[2 * b] = gh[b][0];
      h[2 * b + 1] = gh[b][1];
    }
    return h;
  }

  @Test
  void numericSplitAtTheBestGap() {
    FeatureBinning f = FeatureBinning.numeric("x", new double[] {1, 2, 3}, new int[0], false);
    TermShape shape = TermShape.main(0, f);
    double[] h = hist(new double[][] {{0, 0}, {-10, 5}, {-8, 5}, {6, 5}, {12, 5}, {0, 0}});
    int[] counts = {0, 10, 10, 10, 10, 0};
    double[] update = new double[6];
    double gain = new MainTreeFitter(1, P).fit(shape, h, counts, update, false, new SplittableRandom(1));
    // left {1,2}: G=-18, H=10; right {3,4}: G=18, H=10; parent G=0: gain 32.4 + 32.4 - 0
    assertEquals(64.8, gain, 1e-12);
    assertEquals(0.1 * 1.8, update[1], 1e-15);
    assertEquals(0.1 * 1.8, update[2], 1e-15);
    assertEquals(-0.1 * 1.8, update[3], 1e-15);
    assertEquals(-0.1 * 1.8, update[4], 1e-15);
    assertEquals(0, update[0], "no missing values: the missing bin is not boosted");
    assertEquals(0, update[5], "unseen bin untouched");
  }

  @Test
  void leavesNeedMinSamples() {
    FeatureBinning f = FeatureBinning.numeric("x", new double[] {1, 2, 3}, new int[0], false);
    TermShape shape = TermShape.main(0, f);
    // the best gap by gain would isolate bin 1, which has 3 rows < minSamplesLeaf 4
    double[] h = hist(new double[][] {{0, 0}, {-30, 1}, {1, 5}, {1, 5}, {1, 5}, {0, 0}});
    int[] counts = {0, 3, 10, 10, 10, 0};
    double[] update = new double[6];
    new MainTreeFitter(1, P).fit(shape, h, counts, update, false, new SplittableRandom(1));
    assertEquals(update[1], update[2], 1e-15, "bins 1 and 2 share a leaf");
    assertTrue(update[2] != update[3]);
  }

  @Test
  void missingValuesGetTheirOwnLeaf() {
    FeatureBinning f = FeatureBinning.numeric("x", new double[] {1}, new int[0], true);
    TermShape shape = TermShape.main(0, f);
    double[] h = hist(new double[][] {{4, 2}, {-5, 5}, {5, 5}, {0, 0}});
    int[] counts = {8, 10, 10, 0};
    double[] update = new double[4];
    double gain = new MainTreeFitter(1, P).fit(shape, h, counts, update, false, new SplittableRandom(1));
    assertEquals(-0.1 * 2, update[0], 1e-15, "missing: -lr * 4/2");
    assertEquals(0.1, update[1], 1e-15);
    assertEquals(-0.1, update[2], 1e-15);
    // forced missing split: 16/2 + 0 - 16/12; value split: 5 + 5 - 0
    assertEquals(8 - 16.0 / 12 + 10, gain, 1e-12);
  }

  @Test
  void categoriesAreOrderedByTheirRatioAndRareOnesPooled() {
    FeatureBinning f = FeatureBinning.categorical("c", List.of("a", "b", "c", "d"), false, true);
    TermShape shape = TermShape.main(0, f);
    // bins: 0 missing(absent), 1 a, 2 b, 3 c, 4 d (5 rows: pooled), 5 other (pooled)
    double[] h = hist(new double[][] {{0, 0}, {10, 10}, {-10, 10}, {9, 10}, {-1, 1}, {-2, 1}});
    int[] counts = {0, 20, 20, 20, 5, 3};
    double[] update = new double[6];
    double gain = new MainTreeFitter(1, P).fit(shape, h, counts, update, false, new SplittableRandom(1));
    assertTrue(gain > 0);
    assertEquals(update[1], update[3], 1e-15, "a and c (positive gradients) end up together");
    assertTrue(update[2] > 0 && update[1] < 0, "b goes up, a goes down");
    assertEquals(update[4], update[5], 1e-15, "the pooled bins share one value");
    assertTrue(update[4] == update[1] || update[4] == update[2], "the pool joins one side");
  }

  @Test
  void noGainMeansOneNewtonStepForTheWholeTerm() {
    FeatureBinning f = FeatureBinning.numeric("x", new double[] {1}, new int[0], false);
    TermShape shape = TermShape.main(0, f);
    double[] h = hist(new double[][] {{0, 0}, {2, 4}, {2, 4}, {0, 0}});
    double[] update = new double[4];
    double gain = new MainTreeFitter(1, P).fit(shape, h, new int[] {0, 10, 10, 0}, update, false,
        new SplittableRandom(1));
    assertEquals(0, gain);
    assertEquals(-0.1 * 4 / 8, update[1], 1e-15);
    assertEquals(update[1], update[2], 0);
  }

  @Test
  void smoothingStepsCutAtRandom() {
    FeatureBinning f = FeatureBinning.numeric("x", new double[] {1, 2, 3, 4, 5, 6}, new int[0], false);
    TermShape shape = TermShape.main(0, f);
    double[] h = new double[18];
    for (int b = 1; b <= 7; b++) {
      h[2 * b] = b - 4;
      h[2 * b + 1] = 1;
    }
    boolean[] seen = new boolean[8];
    for (int seed = 0; seed < 50; seed++) {
      double[] update = new double[9];
      double gain = new MainTreeFitter(1, P).fit(shape, h, new int[9], update, true, new SplittableRandom(seed));
      assertEquals(0, gain);
      int cut = 0;
      for (int b = 2; b <= 7; b++) {
        if (update[b] != update[b - 1]) {
          cut = b;
        }
      }
      seen[cut] = true;
    }
    int positions = 0;
    for (boolean s : seen) {
      positions += s ? 1 : 0;
    }
    assertTrue(positions >= 4, "random cuts land in several places");
  }

  @Test
  void fastFindsAnXorButNotAConstant() {
    List<FeatureBinning> bins = List.of(FeatureBinning.numeric("a", new double[] {0}, new int[] {0}, false),
        FeatureBinning.numeric("b", new double[] {0}, new int[] {0}, false));
    TermShape pair = TermShape.pair(0, 1, bins);
    assertEquals(16, pair.cells());
    double[] xor = new double[32];
    double[] flat = new double[32];
    int[] counts = new int[16];
    for (int a = 1; a <= 2; a++) {
      for (int b = 1; b <= 2; b++) {
        int cell = a * 4 + b;
        xor[cell * 2] = a == b ? 10 : -10;
        xor[cell * 2 + 1] = 5;
        flat[cell * 2] = 3;
        flat[cell * 2 + 1] = 5;
        counts[cell] = 20;
      }
    }
    InteractionStrength fast = new InteractionStrength(1, P);
    assertEquals(4 * 100.0 / 5 / 80, fast.strength(pair, xor, counts, 80), 1e-12);
    assertEquals(0, fast.strength(pair, flat, counts, 80), 1e-12);
    double[] update = new double[16];
    double gain = new PairTreeFitter(1, P).fit(pair, xor, counts, update, false, new SplittableRandom(1));
    assertTrue(gain > 0);
    // three leaves: the cut halves' first half stays one leaf, the other half splits in two
    assertTrue(update[5] != update[6] || update[5] != update[9]);
  }
}
