package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.testkit.SparkSessionExtension;
import io.sparkxai.testkit.StageConformance;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EbmModelEditor}, the Spark Connect route to merges and edits: a conforming estimator whose fit
 * gives the model the Java API gives for the same saved models, and clear refusals.
 */
class EbmModelEditorTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();
  @TempDir static Path tmp;

  private static Dataset<Row> rows;
  private static ExplainableBoostingClassificationModel a;
  private static ExplainableBoostingClassificationModel b;
  private static String pathA;
  private static String pathB;

  @BeforeAll
  static void saveTwoModels() throws Exception {
    rows = EbmTestData.synthetic(SPARK.session(), 5, 0, 1200, 2).cache();
    a = EbmTestData.quickClassifier().setMaxRounds(60).fit(rows.where("x1 < 0.5"));
    b = EbmTestData.quickClassifier().setMaxRounds(60).setInteractions("0").fit(rows.where("x1 >= 0.5"));
    pathA = tmp.resolve("a").toString();
    pathB = tmp.resolve("b").toString();
    a.write().save(pathA);
    b.write().save(pathB);
  }

  private static EbmModelEditor<ExplainableBoostingClassificationModel> editor() {
    return new EbmModelEditor<>();
  }

  @Test
  void passesStageConformanceAndMergesAsTheJavaApi(@TempDir Path out) throws Exception {
    EbmModelEditor<ExplainableBoostingClassificationModel> merge = editor().setModelPaths(pathA, pathB)
        .setWeights(1, 2);
    ExplainableBoostingClassificationModel merged = StageConformance.checkEstimator(merge, rows.limit(200), out);
    assertEquals(ExplainableBoostingModels.merge(List.of(a, b), new double[] {1, 2}).ebm(), merged.ebm());
    assertEquals(pathA + ", " + pathB, merged.provenance().get("mergedPaths"));
    assertEquals(merge, merged.parent());
  }

  @Test
  void editsAsTheModelMethods() {
    String pair = a.termNames().get(a.termNames().size() - 1);
    assertEquals(a.removeTerms(pair).ebm(), editor().setOperation("removeTerms").setModelPaths(pathA)
        .setTerms(pair).fit(rows).ebm());
    assertEquals(a.scaleTerm("x0", 2).ebm(), editor().setOperation("scaleTerm").setModelPaths(pathA)
        .setTerms("x0").setFactor(2).fit(rows).ebm());
    assertEquals(a.sweep(0.05, "min_max").ebm(), editor().setOperation("sweep").setModelPaths(pathA)
        .setThreshold(0.05).setImportanceType("min_max").fit(rows).ebm());
  }

  @Test
  void refusesBadInputClearly() {
    refused(() -> editor().setOperation("blend"), "operation must be one of merge, removeTerms, scaleTerm, sweep");
    refused(() -> editor().setWeights(1, -1), "weights must be finite numbers >= 0");
    refused(() -> editor().fit(rows), "modelPaths is empty");
    refused(() -> editor().setOperation("sweep").setModelPaths(pathA, pathB).fit(rows), "sweep edits one model;"
        + " modelPaths names 2");
    refused(() -> editor().setOperation("scaleTerm").setModelPaths(pathA).setTerms("x0", "x1").fit(rows),
        "scaleTerm scales one term; terms names 2");
    refused(() -> editor().setOperation("removeTerms").setModelPaths(pathA).fit(rows), "removeTerms needs");
    refused(() -> editor().setModelPaths(pathA, tmp.toString()).fit(rows), "modelPaths \"" + tmp + "\"");
    refused(() -> editor().setModelPaths(pathA, pathB).setWeights(1).fit(rows), "1 weights for 2 models");
  }

  private static void refused(Executable e, String fragment) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(fragment), x.getMessage());
  }
}
