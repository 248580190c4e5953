package io.sparkxai.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkxai.concepts.core.ConceptDataset;
import io.sparkxai.testkit.SparkSessionExtension;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Models saved in format version 1 (src/test/resources/golden/v1) still load and still predict
 * what they predicted when they were saved; saved estimators load with the params they were saved
 * with. The files were written by {@link GoldenModelsWriter} before the stages were renamed, so they
 * carry the old class names; they are never rewritten (a new format gets a new folder).
 */
class GoldenModelsTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  /** The 20 rows every golden stage is checked on. */
  static Dataset<Row> rows(SparkSession spark) {
    return ConceptDataFrames.generate(spark, ConceptDataset.XOR, 1, 40, 20, 1);
  }

  private static Dataset<Row> rows() {
    return rows(SPARK.session());
  }

  private static Path golden() throws Exception {
    return Paths.get(GoldenModelsTest.class.getResource("/golden/v1/expected.json").toURI()).getParent();
  }

  @Test
  void version1ModelsPredictAsSaved() throws Exception {
    Path dir = golden();
    JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
    ConceptBottleneckModel cbm = ConceptBottleneckModel.load(dir.resolve("cbm").toString());
    List<Row> out = cbm.transform(rows()).collectAsList();
    for (int i = 0; i < out.size(); i++) {
      assertVector(expected.path("cbm_probability").get(i), out.get(i).getAs("probability"), "cbm row " + i);
      assertVector(expected.path("cbm_concepts").get(i), out.get(i).getAs("conceptProbabilities"), "cbm row " + i);
    }
    EntropyLogicExplainerModel len = EntropyLogicExplainerModel.load(dir.resolve("len").toString());
    assertEquals(expected.path("len_formula_1").asText(), len.formulas().get(1));
    List<Row> lenOut = len.transform(rows()).collectAsList();
    for (int i = 0; i < lenOut.size(); i++) {
      assertVector(expected.path("len_probability").get(i), lenOut.get(i).getAs("probability"), "len row " + i);
    }
  }

  @Test
  void version1StagesLoadWithTheirParamsAndOutputs() throws Exception {
    Path dir = golden();
    JsonNode expected = new ObjectMapper().readTree(dir.resolve("stages.json").toFile());
    ConceptEmbeddingModel cem = ConceptEmbeddingModel.load(dir.resolve("cem").toString());
    assertOutputs(expected.path("cem"), cem.transform(rows()), "cem");

    JsonNode estimators = expected.path("estimators");
    assertParams(estimators.path("cbm-estimator"), ConceptBottleneckClassifier.load(dir.resolve("cbm-estimator").toString()));
    assertParams(estimators.path("cem-estimator"), ConceptEmbeddingClassifier.load(dir.resolve("cem-estimator").toString()));
    assertParams(estimators.path("len-estimator"), EntropyLogicExplainer.load(dir.resolve("len-estimator").toString()));
    for (String name : new String[] {"cbm-estimator", "cem-estimator", "len-estimator"}) {
      PipelineStage stage = DefaultParamsReader.loadParamsInstance(dir.resolve(name).toString(),
          SPARK.session());
      assertTrue(stage instanceof Estimator, name + " loads as an estimator through Spark's reader: " + stage);
      assertParams(estimators.path(name), stage);
    }

    PipelineModel pipeline = PipelineModel.load(dir.resolve("pipeline").toString());
    assertOutputs(expected.path("pipeline"), pipeline.transform(rows()), "pipeline");
    Map<Integer, String> formulas = ((EntropyLogicExplainerModel) pipeline.stages()[1]).formulas();
    expected.path("pipeline_formulas").fields().forEachRemaining(
        e -> assertEquals(e.getValue().asText(), formulas.get(Integer.parseInt(e.getKey())), "formula " + e.getKey()));
    assertEquals(expected.path("pipeline_formulas").size(), formulas.size(), "formulas");
  }

  /** Every saved column of every row, to 1e-12 (predictions exactly). */
  private static void assertOutputs(JsonNode expected, Dataset<Row> scored, String what) {
    List<Row> out = scored.collectAsList();
    assertTrue(expected.size() > 0, what + ": nothing to compare");
    expected.fields().forEachRemaining(col -> {
      assertEquals(col.getValue().size(), out.size(), what + " rows");
      for (int i = 0; i < out.size(); i++) {
        Object v = out.get(i).getAs(col.getKey());
        String at = what + " " + col.getKey() + " row " + i;
        if (v instanceof Vector vec) {
          assertVector(col.getValue().get(i), vec, at);
        } else {
          assertEquals(col.getValue().get(i).asDouble(), (Double) v, 0.0, at);
        }
      }
    });
  }

  /** The loaded stage has exactly the saved params, set or default, with the saved values. */
  private static void assertParams(JsonNode expected, Params stage) throws Exception {
    ObjectNode actual = GoldenModelsWriter.params(stage);
    assertEquals(expected, actual, stage.uid() + " params");
    assertTrue(expected.size() > 10, "params were saved");
  }

  private static void assertVector(JsonNode expected, Vector actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int j = 0; j < actual.size(); j++) {
      assertEquals(expected.get(j).asDouble(), actual.apply(j), 1e-12, what + "[" + j + "]");
    }
  }
}
