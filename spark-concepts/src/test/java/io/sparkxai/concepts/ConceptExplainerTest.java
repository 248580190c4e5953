package io.sparkxai.concepts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.concepts.core.LogicExplanations;
import io.sparkxai.concepts.params.ConceptExplainerParams;
import io.sparkxai.testkit.SparkSessionExtension;
import io.sparkxai.testkit.StageConformance;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ConceptExplainer} on the golden models of format 1 (saved under the former class names) and
 * their 20 test rows: each explanation holds the numbers the model's Java methods give, the report is
 * the {@link ConceptReport} of those numbers byte for byte, {@code transformSchema} gives the schema
 * {@code transform} produces, the stage conforms, and a bad path or value fails with one line naming it.
 */
class ConceptExplainerTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static Dataset<Row> test;

  @BeforeAll
  static void rows() {
    test = GoldenModelsTest.rows(SPARK.session()).cache();
  }

  private static String golden(String name) throws Exception {
    Path dir = Paths.get(ConceptExplainerTest.class.getResource("/golden/v1/expected.json").toURI()).getParent();
    return dir.resolve(name).toString();
  }

  private static ConceptExplainer explainer(String name, String explanation) throws Exception {
    return new ConceptExplainer().setModelPath(golden(name)).setExplanation(explanation);
  }

  @Test
  void metricsOfBottleneckAndEmbeddingModelsAreEvaluate() throws Exception {
    for (String name : new String[] {"cbm", "cem"}) {
      ConceptModel<?> model = name.equals("cbm") ? ConceptBottleneckModel.load(golden(name))
          : ConceptEmbeddingModel.load(golden(name));
      for (String policy : new String[] {"random", "uncertainty"}) {
        ConceptModelMetrics m = model.evaluate(test, policy);
        Row r = explainer(name, "metrics").setPolicy(policy).transform(test).first();
        assertEquals(model.provenance().get("training"), r.getAs("model"));
        assertEquals(m.rows(), r.<Long>getAs("rows"));
        assertEquals(m.conceptAccuracy(), r.<Double>getAs("concept_accuracy"), 0.0);
        assertEquals(m.taskAccuracy(), r.<Double>getAs("task_accuracy"), 0.0);
        assertEquals(m.taskAccuracyAllIntervened(), r.<Double>getAs("task_accuracy_all_intervened"), 0.0);
        assertEquals(m.leakage(), r.<Double>getAs("leakage"), 0.0);
        assertEquals(policy, r.getAs("intervention_policy"));
        assertArrayEquals(m.interventionCurve(), doubles(r.getList(r.fieldIndex("intervention_curve"))), 0.0);
        assertNull(r.getAs("explanation_accuracy"), "no logic explanations");
        List<Row> curve = explainer(name, "curve").setPolicy(policy).transform(test).collectAsList();
        for (int i = 0; i < curve.size(); i++) {
          assertEquals(i, curve.get(i).getInt(0));
          assertEquals(m.interventionCurve()[i], curve.get(i).getDouble(1), 0.0, name + " curve " + i);
        }
        assertEquals(m.interventionCurve().length, curve.size());
      }
    }
  }

  @Test
  void theEntropyNetworkGivesItsAccuracyFormulasAndTheirScores() throws Exception {
    EntropyLogicExplainerModel len = EntropyLogicExplainerModel.load(golden("len"));
    double accuracy = len.accuracy(test);
    LogicExplanations.Metrics e = len.explanationMetrics(test);
    Row r = explainer("len", "metrics").transform(test).first();
    assertNull(r.getAs("concept_accuracy"));
    assertNull(r.getAs("leakage"));
    assertNull(r.getAs("intervention_policy"));
    assertEquals(accuracy, r.<Double>getAs("task_accuracy"), 0.0);
    assertEquals(e.accuracy(), r.<Double>getAs("explanation_accuracy"), 0.0);
    assertEquals(e.fidelity(), r.<Double>getAs("fidelity"), 0.0);
    assertEquals(e.complexity(), r.<Double>getAs("complexity"), 0.0);
    assertArrayEquals(new double[] {accuracy, accuracy, accuracy},
        doubles(r.getList(r.fieldIndex("intervention_curve"))), 0.0, "flat: it reads the true concepts");

    List<Row> formulas = explainer("len", "formulas").transform(test).collectAsList();
    Map<Integer, String> expected = len.formulas();
    assertEquals(expected.size(), formulas.size());
    for (Row f : formulas) {
      int c = f.getInt(0);
      assertEquals(expected.get(c), f.getString(1));
      assertEquals(e.classAccuracy()[c], f.getDouble(2), 0.0);
      assertEquals(e.classFidelity()[c], f.getDouble(3), 0.0);
      assertEquals(e.classComplexity()[c], f.getInt(4));
      assertEquals(len.explanations().get(c).exact(), f.getBoolean(5));
    }
    List<Row> unscored = explainer("len", "formulas").transform(test.sparkSession().range(1)).collectAsList();
    assertEquals(expected.size(), unscored.size(), "a table without the concepts still gives the formulas");
    for (Row f : unscored) {
      assertEquals(expected.get(f.getInt(0)), f.getString(1));
      assertTrue(f.isNullAt(2) && f.isNullAt(3) && f.isNullAt(4), "no scores without the truth to score on");
    }
  }

  @Test
  void theReportIsTheConceptReportOfTheModelsNumbers() throws Exception {
    ConceptBottleneckModel cbm = ConceptBottleneckModel.load(golden("cbm"));
    String expected = new ConceptReport("Concept model cbm-joint").subtitle("the model saved at " + golden("cbm"))
        .summary("model", "cbm-joint").summary("training rows", "40").summary("test rows", "20")
        .summary("seed", "1").summary("epochs", "40").metrics(cbm.evaluate(test, "random")).build().html();
    Dataset<Row> out = explainer("cbm", "report").transform(test);
    assertArrayEquals(new String[] {"html"}, out.columns());
    String html = out.first().getString(0);
    assertEquals(expected, html);
    assertFalse(html.contains("beside the concept ceiling"), "no ceiling without the training table");

    EntropyLogicExplainerModel len = EntropyLogicExplainerModel.load(golden("len"));
    double accuracy = len.accuracy(test);
    String lenExpected = new ConceptReport("LEN on xor").subtitle("the model saved at " + golden("len"))
        .summary("model", "entropy-len").summary("training rows", "40").summary("test rows", "20")
        .summary("seed", "1").summary("epochs", "400").taskAccuracy(accuracy).taskAccuracyAllIntervened(accuracy)
        .interventionCurve(new double[] {accuracy, accuracy, accuracy}, null).readsTrueConcepts(true)
        .logicExplanations(len.formulas(), len.explanationMetrics(test)).build().html();
    assertEquals(lenExpected, explainer("len", "report").setReportTitle("LEN on xor").transform(test).first()
        .getString(0));
  }

  @Test
  void transformSchemaIsTheSchemaTransformProduces() throws Exception {
    for (String explanation : ConceptExplainerParams.EXPLANATIONS) {
      for (String name : explanation.equals("formulas") ? new String[] {"len"} : new String[] {"cbm", "len"}) {
        ConceptExplainer e = explainer(name, explanation);
        assertEquals(e.transformSchema(test.schema()), e.transform(test).schema(), explanation + " of " + name);
      }
    }
  }

  @Test
  void passesStageConformance(@TempDir Path tmp) throws Exception {
    StageConformance.checkTransformer(explainer("cbm", "metrics"), test, tmp);
  }

  @Test
  void badInputFailsWithOneLineNamingIt(@TempDir Path tmp) throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ConceptExplainer().setExplanation("foo"));
    assertEquals("explanation must be one of metrics, curve, formulas, report, got \"foo\"", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ConceptExplainer().setPolicy("none"));
    assertEquals("policy must be one of random, uncertainty, got \"none\"", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ConceptExplainer().transform(test));
    assertTrue(e.getMessage().startsWith("modelPath is not set"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> explainer("cbm", "formulas").transform(test));
    assertEquals("explanation formulas needs an EntropyLogicExplainerModel; modelPath \"" + golden("cbm")
        + "\" holds a ConceptBottleneckModel", e.getMessage());

    String empty = tmp.toString();
    e = assertThrows(IllegalArgumentException.class,
        () -> new ConceptExplainer().setModelPath(empty).transform(test));
    assertEquals("modelPath \"" + empty + "\" is not a saved concept model: it has no metadata folder",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> explainer("cbm-estimator", "metrics").transform(test));
    assertTrue(e.getMessage().contains("holds an estimator saved under the name"), e.getMessage());
    String stage = tmp.resolve("stage").toString();
    new ConceptExplainer().write().save(stage);
    e = assertThrows(IllegalArgumentException.class,
        () -> new ConceptExplainer().setModelPath(stage).transform(test));
    assertTrue(e.getMessage().startsWith("modelPath \"" + stage + "\" holds a io.sparkxai.concepts.ConceptExplainer,"
        + " not a saved concept model"), e.getMessage());
  }

  private static double[] doubles(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
