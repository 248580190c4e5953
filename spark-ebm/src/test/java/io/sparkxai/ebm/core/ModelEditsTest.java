package io.sparkxai.ebm.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelEdits} and the per-row spread of {@link OuterBags} without Spark: each edit returns a new
 * model and leaves the input alone, keeps the bags consistent with the scores, and refuses unknown
 * terms and bad numbers; importances of both types against hand-computed values.
 */
class ModelEditsTest {

  private static final List<FeatureBinning> FEATURES = List.of(
      FeatureBinning.numeric("age", new double[] {0, 10}, new int[] {0}, true),
      FeatureBinning.categorical("color", List.of("red", "blue"), false, true));

  private static EbmModel model(int seed) {
    List<int[]> terms = new ArrayList<>(List.of(new int[] {0}, new int[] {1}, new int[] {0, 1}));
    return RandomModels.model(new Random(seed), PredictionTask.BINARY, 2, FEATURES, terms, 3);
  }

  @Test
  void importancesOfBothTypes() {
    ModelTerm t = new ModelTerm("x", new int[] {0}, 5, 1, new double[] {0, -2, 1, 3, 0},
        new double[5], new double[] {0, 1, 1, 2, 0}, 0);
    assertEquals((2 + 1 + 2 * 3) / 4.0, ModelEdits.importance(t, 1, ModelEdits.AVG_WEIGHT), 1e-15);
    assertEquals(5, ModelEdits.importance(t, 1, ModelEdits.MIN_MAX), 0);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelEdits.importance(t, 1, "gain"))
        .getMessage().contains("importance type must be avg_weight or min_max, got gain"));
  }

  @Test
  void removeTermsDropsThemAndTheirBags() {
    EbmModel m = model(1);
    EbmModel edited = ModelEdits.removeTerms(m, List.of("color", "age & color"));
    assertEquals(List.of("age"), edited.termNames());
    assertEquals(3, m.terms().size(), "the input is unchanged");
    assertEquals(1, edited.bags().terms());
    assertArrayEquals(m.bags().scores(0)[1], edited.bags().scores(0)[1], 0);
    assertEquals(m.features(), edited.features(), "features stay: the same columns are read");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelEdits.removeTerms(m, List.of("height")))
        .getMessage().contains("the model has no term 'height'; terms: age, color, age & color"));
  }

  @Test
  void scaleTermScalesScoresSpreadAndBags() {
    EbmModel m = model(2);
    EbmModel edited = ModelEdits.scaleTerm(m, "age", -0.5);
    ModelTerm before = m.terms().get(0);
    ModelTerm after = edited.terms().get(0);
    for (int i = 0; i < before.scores().length; i++) {
      assertEquals(-0.5 * before.scores()[i], after.scores()[i], 0);
      assertEquals(0.5 * before.stdevs()[i], after.stdevs()[i], 0);
    }
    assertEquals(0.5 * before.importance(), after.importance(), 1e-15);
    double[][] bags = edited.bags().scores(0);
    double[] mean = edited.bags().mean(bags);
    assertArrayEquals(after.scores(), mean, 1e-12);
    assertArrayEquals(after.stdevs(), edited.bags().stdev(bags, mean), 1e-12);
    assertEquals(m.terms().get(1), edited.terms().get(1));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelEdits.scaleTerm(m, "age", Double.NaN))
        .getMessage().contains("must be finite"));
  }

  @Test
  void sweepDropsTheTermsBelowTheThreshold() {
    EbmModel m = model(3);
    double[] imp = m.terms().stream().mapToDouble(t -> ModelEdits.importance(t, 1, ModelEdits.MIN_MAX)).toArray();
    double threshold = java.util.Arrays.stream(imp).sorted().toArray()[1];
    EbmModel swept = ModelEdits.sweep(m, threshold, ModelEdits.MIN_MAX);
    assertEquals(2, swept.terms().size());
    assertEquals(m.terms().size(), ModelEdits.sweep(m, 0, ModelEdits.AVG_WEIGHT).terms().size());
    assertEquals(0, ModelEdits.sweep(m, Double.POSITIVE_INFINITY, ModelEdits.AVG_WEIGHT).terms().size());
  }

  @Test
  void theRowSpreadIsTheWeightedStandardDeviationOfTheBagsRawScores() {
    EbmModel m = model(4);
    OuterBags bags = m.bags();
    Random r = new Random(9);
    double[] perBag = new double[bags.size()];
    double[] out = new double[1];
    for (int i = 0; i < 200; i++) {
      Object[] row = RandomModels.row(r, FEATURES);
      int[] bins = m.bins((double[]) row[0], (String[]) row[1]);
      int[] cells = new int[m.terms().size()];
      double[][] raws = new double[bags.size()][1];
      for (int t = 0; t < cells.length; t++) {
        cells[t] = m.cell(t, bins);
      }
      for (int b = 0; b < bags.size(); b++) {
        raws[b][0] = bags.intercept(b)[0];
        for (int t = 0; t < cells.length; t++) {
          raws[b][0] += bags.score(t, b)[cells[t]];
        }
      }
      bags.rawStdev(cells, 1, perBag, out);
      double[] mean = bags.mean(raws);
      assertEquals(m.raw(bins)[0], mean[0], 1e-12, "the bags' mean raw score is the model's");
      assertEquals(bags.stdev(raws, mean)[0], out[0], 1e-12);
    }
  }
}
