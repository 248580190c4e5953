package io.sparkxai.ebm.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portable JSON of a model, the Spark-free scorer and post-hoc monotonize, on a small model built
 * here: a numeric feature with missing values, a categorical one, their pair.
 */
class EbmJsonTest {

  /** age (cuts 30, 50; pairs use 50), job (a, b); terms age, job, age & job. */
  static EbmModel model() {
    FeatureBinning age = FeatureBinning.numeric("age", new double[] {30, 50}, new int[] {1}, true)
        .withBounds(17, 90);
    FeatureBinning job = FeatureBinning.categorical("job", List.of("a", "b"), true, true);
    ModelTerm ageTerm = new ModelTerm("age", new int[] {0}, 5, 1, new double[] {0.1, -0.5, 0.7, 0.2, 0},
        new double[] {0, 0.1, 0.1, 0.1, 0}, new double[] {3, 10, 20, 5, 0}, 0.4);
    ModelTerm jobTerm = new ModelTerm("job", new int[] {1}, 4, 1, new double[] {0, 0.3, -0.3, 0.05},
        new double[4], new double[] {1, 20, 15, 2}, 0.3);
    double[] pair = new double[4 * 4];
    for (int i = 0; i < pair.length; i++) {
      pair[i] = (i % 5) * 0.01 - 0.02;
    }
    ModelTerm both = new ModelTerm("age & job", new int[] {0, 1}, 4, 4, pair, new double[16], new double[16], 0.01);
    return new EbmModel(PredictionTask.BINARY, 2, List.of(age, job), List.of(ageTerm, jobTerm, both),
        new double[] {-1.2});
  }

  @Test
  void aModelRoundTripsThroughItsJson(@TempDir Path dir) throws Exception {
    EbmModel m = model();
    String json = EbmJson.write(m, "{\"rows\": 38}", Map.of("classNames", "<=50K\n>50K"));
    EbmJson.Document d = EbmJson.read(json, "model.json");
    assertEquals(m, d.model());
    assertEquals(17.0, d.model().features().get(0).minValue());
    assertTrue(d.summaryJson().contains("\"rows\""));
    assertEquals(List.of("<=50K", ">50K"), d.classNames());
    Path file = dir.resolve("model.json");
    Files.writeString(file, EbmJson.write(m, null, Map.of()));
    EbmScorer scorer = EbmScorer.fromJson(file);
    assertNull(EbmJson.read(Files.readString(file), "f").summaryJson());
    assertEquals(List.of("age", "job"), scorer.featureNames());
    assertEquals(List.of(), scorer.classNames());
  }

  @Test
  void theScorerAddsTheTermsAsTheModelDoes() {
    EbmModel m = model();
    EbmScorer scorer = EbmScorer.of(m, List.of());
    Map<String, Object> row = new HashMap<>();
    row.put("age", 50); // equal to a cut: the upper bin (3)
    row.put("job", "b");
    EbmScorer.Prediction p = scorer.predict(row);
    // intercept -1.2 + age bin 3 (0.2) + job bin 2 (-0.3) + pair cell (age pair bin 2, job 2) = 10: 0.0
    assertEquals(-1.2 + 0.2 - 0.3 + pair(m, 2, 2), p.rawScores()[0], 1e-15);
    assertArrayEquals(m.raw(m.bins(new double[] {50, Double.NaN}, new String[] {null, "b"})), p.rawScores(), 0);
    assertEquals(1 / (1 + Math.exp(-p.rawScores()[0])), p.probabilities()[1], 1e-15);
    assertEquals(p.rawScores()[0] > 0 ? 1 : 0, p.prediction());
    assertEquals(0.2, p.contributions()[0]);
    // missing, blank and unseen values; numbers given as text; a number for a categorical level
    row.put("age", " ");
    row.put("job", "zzz");
    assertEquals(-1.2 + 0.1 + 0.05 + pair(m, 0, 3), scorer.predict(row).rawScores()[0], 1e-15);
    row.put("age", "31.5");
    row.remove("job");
    assertEquals(-1.2 + 0.7 + 0 + pair(m, 1, 0), scorer.predict(row).rawScores()[0], 1e-15);
    row.put("age", "old");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scorer.predict(row));
    assertEquals("feature 'age' is numeric; got \"old\", which is no number", e.getMessage());
  }

  private static double pair(EbmModel m, int a, int b) {
    return m.terms().get(2).score(a * 4 + b, 0);
  }

  @Test
  void unknownVersionsAndOtherFilesAreRefused() {
    String json = EbmJson.write(model(), null, Map.of()).replace("\"version\" : 1", "\"version\" : 7");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EbmJson.read(json, "m.json"));
    assertTrue(e.getMessage().startsWith("m.json has model format version 7; this library (spark-ebm"), e.getMessage());
    assertTrue(e.getMessage().contains("reads version 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EbmScorer.fromJsonText(json, "m.json"));
    assertTrue(e.getMessage().contains("version 7"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EbmJson.read("{\"format\": \"x\"}", "m.json"));
    assertEquals("m.json is not a spark-ebm model file (format \"x\", expected \"spark-ebm/model\")", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EbmJson.readAny("[1, 2", "m.json"));
    assertTrue(e.getMessage().startsWith("m.json is not valid JSON"), e.getMessage());
    String damaged = EbmJson.write(model(), null, Map.of()).replace("\"binsA\" : 5", "\"binsA\" : 6");
    e = assertThrows(IllegalArgumentException.class, () -> EbmJson.read(damaged, "m.json"));
    assertTrue(e.getMessage().startsWith("m.json is a damaged model file"), e.getMessage());
  }

  @Test
  void monotonizeFitsTheValueBinsKeepingTheirWeightedMean() {
    EbmModel m = model();
    EbmModel up = Monotonize.term(m, "age", true);
    // value bins 1..3: scores -0.5, 0.7, 0.2 with weights 10, 20, 5: 0.7 and 0.2 pool to 0.6
    ModelTerm age = up.terms().get(0);
    assertArrayEquals(new double[] {0.1, -0.5, 0.6, 0.6, 0}, age.scores(), 1e-15);
    assertArrayEquals(new double[] {0, 0, 0, 0, 0}, age.stdevs(), 0);
    assertEquals(m.terms().get(1), up.terms().get(1));
    assertEquals(m.terms().get(2), up.terms().get(2), "pairs are left as they are");
    EbmModel down = Monotonize.term(m, "age", false);
    // -0.5, 0.7 pool to 0.3 (weights 10, 20), then 0.3 >= 0.2
    assertArrayEquals(new double[] {0.1, 0.3, 0.3, 0.2, 0}, down.terms().get(0).scores(), 1e-15);
    assertEquals("monotonize: no term 'height'; terms: age, job, age & job",
        assertThrows(IllegalArgumentException.class, () -> Monotonize.term(m, "height", true)).getMessage());
    assertEquals("monotonize works on main terms; 'age & job' is a pair",
        assertThrows(IllegalArgumentException.class, () -> Monotonize.term(m, "age & job", true)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Monotonize.term(m, "job", true)).getMessage()
        .contains("'job' is categorical"));
  }
}
