package io.sparkxai.concepts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkxai.concepts.core.ConceptDataset;
import io.sparkxai.testkit.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes the golden saved stages that {@link GoldenModelsTest} checks. Not part of the test suite:
 * the class name does not match the test patterns, and the method runs only with
 * {@code -Dsparkxai.golden.write=<folder>}:
 * <pre>
 * mvn -B -q -pl spark-concepts -am test -Dtest=GoldenModelsWriter -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsparkxai.golden.write=/tmp/golden
 * </pre>
 * The files under {@code src/test/resources/golden/v1} were written by the stages as they were
 * before the stages took Spark's names (the estimator was saved as {@code ConceptBottleneckModel},
 * its fitted model as {@code TrainedConceptBottleneckModel}, and likewise for the embedding model)
 * and must never be rewritten: they are the proof that those saves still load, and training is not
 * bit-identical across CPUs, so a rewrite would also change the expected outputs. A later format gets a new folder ({@code v2}).
 */
class GoldenModelsWriter {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The 40 rows the first golden models were trained on (cbm, len). */
  static Dataset<Row> firstTrain() {
    return ConceptDataFrames.generate(SPARK.session(), ConceptDataset.XOR, 1, 0, 40, 1);
  }

  /** The 100 rows the later golden stages were trained on (cem, pipeline). */
  static Dataset<Row> train() {
    return ConceptDataFrames.generate(SPARK.session(), ConceptDataset.XOR, 2, 0, 100, 1);
  }

  @Test
  @EnabledIfSystemProperty(named = "sparkxai.golden.write", matches = ".+")
  void writeGoldenStages() throws Exception {
    Path dir = Paths.get(System.getProperty("sparkxai.golden.write"));
    Files.createDirectories(dir);
    writeFirstModels(dir);
    writeStages(dir);
  }

  /** cbm (joint) and len with expected.json, as first written. */
  private static void writeFirstModels(Path dir) throws Exception {
    Dataset<Row> train = firstTrain();
    var cbm = ConceptTestData.cbm(ConceptDataset.XOR).setEpochs(40).setSeed(1).fit(train);
    cbm.write().overwrite().save(dir.resolve("cbm").toString());
    EntropyLogicExplainerModel len = ConceptTestData.len(ConceptDataset.XOR).setEpochs(400).setLearningRate(0.01)
        .setSeed(1).fit(train);
    len.write().overwrite().save(dir.resolve("len").toString());
    ObjectNode doc = JSON.createObjectNode();
    ArrayNode p = doc.putArray("cbm_probability");
    ArrayNode c = doc.putArray("cbm_concepts");
    for (Row r : cbm.transform(GoldenModelsTest.rows(SPARK.session())).collectAsList()) {
      vector(p.addArray(), r.getAs("probability"));
      vector(c.addArray(), r.getAs("conceptProbabilities"));
    }
    doc.put("len_formula_1", len.formulas().get(1));
    ArrayNode lp = doc.putArray("len_probability");
    for (Row r : len.transform(GoldenModelsTest.rows(SPARK.session())).collectAsList()) {
      vector(lp.addArray(), r.getAs("probability"));
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("expected.json").toFile(), doc);
  }

  /**
   * A concept embedding model, three unfitted estimators and a pipeline model (a sequential
   * bottleneck and an entropy explainer), with stages.json: every output column of every row of
   * {@link GoldenModelsTest#rows}, the formulas, and the estimators' params as Spark writes them.
   */
  private static void writeStages(Path dir) throws Exception {
    Dataset<Row> train = train();
    Dataset<Row> rows = GoldenModelsTest.rows(SPARK.session());
    ObjectNode doc = JSON.createObjectNode();
    var cem = ConceptTestData.cem(ConceptDataset.XOR).setEmbeddingSize(4).setEpochs(30).setSeed(3).fit(train);
    cem.write().save(dir.resolve("cem").toString());
    doc.set("cem", outputs(cem.transform(rows), "conceptProbabilities", "rawPrediction", "probability", "prediction"));

    var cbmEstimator = ConceptTestData.cbm(ConceptDataset.XOR).setMode("sequential").setEpochs(7).setSeed(11)
        .setEncoderHiddenSizes(6).setTaskLossWeight(0.5).setNumShards(2);
    var cemEstimator = ConceptTestData.cem(ConceptDataset.XOR).setEmbeddingSize(5).setInterventionProbability(0.5)
        .setActivation("tanh").setBatchSize(16);
    EntropyLogicExplainer lenEstimator = ConceptTestData.len(ConceptDataset.XOR).setTemperature(0.7)
        .setUnseenTuples("false").setMaxExplanationConcepts(3).setHiddenSizes(6, 3);
    ObjectNode estimators = doc.putObject("estimators");
    for (Map.Entry<String, Params> e : Map.<String, Params>of("cbm-estimator", cbmEstimator,
        "cem-estimator", cemEstimator, "len-estimator", lenEstimator).entrySet()) {
      ((org.apache.spark.ml.util.MLWritable) e.getValue()).write().save(dir.resolve(e.getKey()).toString());
      estimators.set(e.getKey(), params(e.getValue()));
    }

    var pipelineCbm = ConceptTestData.cbm(ConceptDataset.XOR).setMode("sequential").setEpochs(20).setSeed(5);
    EntropyLogicExplainer pipelineLen = ConceptTestData.len(ConceptDataset.XOR).setEpochs(200).setLearningRate(0.01)
        .setSeed(5).setPredictionCol("lenPrediction").setProbabilityCol("lenProbability")
        .setRawPredictionCol("lenRawPrediction");
    PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {pipelineCbm, pipelineLen}).fit(train);
    pipeline.write().save(dir.resolve("pipeline").toString());
    doc.set("pipeline", outputs(pipeline.transform(rows), "conceptProbabilities", "rawPrediction", "probability",
        "prediction", "lenRawPrediction", "lenProbability", "lenPrediction"));
    ObjectNode formulas = doc.putObject("pipeline_formulas");
    ((EntropyLogicExplainerModel) pipeline.stages()[1]).formulas().forEach((k, v) -> formulas.put(k.toString(), v));
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("stages.json").toFile(), doc);
  }

  /** Column name → one entry per row (a number or an array of numbers). */
  private static ObjectNode outputs(Dataset<Row> scored, String... columns) {
    ObjectNode out = JSON.createObjectNode();
    java.util.List<Row> rows = scored.collectAsList();
    for (String col : columns) {
      ArrayNode a = out.putArray(col);
      for (Row r : rows) {
        Object v = r.getAs(col);
        if (v instanceof Vector vec) {
          vector(a.addArray(), vec);
        } else {
          a.add((Double) v);
        }
      }
    }
    return out;
  }

  /** Param name → {"set": bool, "value": the JSON Spark saves}, for every defined param. */
  static ObjectNode params(Params stage) throws Exception {
    ObjectNode out = JSON.createObjectNode();
    for (Param<?> p : stage.params()) {
      if (stage.isDefined(p)) {
        out.putObject(p.name()).put("set", stage.isSet(p)).set("value", JSON.readTree(encode(stage, p)));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static <T> String encode(Params stage, Param<T> p) {
    return p.jsonEncode((T) stage.getOrDefault(p));
  }

  private static void vector(ArrayNode a, Vector v) {
    for (double x : v.toArray()) {
      a.add(x);
    }
  }
}
