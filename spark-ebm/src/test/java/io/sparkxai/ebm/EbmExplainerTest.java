package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.testkit.SparkSessionExtension;
import io.sparkxai.testkit.StageConformance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EbmExplainer}: each explanation is what the model's Java method gives (same rows, same
 * numbers, same report bytes), for the golden classifier of format 1 and a small regressor; the
 * schema from {@code transformSchema} is the one {@code transform} produces; the stage conforms; a bad
 * path or explanation fails with one line naming it.
 */
class EbmExplainerTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  @TempDir static Path saved;

  private static String classifierPath;
  private static String regressorPath;
  private static ExplainableBoostingClassificationModel classifier;
  private static ExplainableBoostingRegressionModel regressor;
  private static Dataset<Row> rows;

  @BeforeAll
  static void models() throws Exception {
    classifierPath = Path.of(EbmExplainerTest.class.getResource("/golden/ebm-classification-model-v1").toURI())
        .toString();
    classifier = ExplainableBoostingClassificationModel.load(classifierPath);
    rows = EbmTestData.synthetic(SPARK.session(), 99, 1, 20, 1).withColumn("id", functions.monotonically_increasing_id())
        .cache();
    regressor = new ExplainableBoostingRegressor().setInputCols("x0", "x1", "c0").setLabelCol("x2").setOuterBags(1)
        .setInteractions("0").setMaxRounds(20).setLogEvery(0).fit(EbmTestData.synthetic(SPARK.session(), 5, 0, 200, 1));
    regressorPath = saved.resolve("regressor").toString();
    regressor.write().save(regressorPath);
  }

  private static EbmExplainer explainer(String path, String explanation) {
    return new EbmExplainer().setModelPath(path).setExplanation(explanation);
  }

  @Test
  void contributionsAreExplainRowsWithTheIdFirst() {
    EbmExplainer e = explainer(classifierPath, "contributions").setIdCol("id");
    Dataset<Row> out = e.transform(rows);
    StageConformance.assertSameRows(classifier.explainRows(rows, "id"), out, "classifier");
    assertEquals("id", out.columns()[0]);
    assertEquals(e.transformSchema(rows.schema()), out.schema());
    Dataset<Row> plain = explainer(regressorPath, "contributions").transform(rows);
    StageConformance.assertSameRows(regressor.explainRows(rows), plain, "regressor");
  }

  @Test
  void globalAndImportancesAreTheModelsNumbers() {
    StageConformance.assertSameRows(classifier.globalExplanation(), explainer(classifierPath, "global")
        .transform(rows), "global");
    List<Row> importances = explainer(classifierPath, "importances").transform(rows).collectAsList();
    Map<String, Double> expected = classifier.termImportances();
    assertEquals(expected.size(), importances.size(), "one row per term");
    double previous = Double.POSITIVE_INFINITY;
    for (Row r : importances) {
      assertEquals(expected.get(r.getString(0)), r.getDouble(1), 0.0, r.getString(0));
      assertTrue(r.getDouble(1) <= previous, "largest first");
      previous = r.getDouble(1);
    }
  }

  @Test
  void theModelRowDescribesTheModel() {
    Row c = explainer(classifierPath, "model").transform(rows).first();
    assertEquals("binary", c.getAs("task"));
    assertEquals(2, c.<Integer>getAs("numClasses"));
    assertEquals(List.of(), c.getList(c.fieldIndex("classNames")));
    assertEquals(List.of(classifier.intercept()[0]), c.getList(c.fieldIndex("intercept")));
    assertEquals(classifier.termNames(), c.getList(c.fieldIndex("termNames")));
    assertEquals(List.of(classifier.getInputCols()), c.getList(c.fieldIndex("featureNames")));
    assertEquals(classifier.provenance(), c.getJavaMap(c.fieldIndex("provenance")));
    Row r = explainer(regressorPath, "model").transform(rows).first();
    assertEquals("regression", r.getAs("task"));
    assertNull(r.getAs("numClasses"));
    assertEquals(regressor.termNames(), r.getList(r.fieldIndex("termNames")));
  }

  @Test
  void theReportIsTheModelsReportByteForByte() {
    EbmExplainer e = explainer(classifierPath, "report").setReportRows(2).setLabelCol("y").setReportTitle("Why");
    Dataset<Row> out = e.transform(rows);
    assertArrayEquals(new String[] {"html"}, out.columns());
    String expected = classifier.localReport(classifier.globalReport().title("Why").labelName("y"), rows, 2, "y")
        .html();
    assertEquals(expected, out.first().getString(0));
    String global = explainer(regressorPath, "report").setReportRows(0).transform(rows).first().getString(0);
    assertEquals(regressor.globalReport().build().html(), global);
  }

  @Test
  void transformSchemaIsTheSchemaTransformProduces() {
    for (String explanation : EbmExplainerParams.EXPLANATIONS) {
      for (String path : new String[] {classifierPath, regressorPath}) {
        EbmExplainer e = explainer(path, explanation).setReportRows(1);
        assertEquals(e.transformSchema(rows.schema()), e.transform(rows).schema(), explanation + " of " + path);
      }
    }
  }

  @Test
  void passesStageConformance(@TempDir Path tmp) throws Exception {
    StageConformance.checkTransformer(explainer(classifierPath, "contributions").setIdCol("id"), rows, tmp);
    StageConformance.checkTransformer(explainer(regressorPath, "importances"), rows, tmp.resolve("importances"));
  }

  @Test
  void badInputFailsWithOneLineNamingIt(@TempDir Path tmp) throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EbmExplainer().setExplanation("foo"));
    assertEquals("explanation must be one of contributions, global, importances, model, report, got \"foo\"",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new EbmExplainer().setReportRows(-1));
    assertEquals("reportRows must be >= 0, got -1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new EbmExplainer().transform(rows));
    assertTrue(e.getMessage().startsWith("modelPath is not set"), e.getMessage());

    String empty = tmp.toString();
    e = assertThrows(IllegalArgumentException.class, () -> explainer(empty, "model").transform(rows));
    assertEquals("modelPath \"" + empty + "\" is not a saved EBM model: it has no metadata folder", e.getMessage());
    String stage = tmp.resolve("stage").toString();
    new EbmExplainer().setModelPath(classifierPath).write().save(stage);
    e = assertThrows(IllegalArgumentException.class, () -> explainer(stage, "model").transform(rows));
    assertTrue(e.getMessage().startsWith("modelPath \"" + stage + "\" holds a io.sparkxai.ebm.EbmExplainer, not a"
        + " saved EBM model"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> explainer(classifierPath, "report").setLabelCol("truth").transform(rows));
    assertTrue(e.getMessage().startsWith("labelCol 'truth' is not a column of the input"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> explainer(classifierPath, "contributions").setIdCol("key").transform(rows));
    assertTrue(e.getMessage().contains("'key'"), e.getMessage());
  }

  @Test
  void theModelIsReadOncePerPath() {
    EbmExplainer e = explainer(classifierPath, "importances");
    EbmModelBase<?> first = e.model(SPARK.session());
    e.transformSchema(rows.schema());
    e.transform(rows);
    assertTrue(first == e.model(SPARK.session()), "the same model instance");
    e.setModelPath(regressorPath);
    assertTrue(e.model(SPARK.session()) instanceof ExplainableBoostingRegressionModel, "a new path is read");
  }
}
