package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.Isotonic;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.testkit.SparkSessionExtension;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Monotone constraints on UCI Adult (read in place): the constrained shapes never decrease in an exact
 * and in a sharded fit, pairs with a constrained feature are not chosen, bad constraints are refused
 * where they are set or at fit with the feature's name, and post-hoc {@code monotonize} on a fitted
 * model. Quick settings (one bag, learning rate 0.1); the accuracy cost is measured in the C2 tests
 * ({@link EbmAccuracyTest}).
 */
class EbmMonotoneTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static Dataset<Row> train;
  private static ExplainableBoostingClassificationModel free;

  private static ExplainableBoostingClassifier quick() {
    return new ExplainableBoostingClassifier().setInputCols(EbmTestData.adultFeatures(train)).setLabelCol("label")
        .setOuterBags(1).setInteractions("4").setLearningRate(0.1).setSmoothingRounds(5)
        .setInteractionSmoothingRounds(5).setMaxRounds(150).setEarlyStoppingRounds(20).setLogEvery(0);
  }

  @BeforeAll
  static void fitFree() {
    train = EbmTestData.adult(SPARK.session(), "adult.data").limit(8000).cache();
    free = quick().fit(train);
  }

  /** Whether a numeric main term's scores over its value bins never fall ({@code direction} 1) or never rise. */
  static boolean monotone(EbmModel m, String feature, int direction) {
    ModelTerm t = m.terms().get(m.termNames().indexOf(feature));
    FeatureBinning b = m.features().get(t.features()[0]);
    return Isotonic.isMonotone(t.scores(), 1, b.cuts().length + 1, direction);
  }

  @Test
  void constrainedShapesNeverFallAndTheirPairsAreNotChosen() {
    assertFalse(monotone(free.ebm(), "age", 1), "free: the age shape falls after 60");
    for (int shards : new int[] {1, 2}) {
      ExplainableBoostingClassificationModel m = quick().setNumShards(shards)
          .setMonotoneConstraints("age=+1", "hours_per_week=1", "capital_loss=-1", "fnlwgt=0").fit(train);
      assertEquals(shards == 1 ? "exact" : "sharded", m.summary().mode());
      assertTrue(monotone(m.ebm(), "age", 1), "age never falls, " + shards + " shard(s)");
      assertTrue(monotone(m.ebm(), "hours_per_week", 1));
      assertTrue(monotone(m.ebm(), "capital_loss", -1), "capital_loss never rises");
      assertEquals(4, m.summary().pairs().size());
      for (String pair : m.summary().pairs()) {
        assertFalse(pair.contains("age") || pair.contains("hours_per_week") || pair.contains("capital_loss"), pair);
      }
      assertArrayEquals(new String[] {"age=+1", "hours_per_week=1", "capital_loss=-1", "fnlwgt=0"},
          m.getMonotoneConstraints(), "the model keeps its constraints");
    }
  }

  @Test
  void badConstraintsAreRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> quick().setMonotoneConstraints("age=2"));
    assertEquals("monotoneConstraints must be a list of \"feature=direction\" entries, direction 1, +1, -1 or 0, "
        + "each feature once, got [age=2]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> quick().setMonotoneConstraints("age=1", "age=-1"));
    assertThrows(IllegalArgumentException.class, () -> quick().setMonotoneConstraints("=1"));
    e = assertThrows(IllegalArgumentException.class,
        () -> quick().setMonotoneConstraints("workclass=1").fit(train));
    assertEquals("monotoneConstraints: feature 'workclass' is categorical; only numeric features can be monotone",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> quick().setMonotoneConstraints("height=1").fit(train));
    assertTrue(e.getMessage().startsWith("monotoneConstraints names feature 'height', which is not a feature of this "
        + "fit; features: age, workclass"), e.getMessage());
    Dataset<Row> three = train.withColumn("label", functions.when(functions.col("age").gt(60), 2.0)
        .otherwise(functions.col("label")));
    e = assertThrows(IllegalArgumentException.class, () -> quick().setMonotoneConstraints("age=1").fit(three));
    assertTrue(e.getMessage().startsWith("monotoneConstraints are not supported for multiclass"), e.getMessage());
  }

  @Test
  void monotonizeMakesOneTermMonotoneAfterTheFit() {
    ExplainableBoostingClassificationModel m = free.monotonize("age", true);
    assertTrue(monotone(m.ebm(), "age", 1));
    assertFalse(monotone(free.ebm(), "age", 1), "the model it came from is unchanged");
    assertEquals(free.termNames(), m.termNames());
    for (int t = 1; t < free.termNames().size(); t++) {
      assertEquals(free.ebm().terms().get(t), m.ebm().terms().get(t), "only age changes");
    }
    // the weighted mean of the term, hence the mean prediction over the training data, is kept
    assertEquals(weightedMean(free.ebm().terms().get(0)), weightedMean(m.ebm().terms().get(0)), 1e-12);
    assertEquals(free.transform(train).count(), m.transform(train).count());
    assertTrue(monotone(free.monotonize("hours_per_week", false).ebm(), "hours_per_week", -1));
    String pair = free.summary().pairs().get(0);
    assertEquals("monotonize works on main terms; '" + pair + "' is a pair",
        assertThrows(IllegalArgumentException.class, () -> free.monotonize(pair, true)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> free.monotonize("nope", true)).getMessage()
        .startsWith("monotonize: no term 'nope'; terms: age, workclass"));
  }

  private static double weightedMean(ModelTerm t) {
    double s = 0;
    double w = 0;
    for (int c = 0; c < t.cells(); c++) {
      s += t.scores()[c] * t.weights()[c];
      w += t.weights()[c];
    }
    return s / w;
  }
}
