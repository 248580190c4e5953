package io.sparkxai.ebm.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelMerge}, {@link BinUnion} and {@link CellWeights} without Spark: models that share bins
 * merge cell by cell into the weighted mean (1e-12); models that differ in cuts, levels, features and
 * terms merge into a model whose raw score is the weighted mean of theirs on every row; standard
 * deviations are the spread of all bags; the cell weights are hand-checked; bad input is refused.
 */
class ModelMergeTest {

  private static final FeatureBinning AGE = FeatureBinning.numeric("age", new double[] {-5, 0, 5}, new int[] {1},
      true);
  private static final FeatureBinning COLOR = FeatureBinning.categorical("color", List.of("red", "blue"), false,
      true);

  private static List<int[]> terms(int... mainsThenPair) {
    List<int[]> out = new java.util.ArrayList<>();
    for (int f : mainsThenPair) {
      out.add(new int[] {f});
    }
    return out;
  }

  @Test
  void modelsThatShareBinsMergeIntoTheWeightedMeanCellByCell() {
    Random r = new Random(1);
    List<FeatureBinning> features = List.of(AGE, COLOR);
    List<int[]> t = terms(0, 1);
    t.add(new int[] {0, 1});
    EbmModel a = RandomModels.model(r, PredictionTask.BINARY, 2, features, t, 3);
    EbmModel b = RandomModels.model(r, PredictionTask.BINARY, 2, features, t, 2);
    EbmModel merged = ModelMerge.merge(List.of(a, b), new double[] {1, 3});
    assertEquals(features, merged.features());
    assertEquals(List.of("age", "color", "age & color"), merged.termNames());
    for (int i = 0; i < t.size(); i++) {
      double[] sa = a.terms().get(i).scores();
      double[] sb = b.terms().get(i).scores();
      double[] sm = merged.terms().get(i).scores();
      double[] wa = a.terms().get(i).weights();
      double[] wb = b.terms().get(i).weights();
      for (int c = 0; c < sm.length; c++) {
        assertEquals(0.25 * sa[c] + 0.75 * sb[c], sm[c], 1e-12);
        double da = a.terms().get(i).stdevs()[c];
        double db = b.terms().get(i).stdevs()[c];
        double pooled = 0.25 * (da * da + Math.pow(sa[c] - sm[c], 2)) + 0.75 * (db * db + Math.pow(sb[c] - sm[c], 2));
        assertEquals(Math.sqrt(pooled), merged.terms().get(i).stdevs()[c], 1e-12);
        assertEquals(wa[c] + wb[c], merged.terms().get(i).weights()[c], 1e-9, "shared cells: weights add up");
      }
    }
    assertEquals(0.25 * a.intercept()[0] + 0.75 * b.intercept()[0], merged.intercept()[0], 1e-12);
  }

  @Test
  void theMergedBagsAreAllInputBagsAndTheirSpreadIsThePooledStandardDeviation() {
    Random r = new Random(2);
    FeatureBinning age2 = FeatureBinning.numeric("age", new double[] {-2, 0, 7}, new int[] {0, 2}, false);
    EbmModel a = RandomModels.model(r, PredictionTask.BINARY, 2, List.of(AGE, COLOR), terms(0, 1), 3);
    EbmModel b = RandomModels.model(r, PredictionTask.BINARY, 2, List.of(age2), terms(0), 4);
    EbmModel merged = ModelMerge.merge(List.of(a, b), null);
    OuterBags bags = merged.bags();
    assertEquals(7, bags.size());
    assertEquals(1.0, Arrays.stream(bags.weights()).sum(), 1e-12);
    for (int t = 0; t < merged.terms().size(); t++) {
      double[][] s = bags.scores(t);
      double[] mean = bags.mean(s);
      assertArrayEquals(merged.terms().get(t).scores(), mean, 1e-12, "bags' mean = merged scores");
      assertArrayEquals(merged.terms().get(t).stdevs(), bags.stdev(s, mean), 1e-12, "bags' spread = pooled stdev");
    }
    assertArrayEquals(merged.intercept(), bags.mean(bags.intercepts()), 1e-12);
  }

  @Test
  void modelsWithDifferentCutsLevelsFeaturesAndTermsScoreEveryRowWithTheWeightedMean() {
    Random r = new Random(3);
    FeatureBinning age2 = FeatureBinning.numeric("age", new double[] {-7, -2, 0, 2.5, 11}, new int[] {1, 3}, false);
    FeatureBinning color2 = FeatureBinning.categorical("color", List.of("green", "red", "teal"), true, false);
    FeatureBinning size = FeatureBinning.numeric("size", new double[] {1, 2}, new int[] {0}, false);
    List<int[]> ta = terms(0, 1);
    ta.add(new int[] {0, 1});
    List<int[]> tb = terms(0, 1, 2);
    tb.add(new int[] {2, 1}); // a pair in the other axis order
    tb.add(new int[] {0, 1});
    EbmModel a = RandomModels.model(r, PredictionTask.MULTICLASS, 3, List.of(AGE, COLOR), ta, 2);
    EbmModel b = RandomModels.model(r, PredictionTask.MULTICLASS, 3, List.of(age2, color2, size), tb, 3);
    double[] weights = {2, 5};
    EbmModel m = ModelMerge.merge(List.of(a, b), weights);
    assertEquals(List.of("age", "color", "size"), m.features().stream().map(FeatureBinning::name).toList());
    assertArrayEquals(new double[] {-7, -5, -2, 0, 2.5, 5, 11}, m.features().get(0).cuts(), 0);
    assertEquals(java.util.Set.of("red", "blue", "green", "teal"), java.util.Set.copyOf(m.features().get(1).levels()));
    assertEquals(List.of("age", "color", "size", "age & color", "color & size"), m.termNames());
    for (int i = 0; i < 2000; i++) {
      Object[] row = RandomModels.row(r, m.features());
      double[] raw = m.raw(m.bins((double[]) row[0], (String[]) row[1]));
      double[] ra = rawOf(a, row, m);
      double[] rb = rawOf(b, row, m);
      for (int c = 0; c < 3; c++) {
        assertEquals((2 * ra[c] + 5 * rb[c]) / 7, raw[c], 1e-12, "row " + i + " class " + c);
      }
    }
  }

