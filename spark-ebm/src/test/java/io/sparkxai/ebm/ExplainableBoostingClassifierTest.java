package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.kernel.Kernels;
import io.sparkxai.ebm.kernel.NativeKernel;
import io.sparkxai.testkit.SparkSessionExtension;
import io.sparkxai.testkit.StageConformance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier end to end on local[2]: Spark ML conformance (persistence, pipelines, Java surface),
 * contributions that add up, determinism over input partitionings, multiclass, vector input, warm
 * start, and the explanations. Small generated data and quick settings; accuracy is tested on Adult
 * in {@link EbmAccuracyTest}.
 */
class ExplainableBoostingClassifierTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static Dataset<Row> train;
  private static ExplainableBoostingClassificationModel model;

  @BeforeAll
  static void fitOnce() {
    train = EbmTestData.synthetic(SPARK.session(), 11, 0, 2000, 2).cache();
    model = EbmTestData.quickClassifier().fit(train);
  }

  @Test
  void passesStageConformance(@TempDir Path tmp) throws Exception {
    ExplainableBoostingClassifier estimator = EbmTestData.quickClassifier().setOuterBags(1).setInteractions("1")
        .setMaxRounds(40).setContributionsCol("contributions");
    ExplainableBoostingClassificationModel fitted = StageConformance.checkEstimator(estimator, train.limit(600), tmp);
    assertTrue(fitted.isFitted());
    ExplainableBoostingClassificationModel reloaded = ExplainableBoostingClassificationModel.load(
        tmp.resolve("model/stage").toString());
    assertEquals(fitted.ebm(), reloaded.ebm(), "the saved model reads back identical");
    assertEquals(fitted.provenance(), reloaded.provenance());
    assertEquals(fitted.summary(), reloaded.summary());
    for (int f = 0; f < fitted.ebm().features().size(); f++) {
      FeatureBinning a = fitted.ebm().features().get(f);
      FeatureBinning b = reloaded.ebm().features().get(f);
      assertEquals(a.minValue(), b.minValue(), 0, a.name() + ": min saved and read back");
      assertEquals(a.maxValue(), b.maxValue(), 0, a.name() + ": max saved and read back");
      assertTrue(a.isCategorical() ? Double.isNaN(a.minValue()) : a.minValue() <= a.cuts()[0], a.name());
    }
  }

  @Test
  void goldenModelOfFormatVersionOneStillPredictsTheSame() throws Exception {
    java.net.URL dir = getClass().getResource("/golden/ebm-classification-model-v1");
    ExplainableBoostingClassificationModel golden = ExplainableBoostingClassificationModel.load(
        Path.of(dir.toURI()).toString());
    List<String> expected = java.nio.file.Files.readAllLines(Path.of(getClass()
        .getResource("/golden/ebm-classification-model-v1.expected-margins.txt").toURI()));
    List<Row> rows = golden.transform(EbmTestData.synthetic(SPARK.session(), 99, 1, 20, 1)).select("rawPrediction")
        .collectAsList();
    assertEquals(expected.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(Double.parseDouble(expected.get(i)), ((Vector) rows.get(i).get(0)).apply(1), 1e-12, "row " + i);
    }
    assertEquals(23, golden.termNames().size(), "22 mains and one pair");
    assertTrue(Double.isNaN(golden.ebm().features().get(0).minValue()), "saved before bounds were kept: unknown");
    assertEquals(null, golden.ebm().bags(), "saved before the outer bags were kept: none");
  }

  @Test
  void contributionsPlusInterceptEqualTheRawScore() {
    Dataset<Row> out = model.setContributionsCol("contributions").transform(train);
    double intercept = model.intercept()[0];
    List<Row> rows = out.select("rawPrediction", "contributions", "probability", "prediction").collectAsList();
    for (Row r : rows) {
      Vector raw = (Vector) r.get(0);
      List<Double> contributions = r.getList(1);
      assertEquals(model.termNames().size(), contributions.size());
      double sum = intercept;
      for (double c : contributions) {
        sum += c;
      }
      assertEquals(raw.apply(1), sum, 1e-9);
      assertEquals(-raw.apply(1), raw.apply(0), 0);
      Vector p = (Vector) r.get(2);
      assertEquals(1.0, p.apply(0) + p.apply(1), 1e-12);
      assertEquals(p.apply(1) > 0.5 ? 1.0 : 0.0, r.getDouble(3));
    }
    model.setContributionsCol("");
  }

  @Test
  void bitIdenticalForOneThreeAndEightPartitions() {
    ExplainableBoostingClassifier est = EbmTestData.quickClassifier().setMaxRounds(60);
    Dataset<Row> data = train.limit(1000).cache();
    EbmModel one = est.fit(data.repartition(1)).ebm();
    EbmModel three = est.fit(data.repartition(3)).ebm();
    EbmModel eight = est.fit(data.repartition(8)).ebm();
    assertEquals(one, three, "1 vs 3 partitions");
    assertEquals(one, eight, "1 vs 8 partitions");
    EbmModel otherSeed = est.setSeed(7).fit(data).ebm();
    assertNotEquals(one, otherSeed, "the seed matters");
  }

  @Test
  void findsTheTrueSignalAndExplainsIt() {
    Map<String, Double> imp = model.termImportances();
    assertEquals(22 + 2, imp.size());
    assertTrue(imp.get("x2") > imp.get("x13"), "x2 (a sine, strong) above x13 (noise): " + imp);
    assertTrue(imp.get("x0") > imp.get("x15"), imp.toString());
    assertTrue(model.summary().pairs().size() == 2, model.summary().toString());
    Dataset<Row> g = model.globalExplanation();
    assertArrayEquals(new String[] {"term", "term_index", "bin", "bin_index", "class", "score", "stdev", "weight"},
        g.columns());
    long cells = 0;
    for (io.sparkxai.ebm.core.ModelTerm t : model.ebm().terms()) {
      cells += t.cells();
    }
    assertEquals(cells, g.count());
    Row missing = g.filter("term = 'x5' AND bin = 'missing'").first();
    assertTrue(missing.getDouble(7) > 0, "x5 has missing values in training: its missing bin has weight");
    assertEquals("spark-ebm", model.provenance().get("library"));
    // the best kernel of this JVM: native where the build made the library, else java (no C2 in tests)
    assertEquals(io.sparkxai.ebm.kernel.Kernels.selected().name(), model.provenance().get("kernel"));
    assertTrue(model.provenance().get("kernelDetail").startsWith(model.provenance().get("kernel")),
        model.provenance().toString());
    assertEquals("42", model.provenance().get("seed"));
    assertEquals(2000, model.summary().rows());
    assertEquals("exact", model.summary().mode());
  }

  /**
   * {@code -Dsparkxai.kernel} end to end: fits forced to the Java reference and to the native kernel
   * record their kernel in the provenance and reach the same test AUC (to 1e-4: the kernels agree to
   * float tolerance, not bit for bit). Where the build made no library, forcing {@code native} fails
   * the fit with the reason instead.
   */
  @Test
  void eachKernelIsRecordedAndGivesTheSameTestAuc() {
    Dataset<Row> test = EbmTestData.synthetic(SPARK.session(), 11, 1, 2000, 2);
    ExplainableBoostingClassifier est = EbmTestData.quickClassifier().setOuterBags(1).setInteractions("1");
    String before = System.getProperty(Kernels.PROPERTY);
    try {
      System.setProperty(Kernels.PROPERTY, "java");
      ExplainableBoostingClassificationModel java = est.fit(train);
      assertEquals("java", java.provenance().get("kernel"), java.provenance().toString());
      double javaAuc = EbmTestData.auc(java.transform(test), "y");
      System.setProperty(Kernels.PROPERTY, "native");
      if (new NativeKernel().isAvailable()) {
        ExplainableBoostingClassificationModel nat = est.fit(train);
        assertEquals("native", nat.provenance().get("kernel"), nat.provenance().toString());
        assertTrue(nat.provenance().get("kernelDetail").startsWith("native ("), nat.provenance().toString());
        assertEquals(javaAuc, EbmTestData.auc(nat.transform(test), "y"), 1e-4, "native vs java test AUC");
      } else {
        Exception e = assertThrows(Exception.class, () -> est.fit(train));
        String messages = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
          messages += t.getMessage() + "\n";
        }
        assertTrue(messages.contains("-Dsparkxai.kernel=native: the native kernel is not available"), messages);
      }
    } finally {
      if (before == null) {
        System.clearProperty(Kernels.PROPERTY);
      } else {
        System.setProperty(Kernels.PROPERTY, before);
      }
    }
  }

  @Test
  void multiclassLabelsGiveSoftmaxScoresAndNestedContributions() {
    Dataset<Row> three = train.withColumn("y3", functions.when(functions.col("x0").gt(0.8), 2)
        .otherwise(functions.col("y")));
    ExplainableBoostingClassificationModel m = EbmTestData.quickClassifier().setLabelCol("y3").setInteractions("0")
        .setOuterBags(1).setContributionsCol("contributions").fit(three);
    assertEquals(3, m.numClasses());
    assertEquals(3, m.intercept().length);
    Row r = m.transform(three).select("rawPrediction", "probability", "contributions").first();
    Vector raw = (Vector) r.get(0);
    Vector p = (Vector) r.get(1);
    assertEquals(3, raw.size());
    assertEquals(1.0, p.apply(0) + p.apply(1) + p.apply(2), 1e-12);
    List<scala.collection.Seq<Double>> contributions = r.getList(2);
    assertEquals(22, contributions.size());
    for (int c = 0; c < 3; c++) {
      double sum = m.intercept()[c];
      for (scala.collection.Seq<Double> term : contributions) {
        sum += term.apply(c);
      }
      assertEquals(raw.apply(c), sum, 1e-9);
    }
    double auc = new org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator().setLabelCol("y3")
        .setMetricName("accuracy").evaluate(m.transform(three));
    assertTrue(auc > 0.6, "accuracy " + auc);
  }

  @Test
  void vectorInputWithNamesAndCategoricalSlots() {
    String[] numeric = {"x0", "x1", "x2", "x3", "x14"};
    Dataset<Row> vec = new VectorAssembler().setInputCols(numeric).setOutputCol("features")
        .setHandleInvalid("keep").transform(train);
    ExplainableBoostingClassificationModel m = new ExplainableBoostingClassifier().setFeaturesCol("features")
        .setFeatureNames(numeric).setCategoricalCols(new String[] {"x14"}).setLabelCol("y").setOuterBags(1)
        .setInteractions("0").setMaxRounds(50).setLogEvery(0).fit(vec);
    assertEquals(List.of("x0", "x1", "x2", "x3", "x14"), m.termNames());
    assertTrue(m.ebm().features().get(4).isCategorical());
    assertEquals(10, m.ebm().features().get(4).levels().size(), "x14 takes 10 integer values");
    assertEquals(vec.count(), m.transform(vec).filter("prediction IS NOT NULL").count());
  }

  @Test
  void warmStartContinuesFromAModel(@TempDir Path tmp) throws Exception {
    ExplainableBoostingClassifier est = EbmTestData.quickClassifier().setInteractions("0").setOuterBags(1)
        .setMaxRounds(5).setEarlyStoppingRounds(0);
    ExplainableBoostingClassificationModel first = est.fit(train);
    ExplainableBoostingClassificationModel second = est.setInitialModel(first).fit(train);
    assertEquals(first.termNames(), second.termNames());
    double aucFirst = EbmTestData.auc(first.transform(train), "y");
    double aucSecond = EbmTestData.auc(second.transform(train), "y");
    assertTrue(aucSecond > aucFirst, "more boosting fits the training data better: " + aucFirst + " -> " + aucSecond);
    first.write().save(tmp.resolve("first").toString());
    ExplainableBoostingClassificationModel third = est.setInitialModel(null)
        .setInitialModelPath(tmp.resolve("first").toString()).fit(train);
    assertEquals(second.ebm(), third.ebm(), "warm start from the saved model equals warm start from the object");
    assertTrue(third.provenance().get("warmStartFrom").endsWith("first"));
  }

  @Test
  void weightsValidationColumnAndRowIds() {
    Dataset<Row> data = train.withColumn("w", functions.when(functions.col("y").equalTo(1), 2.0).otherwise(1.0))
        .withColumn("isVal", functions.col("x11").gt(1.0))
        .withColumn("id", functions.monotonically_increasing_id());
    ExplainableBoostingClassifier est = EbmTestData.quickClassifier().setOuterBags(1).setInteractions("0")
        .setMaxRounds(30);
    EbmModel plain = est.fit(data).ebm();
    EbmModel weighted = est.setWeightCol("w").fit(data).ebm();
    assertNotEquals(plain, weighted);
    assertTrue(weighted.intercept()[0] > plain.intercept()[0], "doubling the positives raises the intercept");
    EbmModel flagged = est.setWeightCol("").setValidationIndicatorCol("isVal").fit(data).ebm();
    assertNotEquals(plain, flagged);
    EbmModel byId = est.setValidationIndicatorCol("").setRowIdCol("id").fit(data).ebm();
    assertNotEquals(plain, byId, "row ids change the keys, hence bags and splits");
  }
}
