package io.sparkxai.lrp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.sparkxai.lrp.LrpEngines;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.OnnxModels;
import io.sparkxai.nn.onnx.OnnxReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine against {@link NaiveLrp} (float64, explicit per-layer formulas) on graphs that exercise
 * the geometry: strides, asymmetric and dilated padding, groups, overlapping padded max pooling,
 * explicit padding, concatenation, and a BatchNorm ResNet canonized on import.
 */
class EngineGeometryTest {

  static Map<String, Composite> composites() {
    Map<String, Composite> m = new LinkedHashMap<>();
    m.put("epsilon 0.01", Composite.uniform(Rule.epsilon(0.01)));
    m.put("alphabeta 2:1", Composite.uniform(Rule.alphaBeta(2, 1)));
    m.put("zplus", Composite.uniform(Rule.zPlus()));
    m.put("gamma 0.25", Composite.uniform(Rule.gamma(0.25)));
    m.put("wsquare first, z", Composite.uniform(Rule.z()).withFirstRule(LayerType.LINEAR, Rule.wSquare()));
    m.put("zbox first, epsilon", Composite.uniform(Rule.epsilon(0.1)).withFirstRule(LayerType.LINEAR,
        Rule.zBox(-3, 3)));
    m.put("EpsilonPlusFlat", Composites.epsilonPlusFlat());
    m.put("EpsilonGammaBox", Composites.epsilonGammaBox(-3, 3));
    m.put("EpsilonAlpha2Beta1", Composites.epsilonAlpha2Beta1());
    m.put("by name", Composites.epsilonPlus().withNameRule("c3", Rule.flat()).withLayerRule(LayerType.DENSE,
        Rule.alphaBeta(1, 0)));
    return m;
  }

  private static double check(Graph g, Composite c, boolean zeroBias, int n, double[] x) {
    try (LrpEngine e = LrpEngines.engine(g, LrpOptions.of(c).withZeroBias(zeroBias), Device.cpu(), DataType.FLOAT64)) {
      LrpResult r = e.explain(x, n, Target.predicted());
      NaiveLrp ref = new NaiveLrp(e.graph(), e.rules(), zeroBias);
      int size = g.inputSize();
      double worst = 0;
      for (int i = 0; i < n; i++) {
        double[] seed = new double[g.outputSize()];
        seed[r.predicted()[i]] = 1;
        double[] expected = ref.relevance(Arrays.copyOfRange(x, i * size, (i + 1) * size), seed);
        worst = Math.max(worst, TestData.relativeError(r.row(i), expected));
      }
      return worst;
    }
  }

  @Test
  void kitchenSinkMatchesReference() {
    Graph g = OnnxReader.parse(OnnxModels.kitchenSink(5), "sink", false);
    double[] x = OnnxModels.randomRows(3, g.inputSize(), 11);
    for (Map.Entry<String, Composite> c : composites().entrySet()) {
      for (boolean zeroBias : new boolean[] {false, true}) {
        double worst = check(g, c.getValue(), zeroBias, 3, x);
        assertTrue(worst < 1e-8, c.getKey() + (zeroBias ? " zero-bias" : "") + ": relative error " + worst);
      }
    }
  }

  @Test
  void batchNormResNetIsCanonizedAndMatchesReference() {
    Graph g = OnnxReader.parse(OnnxModels.resNetWithBatchNorm(7), "resnet-bn", false);
    double[] x = OnnxModels.randomRows(4, g.inputSize(), 5);
    for (Map.Entry<String, Composite> c : composites().entrySet()) {
      if (c.getKey().equals("by name")) {
        continue;
      }
      double worst = check(g, c.getValue(), true, 4, x);
      assertTrue(worst < 1e-8, c.getKey() + ": relative error " + worst);
    }
    try (LrpEngine e = LrpEngines.engine(g, LrpOptions.of(Composites.epsilonPlusFlat()).withZeroBias(true))) {
      assertTrue(e.graph().nodes().stream().noneMatch(n -> n.layer() instanceof Layer.BatchNorm));
      assertTrue(e.graph().node("residual").layer() instanceof Layer.Sum);
      assertEquals("norm", e.rules().get("residual").describe());
      LrpResult r = e.explain(x, 4, Target.predicted());
      for (int i = 0; i < 4; i++) {
        assertEquals(1.0, r.relevanceSum()[i], 1e-5, "conservation, row " + i);
      }
    }
  }

