package io.sparkxai.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkxai.testkit.SparkSessionExtension;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stages saved under the names they had before they took Spark's names load as the renamed classes. */
@SuppressWarnings("deprecation")
class FormerNamesTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static String golden(String name) throws Exception {
    Path dir = Paths.get(FormerNamesTest.class.getResource("/golden/v1/expected.json").toURI()).getParent();
    return dir.resolve(name).toString();
  }

  private static PipelineStage loadBySavedClass(String name) throws Exception {
    return DefaultParamsReader.loadParamsInstance(golden(name), SPARK.session());
  }

  @Test
  void fittedModelsLoadThroughTheirFormerNames() throws Exception {
    assertEquals(ConceptBottleneckModel.class, TrainedConceptBottleneckModel.load(golden("cbm")).getClass());
    assertEquals(ConceptEmbeddingModel.class, TrainedConceptEmbeddingModel.load(golden("cem")).getClass());
    assertEquals(ConceptBottleneckModel.class, loadBySavedClass("cbm").getClass());
    assertEquals(ConceptEmbeddingModel.class, loadBySavedClass("cem").getClass());
  }

  @Test
  void estimatorsSavedUnderTheModelsNamesLoadAsClassifiers() throws Exception {
    assertEquals(ConceptBottleneckClassifier.class, loadBySavedClass("cbm-estimator").getClass());
    assertEquals(ConceptEmbeddingClassifier.class, loadBySavedClass("cem-estimator").getClass());
    MLReader<?> untyped = ConceptBottleneckModel.read(); // as Spark's readers use it
    assertEquals(ConceptBottleneckClassifier.class, untyped.load(golden("cbm-estimator")).getClass());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConceptBottleneckModel.load(golden("cbm-estimator")));
    assertTrue(e.getMessage().contains("ConceptBottleneckClassifier.load"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ConceptBottleneckClassifier.load(golden("len-estimator")));
    assertTrue(e.getMessage().contains("EntropyLogicExplainer"), e.getMessage());
  }

  @Test
  void newEstimatorsHaveTheDefaultsTheSavedOnesHad() throws Exception {
    JsonNode saved = new ObjectMapper().readTree(Paths.get(golden("stages.json")).toFile()).path("estimators");
    Map<String, Params> fresh = Map.of("cbm-estimator", new ConceptBottleneckClassifier(),
        "cem-estimator", new ConceptEmbeddingClassifier(), "len-estimator", new EntropyLogicExplainer());
    for (Map.Entry<String, Params> e : fresh.entrySet()) {
      ObjectNode now = GoldenModelsWriter.params(e.getValue());
      int defaults = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = saved.path(e.getKey()).fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        if (!p.getValue().path("set").asBoolean()) {
          assertEquals(p.getValue(), now.path(p.getKey()), e.getKey() + " default of " + p.getKey());
          defaults++;
        }
      }
      assertTrue(defaults > 10, e.getKey() + ": defaults compared");
    }
  }
}