  /** An input model's raw score of a row given over the merged model's features (matched by name). */
  private static double[] rawOf(EbmModel input, Object[] row, EbmModel merged) {
    List<String> names = merged.features().stream().map(FeatureBinning::name).toList();
    double[] numbers = new double[input.features().size()];
    String[] levels = new String[numbers.length];
    for (int f = 0; f < numbers.length; f++) {
      int j = names.indexOf(input.features().get(f).name());
      numbers[f] = ((double[]) row[0])[j];
      levels[f] = ((String[]) row[1])[j];
    }
    return input.raw(input.bins(numbers, levels));
  }

  @Test
  void aFinerInputDecidesHowACoarserInputsWeightSplits() {
    // input A: one value bin of weight 40; input B: the same range cut in two, weights 30 and 10
    int[] mapA = {0, 0};
    int[] mapB = {0, 1};
    double[] w = CellWeights.merged(2, List.of(mapA, mapB), List.of(new double[] {40}, new double[] {30, 10}));
    assertArrayEquals(new double[] {60, 20}, w, 1e-9);
    // shared cells: plain sums, at once
    w = CellWeights.merged(3, List.of(new int[] {0, 1, 2}, new int[] {0, 1, 2}),
        List.of(new double[] {1, 2, 3}, new double[] {4, 0, 6}));
    assertArrayEquals(new double[] {5, 2, 9}, w, 0);
  }

  @Test
  void mergedWeightsKeepEveryInputsTotal() {
    Random r = new Random(4);
    FeatureBinning age2 = FeatureBinning.numeric("age", new double[] {-1, 3}, new int[] {}, true);
    EbmModel a = RandomModels.model(r, PredictionTask.REGRESSION, 1, List.of(AGE), terms(0), 1);
    EbmModel b = RandomModels.model(r, PredictionTask.REGRESSION, 1, List.of(age2), terms(0), 1);
    EbmModel m = ModelMerge.merge(List.of(a, b), null);
    double total = Arrays.stream(m.terms().get(0).weights()).sum();
    assertEquals(ModelMerge.trainingWeight(a) + ModelMerge.trainingWeight(b), total, 1e-9);
    double shareA = ModelMerge.trainingWeight(a) / total;
    assertEquals(shareA * a.intercept()[0] + (1 - shareA) * b.intercept()[0], m.intercept()[0], 1e-12);
  }

  @Test
  void badInputIsRefusedNamingWhatDiffers() {
    Random r = new Random(5);
    EbmModel binary = RandomModels.model(r, PredictionTask.BINARY, 2, List.of(AGE), terms(0), 1);
    EbmModel regression = RandomModels.model(r, PredictionTask.REGRESSION, 1, List.of(AGE), terms(0), 1);
    EbmModel three = RandomModels.model(r, PredictionTask.MULTICLASS, 3, List.of(AGE), terms(0), 1);
    EbmModel four = RandomModels.model(r, PredictionTask.MULTICLASS, 4, List.of(AGE), terms(0), 1);
    FeatureBinning ageAsLevels = FeatureBinning.categorical("age", List.of("young"), false, false);
    EbmModel categoricalAge = RandomModels.model(r, PredictionTask.BINARY, 2, List.of(ageAsLevels), terms(0), 1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelMerge.merge(List.of(binary, regression), null))
        .getMessage().contains("model 2 is regression but model 1 is binary"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelMerge.merge(List.of(three, four), null))
        .getMessage().contains("multiclass over 4 classes"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelMerge.merge(List.of(binary, categoricalAge),
        null)).getMessage().contains("feature 'age' is categorical in model 2 but numeric in model 1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelMerge.merge(List.of(binary, binary),
        new double[] {1})).getMessage().contains("1 weights for 2 models"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelMerge.merge(List.of(binary, binary),
        new double[] {1, -1})).getMessage().contains("the weight of model 2 must be finite and >= 0, got -1.0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelMerge.merge(List.of(binary, binary),
        new double[] {0, 0})).getMessage().contains("sum to 0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelMerge.merge(List.of(), null))
        .getMessage().contains("no models"));
  }

  @Test
  void withoutBagsInEveryInputTheMergedModelHasNone() {
    Random r = new Random(6);
    EbmModel a = RandomModels.model(r, PredictionTask.BINARY, 2, List.of(AGE), terms(0), 2);
    EbmModel b = RandomModels.model(r, PredictionTask.BINARY, 2, List.of(AGE), terms(0), 2).withBags(null);
    assertNull(ModelMerge.merge(List.of(a, b), null).bags());
  }
}
