package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.testkit.SparkSessionExtension;
import io.sparkxai.testkit.StageConformance;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regressor: conformance, accuracy on a known additive target, contributions, and the sharded
 * mode (several shards merged by the driver) against the exact one.
 */
class ExplainableBoostingRegressorTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static Dataset<Row> train;
  private static Dataset<Row> test;

  /** An additive target with noise: t = 2 sin(3 x2) + x0^2 + [c0 effect] + N(0, 0.3). */
  private static Dataset<Row> target(Dataset<Row> d) {
    return d.withColumn("t", functions.sin(functions.col("x2").multiply(3)).multiply(2)
        .plus(functions.col("x0").multiply(functions.col("x0")))
        .plus(functions.when(functions.col("c0").equalTo("A"), 1.0).otherwise(0.0))
        .plus(functions.randn(3).multiply(0.3)));
  }

  @BeforeAll
  static void data() {
    train = target(EbmTestData.synthetic(SPARK.session(), 21, 0, 3000, 2)).cache();
    test = target(EbmTestData.synthetic(SPARK.session(), 21, 1, 1000, 2)).cache();
  }

  private static ExplainableBoostingRegressor est() {
    return new ExplainableBoostingRegressor().setInputCols(new String[] {"x0", "x1", "x2", "c0"}).setLabelCol("t")
        .setOuterBags(2).setInteractions("1").setMaxBins(64).setLearningRate(0.1).setSmoothingRounds(10)
        .setInteractionSmoothingRounds(5).setMaxRounds(400).setEarlyStoppingRounds(20).setLogEvery(0);
  }

  @Test
  void passesStageConformance(@TempDir Path tmp) throws Exception {
    StageConformance.checkEstimator(est().setOuterBags(1).setMaxRounds(30).setContributionsCol("c"), train.limit(500),
        tmp);
  }

  @Test
  void learnsAnAdditiveTargetAndExplainsEachPrediction() {
    ExplainableBoostingRegressionModel m = est().setContributionsCol("contributions").fit(train);
    double rmse = new RegressionEvaluator().setLabelCol("t").setMetricName("rmse").evaluate(m.transform(test));
    double spread = test.agg(functions.stddev("t")).first().getDouble(0);
    assertTrue(rmse < 0.5 && rmse < spread / 3, "rmse " + rmse + " (noise 0.3, target sd " + spread + ")");
    for (Row r : m.transform(test).select("prediction", "contributions").collectAsList()) {
      double sum = m.intercept()[0];
      for (double c : r.<Double>getList(1)) {
        sum += c;
      }
      assertEquals(r.getDouble(0), sum, 1e-9);
    }
    List<String> top = m.termImportances().entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).map(e -> e.getKey()).limit(2).toList();
    assertTrue(top.contains("x2") && top.contains("x0"), "x2 and x0 carry the target: " + m.termImportances());
  }

  @Test
  void shardedModeMergesCloseToExactAndStaysDeterministic() {
    ExplainableBoostingRegressor sharded = est().setInteractions("0").setNumShards(3).setRoundsPerSync(5);
    ExplainableBoostingRegressionModel a = sharded.fit(train.repartition(2));
    ExplainableBoostingRegressionModel b = sharded.fit(train.repartition(5));
    assertEquals(a.ebm(), b.ebm(), "sharded fits are bit-identical over input partitionings too");
    assertEquals("sharded", a.summary().mode());
    assertEquals(3, a.summary().shards());
    assertTrue(a.summary().syncs() > 1);
    ExplainableBoostingRegressionModel exact = est().setInteractions("0").setNumShards(1).fit(train);
    RegressionEvaluator rmse = new RegressionEvaluator().setLabelCol("t").setMetricName("rmse");
    double sharedRmse = rmse.evaluate(a.transform(test));
    double exactRmse = rmse.evaluate(exact.transform(test));
    assertTrue(sharedRmse < exactRmse * 1.1, "sharded rmse " + sharedRmse + " vs exact " + exactRmse);
  }
}
