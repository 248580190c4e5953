package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.testkit.SparkSessionExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explainRows}: per-row contributions as a table whose columns are named exactly as the terms
 * (pairs included, through Parquet and back), that add up to the raw score, with the probability;
 * multiclass arrays; class names from a {@code StringIndexer}'s labels; clear errors on bad names.
 */
class EbmRowExplanationsTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static Dataset<Row> train;
  private static ExplainableBoostingClassificationModel model;

  @BeforeAll
  static void fitOnce() {
    train = EbmTestData.synthetic(SPARK.session(), 5, 0, 800, 2).withColumn("id", functions.monotonically_increasing_id())
        .cache();
    model = EbmTestData.quickClassifier().setOuterBags(1).setMaxRounds(60).fit(train);
  }

  @Test
  void columnsAreTheTermNamesAndAddUpToTheRawScore(@TempDir Path tmp) {
    List<String> terms = model.termNames();
    assertTrue(terms.stream().anyMatch(t -> t.contains(" & ")), "the model has a pair: " + terms);
    String path = tmp.resolve("contributions.parquet").toString();
    model.explainRows(train, "id").write().parquet(path);
    Dataset<Row> back = SPARK.session().read().parquet(path);
    List<String> expected = new ArrayList<>(List.of("id"));
    expected.addAll(terms);
    expected.addAll(List.of("raw_score", "probability", "prediction"));
    assertEquals(expected, Arrays.asList(back.columns()), "names survive Parquet exactly");
    double intercept = model.intercept()[0];
    for (Row r : back.orderBy("id").limit(50).collectAsList()) {
      double sum = intercept;
      for (int t = 0; t < terms.size(); t++) {
        sum += r.getDouble(1 + t);
      }
      double raw = r.getDouble(1 + terms.size());
      assertEquals(raw, sum, 1e-9, "row " + r.getLong(0));
      assertEquals(1 / (1 + Math.exp(-raw)), r.getDouble(2 + terms.size()), 1e-12);
      assertEquals(raw > 0 ? 1.0 : 0.0, r.getDouble(3 + terms.size()));
    }
    assertEquals(train.count(), back.count(), "every row explained");
  }

  @Test
  void stringIndexerLabelsNameTheClassesAndMulticlassTermsAreArrays() {
    Dataset<Row> three = train.withColumn("kind", functions.when(functions.col("x0").gt(0.8), "high")
        .when(functions.col("y").equalTo(1), "yes").otherwise("no"));
    StringIndexerModel indexer = new StringIndexer().setInputCol("kind").setOutputCol("kind_index").fit(three);
    ExplainableBoostingClassificationModel m = EbmTestData.quickClassifier().setLabelCol("kind_index")
        .setInteractions("0").setOuterBags(1).setMaxRounds(40).fit(indexer.transform(three));
    assertEquals(Arrays.asList(indexer.labelsArray()[0]), m.classNames(), "the indexer's labels, in index order");
    Row r = m.explainRows(three, "kind").first();
    assertEquals(m.termNames().get(0), r.schema().fieldNames()[1]);
    List<Double> first = r.getList(1);
    assertEquals(3, first.size(), "one score per class");
    List<Double> raw = r.getList(1 + m.termNames().size());
    List<Double> p = r.getList(2 + m.termNames().size());
    for (int c = 0; c < 3; c++) {
      double sum = m.intercept()[c];
      for (int t = 0; t < m.termNames().size(); t++) {
        sum += r.<Double>getList(1 + t).get(c);
      }
      assertEquals(raw.get(c), sum, 1e-9);
    }
    assertEquals(1.0, p.get(0) + p.get(1) + p.get(2), 1e-12);
  }

  @Test
  void aRegressorHasNoProbability() {
    ExplainableBoostingRegressionModel r = new ExplainableBoostingRegressor().setInputCols("x0", "x1", "c0")
        .setLabelCol("x2").setOuterBags(1).setInteractions("0").setMaxRounds(30).setLogEvery(0).fit(train);
    Dataset<Row> out = r.explainRows(train);
    assertArrayEquals(new String[] {"x0", "x1", "c0", "raw_score", "prediction"}, out.columns());
  }

  @Test
  void badNamesAreRefusedWithTheColumn() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> model.explainRows(train, "no_such"));
    assertTrue(missing.getMessage().contains("'no_such'"), missing.getMessage());
    IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
        () -> model.explainRows(train.withColumn("raw_score", functions.lit(1)), "raw_score"));
    assertTrue(clash.getMessage().contains("'raw_score'"), clash.getMessage());
    IllegalArgumentException term = assertThrows(IllegalArgumentException.class, () -> model.explainRows(train, "x0"));
    assertTrue(term.getMessage().contains("'x0'"), term.getMessage());
  }
}
