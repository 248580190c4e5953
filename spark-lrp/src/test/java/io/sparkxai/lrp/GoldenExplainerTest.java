package io.sparkxai.lrp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.testkit.SparkSessionExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.ml.param.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LrpExplainers saved before their params moved to {@code io.sparkxai.params}
 * (src/test/resources/golden/lrp) still load with the params they were saved with: one with every
 * param set, one with none set (whose optional params stay unset). To regenerate after a deliberate
 * change: {@code -Dsparkxai.golden.write=<folder>}, then copy the folder over the resources.
 */
class GoldenExplainerTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static Path golden() throws Exception {
    return Paths.get(GoldenExplainerTest.class.getResource("/golden/lrp/all/metadata").toURI()).getParent()
        .getParent();
  }

  /** Every param set to a value other than its default. */
  static LrpExplainer everyParamSet() {
    return new LrpExplainer("lrpExplainer_golden_all").setModelPath("models/cnn.onnx").setInputCol("pixels")
        .setInputShape(new int[] {1, 28, 28}).setResize(true).setChannelOrder("BGR").setScale(0.5)
        .setMean(new double[] {0.1, 0.2, 0.3}).setStd(new double[] {0.4, 0.5, 0.6}).setComposite("EpsilonGammaBox")
        .setLow(-1.5).setHigh(2.5).setRule("epsilon:0.01").setFirstRule("flat").setZeroBias(true).setCanonize(false)
        .setTargetClass(3).setTargetCol("label").setInit("output").setPrecision("float64").setOutputCol("rel")
        .setPredictionCol("pred").setExplainedClassCol("cls").setRelevanceSumCol("sum").setHeatmapCol("png")
        .setHeatmapOverlay(true).setBatchSize(7).setDevice("cpu").setHandleInvalid("keep").setErrorCol("why")
        .setTaskCpus(2).setTaskGpus(0.5);
  }

  @Test
  void anExplainerWithEveryParamSetLoadsAsSaved() throws Exception {
    LrpExplainer e = LrpExplainer.load(golden().resolve("all").toString());
    assertEquals("lrpExplainer_golden_all", e.uid());
    assertEquals("models/cnn.onnx", e.getModelPath());
    assertEquals("pixels", e.getInputCol());
    assertArrayEquals(new int[] {1, 28, 28}, e.getInputShape());
    assertTrue(e.getResize());
    assertEquals("BGR", e.getChannelOrder());
    assertEquals(0.5, e.getScale());
    assertArrayEquals(new double[] {0.1, 0.2, 0.3}, e.getMean());
    assertArrayEquals(new double[] {0.4, 0.5, 0.6}, e.getStd());
    assertEquals("EpsilonGammaBox", e.getComposite());
    assertEquals(-1.5, e.getLow());
    assertEquals(2.5, e.getHigh());
    assertEquals("epsilon:0.01", e.getRule());
    assertEquals("flat", e.getFirstRule());
    assertTrue(e.getZeroBias());
    assertFalse(e.getCanonize());
    assertEquals(3, e.getTargetClass());
    assertEquals("label", e.getTargetCol());
    assertEquals("output", e.getInit());
    assertEquals("float64", e.getPrecision());
    assertEquals("rel", e.getOutputCol());
    assertEquals("pred", e.getPredictionCol());
    assertEquals("cls", e.getExplainedClassCol());
    assertEquals("sum", e.getRelevanceSumCol());
    assertEquals("png", e.getHeatmapCol());
    assertTrue(e.getHeatmapOverlay());
    assertEquals(7, e.getBatchSize());
    assertEquals("cpu", e.getDevice());
    assertEquals("keep", e.getHandleInvalid());
    assertEquals("why", e.getErrorCol());
    assertEquals(2, e.getTaskCpus());
    assertEquals(0.5, e.getTaskGpus());
    assertSameParams(everyParamSet(), e);
  }

  @Test
  void anExplainerWithNoParamSetLoadsWithTheDefaults() throws Exception {
    LrpExplainer e = LrpExplainer.load(golden().resolve("defaults").toString());
    assertEquals("lrpExplainer_golden_defaults", e.uid());
    assertNull(e.getModelPath());
    assertNull(e.getInputShape());
    assertNull(e.getLow());
    assertNull(e.getHigh());
    assertNull(e.getRule());
    assertNull(e.getFirstRule());
    assertEquals(-1, e.getTargetClass());
    assertNull(e.getTargetCol());
    assertNull(e.getHeatmapCol());
    assertFalse(e.isSet(e.composite()));
    // the defaults saved then are today's defaults, value for value
    assertSameParams(new LrpExplainer("lrpExplainer_golden_defaults"), e);
    LrpOptions o = e.engineOptions();
    assertEquals("EpsilonPlusFlat", o.composite().name());
    assertEquals(new LrpExplainer().engineOptions().toString().replaceAll("@[0-9a-f]+", ""),
        o.toString().replaceAll("@[0-9a-f]+", ""));
  }

  /** The same params, set or defaulted alike, with the same values (compared as Spark writes them). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void assertSameParams(LrpExplainer expected, LrpExplainer actual) {
    assertEquals(expected.params().length, actual.params().length);
    for (Param p : expected.params()) {
      Param q = actual.getParam(p.name());
      assertEquals(p.getClass(), q.getClass(), p.name());
      assertEquals(expected.isSet(p), actual.isSet(q), "set: " + p.name());
      assertEquals(expected.hasDefault(p), actual.hasDefault(q), "default: " + p.name());
      if (expected.isDefined(p)) {
        assertEquals(p.jsonEncode(expected.getOrDefault(p)), q.jsonEncode(actual.getOrDefault(q)), p.name());
      }
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "sparkxai.golden.write", matches = ".+")
  void writeGoldenExplainers() throws Exception {
    Path dir = Paths.get(System.getProperty("sparkxai.golden.write"));
    Files.createDirectories(dir);
    everyParamSet().write().overwrite().save(dir.resolve("all").toString());
    new LrpExplainer("lrpExplainer_golden_defaults").write().overwrite().save(dir.resolve("defaults").toString());
  }
}
