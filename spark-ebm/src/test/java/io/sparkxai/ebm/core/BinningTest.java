package io.sparkxai.ebm.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cut points, bins and the sketches they come from, against hand-computed expectations. */
class BinningTest {

  @Test
  void everyGapGetsAMidpointCutWhenTheValuesFit() {
    double[] cuts = CutPoints.quantileCuts(new double[] {1, 2, 4, 10}, new double[] {5, 1, 1, 3}, 10);
    assertArrayEquals(new double[] {1.5, 3, 7}, cuts, 0);
  }

  @Test
  void atMostMaxCutsAndOnlyBetweenDistinctValues() {
    double[] v = new double[1000];
    double[] c = new double[1000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
      c[i] = 1;
    }
    double[] cuts = CutPoints.quantileCuts(v, c, 9);
    assertEquals(9, cuts.length);
    for (double cut : cuts) {
      assertEquals(0.5, cut - Math.floor(cut), 0, "cut " + cut + " lies midway between two values");
    }
    // equal-count bins: cut k near k * 100
    for (int k = 0; k < 9; k++) {
      assertEquals((k + 1) * 100, cuts[k], 1.0);
    }
  }

  @Test
  void aHeavyValueAbsorbsTheQuantilesInsideIt() {
    double[] v = {0, 1, 2, 3, 4, 5};
    double[] c = {1, 1, 1000, 1, 1, 1};
    double[] cuts = CutPoints.quantileCuts(v, c, 4);
    // the 4 quantiles all fall inside the run of 2s: only its two edges can be cuts
    assertTrue(cuts.length <= 2, Arrays.toString(cuts));
    for (double cut : cuts) {
      assertTrue(cut == 1.5 || cut == 2.5, Arrays.toString(cuts));
    }
  }

  @Test
  void aValueEqualToACutGoesToTheUpperBin() {
    FeatureBinning b = FeatureBinning.numeric("x", new double[] {1.5, 3.0}, new int[] {1}, true);
    assertEquals(0, b.bin(Double.NaN), "missing");
    assertEquals(1, b.bin(1.0));
    assertEquals(2, b.bin(1.5), "equal to a cut: upper bin");
    assertEquals(2, b.bin(2.9));
    assertEquals(3, b.bin(3.0));
    assertEquals(1, b.bin(Double.NEGATIVE_INFINITY), "-inf: first value bin");
    assertEquals(3, b.bin(Double.POSITIVE_INFINITY), "+inf: last value bin");
    assertEquals(5, b.mainBins(), "missing, three value bins, unseen");
    assertEquals(4, b.pairBins());
    assertEquals(1, b.pairBinOfMain(1), "[-inf, 1.5) lies below the pair cut 3.0");
    assertEquals(1, b.pairBinOfMain(2));
    assertEquals(2, b.pairBinOfMain(3));
    assertEquals(3, b.pairBinOfMain(4), "unseen to unseen");
    assertEquals("[1.5, 3)", b.mainBinLabel(2));
  }

  @Test
  void numericBinningsKeepTheFiniteTrainingRange() {
    ScanStats s = new ScanStats(new boolean[] {false}, 100, 100);
    double[] values = {3, -2, 7.5, Double.NaN, Double.POSITIVE_INFINITY, 1};
    for (int i = 0; i < values.length; i++) {
      s.add(new double[] {values[i]}, new String[] {null}, 1, 1, i, false);
    }
    FeatureBinning b = Binning.build(List.of("x"), s, 10, 10, 1).get(0);
    assertEquals(-2, b.minValue(), 0);
    assertEquals(7.5, b.maxValue(), 0, "+inf is not a training value bound");
    assertEquals(b, FeatureBinning.numeric("x", b.cuts(), b.pairCutIndexes(), true), "bounds do not bin anything");
    assertThrows(IllegalArgumentException.class, () -> b.withBounds(3, 1));
    assertThrows(IllegalArgumentException.class, () -> b.withBounds(Double.NEGATIVE_INFINITY, 1));
  }

