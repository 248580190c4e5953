package io.sparkxai.lrp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.sparkxai.lrp.LrpEngines;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.Layouts;
import io.sparkxai.nn.toolbox.LrpToolboxReader;
import io.sparkxai.testkit.SharedData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LeNet-5 of lrp_toolbox on the first 8 MNIST test images with init = output and the rule
 * list, each rule on every layer as lrp_toolbox applies it. Reference: {@link NaiveLrp}, a float64
 * implementation written from the formulas (lrp_toolbox's python code, run separately with numpy on
 * the same inputs, agreed with it; see "How it is checked" in README.md). Tolerances: 1e-4 of each
 * image's max |R| in float32, 1e-8 in float64.
 */
class LeNetToolboxTest {

  static Graph lenet;
  static double[][] images;
  static final int[] LABELS = {7, 2, 1, 0, 4, 1, 4, 9};

  @BeforeAll
  static void load() throws Exception {
    images = TestData.csv(SharedData.require("lrp_toolbox_mnist/lenet5_input.csv"));
    lenet = LrpToolboxReader.read(SharedData.require("lrp_toolbox_models/LeNet-5.txt"), 1024);
  }

  static Map<String, Composite> cases() {
    Map<String, Composite> m = new LinkedHashMap<>();
    m.put("z", Composite.uniform(Rule.z()));
    m.put("epsilon 0.01", Composite.uniform(Rule.epsilon(0.01)));
    m.put("epsilon 1", Composite.uniform(Rule.epsilon(1.0)));
    m.put("alphabeta 2:1", Composite.uniform(Rule.alphaBeta(2, 1)));
    m.put("alphabeta 1:0", Composite.uniform(Rule.alphaBeta(1, 0)));
    m.put("flat", Composite.uniform(Rule.flat()));
    m.put("wsquare", Composite.uniform(Rule.wSquare()));
    m.put("first wsquare, epsilon 0.01", Composite.uniform(Rule.epsilon(0.01)).withFirstRule(LayerType.LINEAR,
        Rule.wSquare()));
    m.put("first flat, alphabeta 1:0", Composite.uniform(Rule.alphaBeta(1, 0)).withFirstRule(LayerType.LINEAR,
        Rule.flat()));
    return m;
  }

  @Test
  void float64MatchesReferenceToOneInHundredMillion() {
    compare(DataType.FLOAT64, 1e-8);
  }

  @Test
  void float32MatchesReferenceToOneInTenThousand() {
    compare(DataType.FLOAT32, 1e-4);
  }

  private void compare(DataType type, double tolerance) {
    int n = images.length;
    double[] rows = TestData.flatten(images);
    double[] chw = Layouts.hwcToChw(rows, n, lenet.inputShape());
    StringBuilder report = new StringBuilder();
    for (Map.Entry<String, Composite> c : cases().entrySet()) {
      LrpOptions options = LrpOptions.of(c.getValue()).withInit(Init.OUTPUT);
      try (LrpEngine engine = LrpEngines.engine(lenet, options, Device.cpu(), type)) {
        LrpResult r = engine.explain(rows, n, Target.predicted());
        assertArrayEquals(LABELS, r.predicted(), "LeNet-5 predictions");
        NaiveLrp ref = new NaiveLrp(engine.graph(), engine.rules(), false);
        double worst = 0;
        for (int i = 0; i < n; i++) {
          double[] x = java.util.Arrays.copyOfRange(chw, i * 1024, (i + 1) * 1024);
          double[] out = ref.forward(x).get(engine.graph().outputName());
          double[] seed = new double[10];
          seed[LABELS[i]] = out[LABELS[i]];
          double[] expected = Layouts.chwToHwc(ref.relevance(x, seed), 1, lenet.inputShape());
          worst = Math.max(worst, TestData.relativeError(r.row(i), expected));
        }
        report.append(String.format("%s %s: max|diff|/max|R| = %.3g%n", type, c.getKey(), worst));
        assertTrue(worst <= tolerance, c.getKey() + " in " + type + ": relative error " + worst + " > " + tolerance);
      }
    }
    System.out.print(report);
  }
}
