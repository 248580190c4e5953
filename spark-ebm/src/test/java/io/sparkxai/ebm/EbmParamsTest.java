package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkxai.params.ParamDecl;
import io.sparkxai.testkit.SparkSessionExtension;
import io.sparkxai.testkit.StageConformance;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The params of the four EBM stages, declared once in {@link EbmParams} and
 * {@link EbmClassifierParams}: the same names, Spark param types and defaults as the stages had
 * when each wrote its own accessors (so saved stages read and write the same JSON), one
 * declaration per name, Spark's param API, and persistence of unfitted stages alone and in a
 * {@link Pipeline}. Fitted stages go through the conformance suite in the classifier and regressor
 * tests.
 */
class EbmParamsTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  /** Name, Spark param class and JSON default of every param of the classifier and its model, as before. */
  private static final List<String> CLASSIFIER_PARAMS = List.of(
      "catSmooth DoubleParam 10.0", "categoricalCols StringArrayParam []", "contributionsCol Param \"\"",
      "earlyStoppingRounds IntParam 100", "earlyStoppingTolerance DoubleParam 1.0E-5", "family Param \"auto\"",
      "featureNames StringArrayParam []", "featuresCol Param \"features\"", "gainScale DoubleParam 5.0",
      "greedyRatio DoubleParam 10.0", "handleInvalid Param \"error\"", "initialModelPath Param \"\"",
      "inputCols StringArrayParam []", "interactionSmoothingRounds IntParam 75", "interactions Param \"3x\"",
      "labelCol Param \"label\"", "learningRate DoubleParam 0.015", "logEvery IntParam 100",
      "maxBins IntParam 1024", "maxInteractionBins IntParam 64", "maxLeaves IntParam 2",
      "maxRounds IntParam 50000", "minCatSamples IntParam 10", "minHessian DoubleParam 1.0E-4",
      "minSamplesLeaf IntParam 4", "monotoneConstraints StringArrayParam []", "numShards IntParam 0",
      "outerBags IntParam 14",
      "predictionCol Param \"prediction\"", "probabilityCol Param \"probability\"",
      "rawPredictionCol Param \"rawPrediction\"", "roundsPerSync IntParam 50", "rowIdCol Param \"\"",
      "seed LongParam 42", "smoothingRounds IntParam 75", "uncertaintyCol Param \"\"",
      "validationIndicatorCol Param \"\"", "validationSize DoubleParam 0.15", "weightCol Param \"\"");

  /** The same for the regressor and its model. */
  private static final List<String> REGRESSOR_PARAMS = List.of(
      "catSmooth DoubleParam 10.0", "categoricalCols StringArrayParam []", "contributionsCol Param \"\"",
      "earlyStoppingRounds IntParam 100", "earlyStoppingTolerance DoubleParam 1.0E-5",
      "featureNames StringArrayParam []", "featuresCol Param \"features\"", "gainScale DoubleParam 5.0",
      "greedyRatio DoubleParam 10.0", "handleInvalid Param \"error\"", "initialModelPath Param \"\"",
      "inputCols StringArrayParam []", "interactionSmoothingRounds IntParam 100", "interactions Param \"5x\"",
      "labelCol Param \"label\"", "learningRate DoubleParam 0.04", "logEvery IntParam 100",
      "maxBins IntParam 1024", "maxInteractionBins IntParam 64", "maxLeaves IntParam 2",
      "maxRounds IntParam 50000", "minCatSamples IntParam 10", "minHessian DoubleParam 0.0",
      "minSamplesLeaf IntParam 4", "monotoneConstraints StringArrayParam []", "numShards IntParam 0",
      "outerBags IntParam 14",
      "predictionCol Param \"prediction\"", "roundsPerSync IntParam 50", "rowIdCol Param \"\"",
      "seed LongParam 42", "smoothingRounds IntParam 500", "uncertaintyCol Param \"\"",
      "validationIndicatorCol Param \"\"", "validationSize DoubleParam 0.15", "weightCol Param \"\"");

  /** Params added after the golden model was saved. */
  private static final Set<String> ADDED_SINCE_THE_GOLDEN_MODEL = Set.of("uncertaintyCol", "monotoneConstraints");

  /** "name SparkParamClass jsonDefault" per param, in Spark's (name) order. */
  private static List<String> describe(Params stage) {
    List<String> out = new ArrayList<>();
    for (Param<?> p : stage.params()) {
      @SuppressWarnings("unchecked")
      Param<Object> q = (Param<Object>) p;
      out.add(p.name() + " " + p.getClass().getSimpleName() + " " + q.jsonEncode(stage.getDefault(q).get()));
    }
    return out;
  }

  @Test
  void estimatorsAndModelsHaveTheParamsTypesAndDefaultsTheyHadBefore() {
    assertEquals(CLASSIFIER_PARAMS, describe(new ExplainableBoostingClassifier()));
    assertEquals(CLASSIFIER_PARAMS, describe(new ExplainableBoostingClassificationModel()));
    assertEquals(REGRESSOR_PARAMS, describe(new ExplainableBoostingRegressor()));
    assertEquals(REGRESSOR_PARAMS, describe(new ExplainableBoostingRegressionModel()));
  }

  @Test
  void defaultsAreThoseTheGoldenModelSaved() throws Exception {
    File metadata = new File(getClass().getResource("/golden/ebm-classification-model-v1/metadata").toURI());
    File[] parts = metadata.listFiles((d, n) -> n.startsWith("part-"));
    JsonNode saved = new ObjectMapper().readTree(parts[0]).get("defaultParamMap");
    ExplainableBoostingClassificationModel fresh = new ExplainableBoostingClassificationModel();
    Set<String> names = new HashSet<>(ADDED_SINCE_THE_GOLDEN_MODEL);
    saved.fieldNames().forEachRemaining(names::add);
    assertEquals(names, Set.copyOf(Arrays.stream(fresh.params()).map(Param::name).toList()));
    for (Param<?> p : fresh.params()) {
      if (ADDED_SINCE_THE_GOLDEN_MODEL.contains(p.name())) {
        continue; // a model saved before the param existed loads it at its default
      }
      @SuppressWarnings("unchecked")
      Param<Object> q = (Param<Object>) p;
      assertEquals(saved.get(p.name()).toString(), q.jsonEncode(fresh.getDefault(q).get()), p.name());
    }
  }

  @Test
  void eachParamIsDeclaredOnce() {
    List<String> declared = new ArrayList<>();
    for (Class<?> c : List.of(EbmParams.class, EbmClassifierParams.class)) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == ParamDecl.class) {
          declared.add(f.getName());
        }
      }
    }
    ExplainableBoostingClassifier classifier = new ExplainableBoostingClassifier();
    assertEquals(39, declared.size(), declared.toString());
    assertEquals(39, classifier.paramRegistry().declarations().size());
    for (Params stage : List.<Params>of(classifier, new ExplainableBoostingClassificationModel(),
        new ExplainableBoostingRegressor(), new ExplainableBoostingRegressionModel())) {
      List<String> names = Arrays.stream(stage.params()).map(Param::name).toList();
      EbmParams<?> ebm = (EbmParams<?>) stage;
      assertEquals(Set.copyOf(names), ebm.paramRegistry().declarations().keySet(), stage.getClass().getSimpleName());
      assertEquals(names.size(), ebm.paramRegistry().declarations().size());
    }
    assertSame(classifier.paramRegistry().declarations().get("maxBins"), EbmParams.MAX_BINS);
    assertSame(classifier.paramRegistry().declarations().get("family"), EbmClassifierParams.FAMILY);
  }

  @Test
  void sparkFindsTheParamsExplainsAndCopiesThem() {
    ExplainableBoostingClassifier est = new ExplainableBoostingClassifier("ebmClassifier_1").setMaxBins(32)
        .setInputCols("a", "b").setFamily("binary");
    assertSame(est.maxBins(), est.getParam("maxBins"));
    assertSame(est.family(), est.getParam("family"));
    assertEquals("ebmClassifier_1", est.maxBins().parent());
    assertTrue(est.explainParams().contains(
        "maxBins: bins per feature for main effects, missing and unseen included (default: 1024, current: 32)"),
        est.explainParams());
    assertTrue(new ExplainableBoostingRegressor().explainParams().contains(
        "learningRate: shrinkage of each term update (default: 0.04)"));

    ExplainableBoostingClassifier copy = est.copy(new ParamMap().put(est.outerBags().w(3)));
    assertNotSame(est, copy);
    assertEquals(32, copy.getMaxBins());
    assertEquals(3, copy.getOuterBags());
    assertEquals(14, est.getOuterBags(), "the copy's extra params leave the original alone");
    assertArrayEquals(new String[] {"a", "b"}, copy.getInputCols());
    assertEquals("binary", copy.getFamily());
    assertSame(copy.maxBins(), copy.getParam("maxBins"));
    assertNotSame(est.maxBins(), copy.maxBins(), "every stage owns its params");

    ExplainableBoostingRegressionModel model = new ExplainableBoostingRegressionModel("m").setMaxBins(8);
    ExplainableBoostingRegressionModel modelCopy = model.copy(ParamMap.empty());
    assertEquals(8, modelCopy.getMaxBins());
    assertEquals(0.04, modelCopy.getLearningRate());
    assertEquals("m", modelCopy.uid());
  }

  @Test
  void estimatorAndModelShareTheSettersAndTheirMessages() {
    ExplainableBoostingClassificationModel model = new ExplainableBoostingClassificationModel();
    assertSame(model, model.setRawPredictionCol("").setProbabilityCol("p").setContributionsCol("c"));
    assertEquals("p", model.getProbabilityCol());
    assertEquals("auto", model.getFamily());
    for (EbmParams<?> stage : List.<EbmParams<?>>of(new ExplainableBoostingClassifier(), model,
        new ExplainableBoostingRegressor(), new ExplainableBoostingRegressionModel())) {
      assertEquals("maxBins must be >= 3, got 1",
          assertThrows(IllegalArgumentException.class, () -> stage.setMaxBins(1)).getMessage());
      assertEquals("inputCols must be a list of distinct names, got [a, a]",
          assertThrows(IllegalArgumentException.class, () -> stage.setInputCols("a", "a")).getMessage());
      assertEquals("categoricalCols must be a list of non-empty names, got [a, ]",
          assertThrows(IllegalArgumentException.class, () -> stage.setCategoricalCols("a", "")).getMessage());
      assertEquals("labelCol must be a string, got null",
          assertThrows(IllegalArgumentException.class, () -> stage.setLabelCol(null)).getMessage());
      assertEquals("greedyRatio must be >= 0.0, got NaN",
          assertThrows(IllegalArgumentException.class, () -> stage.setGreedyRatio(Double.NaN)).getMessage());
      assertEquals("interactions must be a count (\"10\", \"0\") or a multiple of the feature count (\"3x\"), "
          + "got \"2y\"", assertThrows(IllegalArgumentException.class, () -> stage.setInteractions("2y")).getMessage());
      assertEquals("handleInvalid must be one of error, skip, got null",
          assertThrows(IllegalArgumentException.class, () -> stage.setHandleInvalid(null)).getMessage());
    }
  }

  @Test
  void unfittedStagesSaveAndLoadAloneAndInAPipeline(@TempDir Path tmp) throws Exception {
    List<PipelineStage> stages = List.of(
        new ExplainableBoostingClassifier().setMaxBins(16).setInputCols("x0", "c0").setFamily("binary")
            .setSeed(7L).setLearningRate(0.2),
        new ExplainableBoostingRegressor().setCategoricalCols("c0").setInteractions("2").setValidationSize(0.3));
    for (int i = 0; i < stages.size(); i++) {
      PipelineStage stage = stages.get(i);
      StageConformance.checkJavaSurface(stage.getClass(), "org.apache.spark.ml.Estimator");
      StageConformance.assertSameParams(stage, StageConformance.saveAndLoad(stage, tmp.resolve("stage" + i)));
      Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {stage});
      pipeline.save(tmp.resolve("pipeline" + i).toString());
      PipelineStage reloaded = Pipeline.load(tmp.resolve("pipeline" + i).toString()).getStages()[0];
      assertEquals(stage.getClass(), reloaded.getClass());
      StageConformance.assertSameParams(stage, reloaded);
    }
  }
}
