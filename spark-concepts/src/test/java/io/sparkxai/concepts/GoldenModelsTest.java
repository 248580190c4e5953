package io.sparkxai.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkxai.concepts.core.ConceptDataset;
import io.sparkxai.testkit.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Models saved in format version 1 (src/test/resources/golden/v1) still load and still predict
 * what they predicted when they were saved (STYLE.md rule 5). To regenerate after a deliberate
 * change: {@code -Dsparkxai.golden.write=<folder>}, then copy the folder over the resources.
 */
class GoldenModelsTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static Dataset<Row> rows() {
    return ConceptDataFrames.generate(SPARK.session(), ConceptDataset.XOR, 1, 40, 20, 1);
  }

  private static Path golden() throws Exception {
    return Paths.get(GoldenModelsTest.class.getResource("/golden/v1/expected.json").toURI()).getParent();
  }

  @Test
  void version1ModelsPredictAsSaved() throws Exception {
    Path dir = golden();
    JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
    TrainedConceptBottleneckModel cbm = TrainedConceptBottleneckModel.load(dir.resolve("cbm").toString());
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

  private static void assertVector(JsonNode expected, Vector actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int j = 0; j < actual.size(); j++) {
      assertEquals(expected.get(j).asDouble(), actual.apply(j), 1e-12, what + "[" + j + "]");
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "sparkxai.golden.write", matches = ".+")
  void writeGoldenModels() throws Exception {
    Path dir = Paths.get(System.getProperty("sparkxai.golden.write"));
    Files.createDirectories(dir);
    Dataset<Row> train = ConceptDataFrames.generate(SPARK.session(), ConceptDataset.XOR, 1, 0, 40, 1);
    TrainedConceptBottleneckModel cbm = ConceptTestData.cbm(ConceptDataset.XOR).setEpochs(40).setSeed(1).fit(train);
    cbm.write().overwrite().save(dir.resolve("cbm").toString());
    EntropyLogicExplainerModel len = ConceptTestData.len(ConceptDataset.XOR).setEpochs(400).setLearningRate(0.01)
        .setSeed(1).fit(train);
    len.write().overwrite().save(dir.resolve("len").toString());
    ObjectMapper json = new ObjectMapper();
    ObjectNode doc = json.createObjectNode();
    ArrayNode p = doc.putArray("cbm_probability");
    ArrayNode c = doc.putArray("cbm_concepts");
    for (Row r : cbm.transform(rows()).collectAsList()) {
      vector(p.addArray(), r.getAs("probability"));
      vector(c.addArray(), r.getAs("conceptProbabilities"));
    }
    doc.put("len_formula_1", len.formulas().get(1));
    ArrayNode lp = doc.putArray("len_probability");
    for (Row r : len.transform(rows()).collectAsList()) {
      vector(lp.addArray(), r.getAs("probability"));
    }
    json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("expected.json").toFile(), doc);
  }

  private static void vector(ArrayNode a, Vector v) {
    for (double x : v.toArray()) {
      a.add(x);
    }
  }
}