  @Test
  void categoricalLevelsByFrequencyRareOnesInOther() {
    ScanStats s = new ScanStats(new boolean[] {true}, 100, 100);
    String[] levels = {"a", "b", "b", "c", "c", "c", null};
    for (int rep = 0; rep < 5; rep++) {
      for (String l : levels) {
        s.add(new double[] {Double.NaN}, new String[] {l}, 1, 1, rep, false);
      }
    }
    s.add(new double[] {Double.NaN}, new String[] {"rare"}, 1, 1, 99, false);
    FeatureBinning b = Binning.build(List.of("c"), s, 1024, 64, 10).get(0);
    assertEquals(List.of("c", "b"), b.levels(), "a (5 rows) and rare (1) fall below minCatSamples 10");
    assertTrue(b.hasOther());
    assertTrue(b.hasMissing());
    assertEquals(0, b.bin((String) null));
    assertEquals(1, b.bin("c"));
    assertEquals(3, b.bin("a"), "rare level: other");
    assertEquals(3, b.bin("never seen"), "unseen level: other");
    assertEquals("3", FeatureBinning.levelOf(3.0));
    assertEquals("2.5", FeatureBinning.levelOf(2.5));
  }

  @Test
  void categoricalLevelsAreCappedByMaxBins() {
    ScanStats s = new ScanStats(new boolean[] {true}, 100, 100);
    for (int i = 0; i < 100_000; i++) {
      s.add(new double[] {Double.NaN}, new String[] {"id" + (i % 50_000)}, 0, 1, i, false);
    }
    FeatureBinning b = Binning.build(List.of("id"), s, 16, 16, 1).get(0);
    assertEquals(14, b.levels().size(), "maxBins - 2 levels");
    assertEquals(16, b.mainBins());
  }

  @Test
  void sketchesGiveTheSameCutsForAnyPartitioning() {
    Random r = new Random(3);
    int n = 50_000;
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = Math.round(r.nextGaussian() * 1000) / 10.0;
    }
    double[][] whole = sketch(values, new int[] {n}).distribution();
    double[][] split = sketch(values, new int[] {7, 20_000, 13, 29_980}).distribution();
    assertArrayEquals(whole[0], split[0]);
    assertArrayEquals(whole[1], split[1]);
    // with a tiny exact limit the sample takes over, still partition-independent
    NumericSketch a = new NumericSketch(10, 500);
    NumericSketch b1 = new NumericSketch(10, 500);
    NumericSketch b2 = new NumericSketch(10, 500);
    for (int i = 0; i < n; i++) {
      a.add(values[i], i);
      (i % 3 == 0 ? b1 : b2).add(values[i], i);
    }
    b1.merge(b2);
    assertFalse(a.exact());
    assertArrayEquals(a.distribution()[0], b1.distribution()[0]);
    assertTrue(a.distribution()[0].length <= 1000);
  }

  private static NumericSketch sketch(double[] values, int[] parts) {
    List<NumericSketch> sketches = new ArrayList<>();
    int start = 0;
    for (int p : parts) {
      NumericSketch s = new NumericSketch(100_000, 1000);
      for (int i = start; i < start + p; i++) {
        s.add(values[i], i);
      }
      s.compact();
      sketches.add(s);
      start += p;
    }
    NumericSketch out = sketches.get(sketches.size() - 1);
    for (int i = sketches.size() - 2; i >= 0; i--) {
      out.merge(sketches.get(i));
    }
    return out;
  }

  @Test
  void binningRefusesTooFewBins() {
    ScanStats s = new ScanStats(new boolean[] {false}, 10, 10);
    assertThrows(IllegalArgumentException.class, () -> Binning.build(List.of("x"), s, 2, 64, 10));
  }

  @Test
  void infiniteAndMissingValuesAreCountedNotCut() {
    ScanStats s = new ScanStats(new boolean[] {false}, 100, 100);
    double[] v = {1, 2, Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY, 3};
    for (int i = 0; i < v.length; i++) {
      s.add(new double[] {v[i]}, new String[1], 0, 1, i, false);
    }
    assertEquals(2, s.numeric(0).infinite());
    assertEquals(1, s.numeric(0).missing());
    FeatureBinning b = Binning.build(List.of("x"), s, 1024, 64, 10).get(0);
    assertArrayEquals(new double[] {1.5, 2.5}, b.cuts(), 0);
    assertTrue(b.hasMissing());
  }

  @Test
  void validationQuotasFollowTheClassShares() {
    int[] q = ValidationSplit.validationQuotas(new int[] {700, 300}, 1000, 150);
    assertEquals(105, q[0]);
    assertEquals(45, q[1]);
    int[] single = ValidationSplit.validationQuotas(new int[] {999, 1}, 1000, 150);
    assertEquals(0, single[1], "a class with one row keeps it for training");
  }
}