  @Test
  void targetsAndInit() {
    Graph g = OnnxReader.parse(OnnxModels.resNetWithBatchNorm(3), "resnet-bn", true);
    double[] x = OnnxModels.randomRows(3, g.inputSize(), 9);
    LrpOptions o = LrpOptions.of(Composite.uniform(Rule.z())).withZeroBias(true).withInit(Init.OUTPUT);
    try (LrpEngine e = LrpEngines.engine(g, o, Device.cpu(), DataType.FLOAT64)) {
      double[] out = e.forward(x, 3);
      LrpResult fixed = e.explain(x, 3, Target.index(2));
      LrpResult perRow = e.explain(x, 3, Target.perRow(new int[] {0, 1, 2}));
      LrpResult raw = e.explain(x, 3, Target.rawOutput());
      for (int r = 0; r < 3; r++) {
        assertEquals(2, fixed.target()[r]);
        assertEquals(out[r * 3 + 2], fixed.initial()[r], 1e-12);
        // z rule, zero bias: conservative up to the residual sum's norm stabilizer (1e-6)
        assertEquals(out[r * 3 + 2], fixed.relevanceSum()[r], 1e-5 * Math.abs(out[r * 3 + 2]));
        assertEquals(r, perRow.target()[r]);
        assertEquals(out[r * 3 + r], perRow.relevanceSum()[r], 1e-5 * Math.abs(out[r * 3 + r]));
        assertEquals(-1, raw.target()[r]);
        double total = out[r * 3] + out[r * 3 + 1] + out[r * 3 + 2];
        assertEquals(total, raw.relevanceSum()[r], 1e-5 * Math.abs(total));
      }
      assertThrows(IllegalArgumentException.class, () -> e.explain(x, 3, Target.index(3)));
      assertThrows(IllegalArgumentException.class, () -> e.explain(x, 3, Target.perRow(new int[] {0})));
    }
  }

  @Test
  void batchingDoesNotChangeResultsAndRepeatedBatchesAgree() {
    Graph g = OnnxReader.parse(OnnxModels.kitchenSink(2), "sink", false);
    int size = g.inputSize();
    double[] x = OnnxModels.randomRows(6, size, 4);
    try (LrpEngine e = LrpEngines.engine(g, LrpOptions.of(Composites.epsilonGammaBox(-4, 4)), Device.cpu(),
        DataType.FLOAT64)) {
      double[] all = e.explain(x, 6, Target.predicted()).relevance();
      double[] first = e.explain(Arrays.copyOfRange(x, 0, 2 * size), 2, Target.predicted()).relevance();
      double[] rest = e.explain(Arrays.copyOfRange(x, 2 * size, 6 * size), 4, Target.predicted()).relevance();
      for (int i = 0; i < all.length; i++) {
        double split = i < first.length ? first[i] : rest[i - first.length];
        assertEquals(all[i], split, 1e-12 * (1 + Math.abs(all[i])), "value " + i);
      }
      for (int k = 0; k < 25; k++) { // the weight manager is capped: a leak into it would throw
        assertArrayEquals(all, e.explain(x, 6, Target.predicted()).relevance(), 0.0);
      }
    }
  }

  @Test
  void floatRowsGiveTheSameRelevanceAsDoubleRows() throws Exception {
    Graph g = io.sparkxai.nn.toolbox.LrpToolboxReader.read(
        io.sparkxai.testkit.SharedData.require("lrp_toolbox_models/LeNet-5.txt"), 1024);
    double[] x = OnnxModels.randomRows(2, 1024, 8);
    float[] xf = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      xf[i] = (float) x[i];
      x[i] = xf[i];
    }
    try (LrpEngine e = LrpEngines.engine(g, LrpOptions.of(Composites.epsilonPlusFlat()))) {
      assertArrayEquals(e.explain(x, 2, Target.predicted()).relevance(), e.explain(xf, 2, Target.predicted())
          .relevance(), 0.0);
    }
  }

  @Test
  void ruleThatDoesNotFitItsLayerFailsAtConstruction() {
    Graph g = OnnxReader.parse(OnnxModels.kitchenSink(2), "sink", false);
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> LrpEngines.engine(g,
        LrpOptions.of(Composites.epsilonPlus().withNameRule("mp", Rule.epsilon(0.1)))));
    assertTrue(ex.getMessage().contains("'mp'") && ex.getMessage().contains("MaxPool2d"), ex.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LrpEngines.engine(g,
        LrpOptions.of(Composites.epsilonPlus().withNameRule("no_such_node", Rule.z()))));
  }
}
