package io.sparkxai.lrp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.sparkxai.lrp.LrpEngines;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.toolbox.LrpToolboxReader;
import io.sparkxai.testkit.SharedData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** lrp_toolbox's small XOR net (Linear, Tanh, Linear, Tanh, Linear, SoftMax): predictions, reference, conservation. */
class XorNetTest {

  @Test
  void xorNet() throws Exception {
    Graph g = LrpToolboxReader.read(SharedData.require("lrp_toolbox_models/xor_net_small.txt"), 2);
    double[] x = {0, 0, 0, 1, 1, 0, 1, 1};
    LrpOptions o = LrpOptions.of(Composite.uniform(Rule.z())).withZeroBias(true).withInit(Init.OUTPUT);
    try (LrpEngine e = LrpEngines.engine(g, o, Device.cpu(), DataType.FLOAT64)) {
      LrpResult r = e.explain(x, 4, Target.predicted());
      assertArrayEquals(new int[] {0, 1, 1, 0}, r.predicted(), "the net computes XOR");
      NaiveLrp ref = new NaiveLrp(e.graph(), e.rules(), true);
      for (int i = 0; i < 4; i++) {
        // tanh and softmax pass relevance; without biases the z rule conserves the softmax output,
        // except at x = (0, 0) where every contribution is zero and so is the relevance
        assertEquals(i == 0 ? 0 : r.initial()[i], r.relevanceSum()[i], 1e-9, "row " + i);
        assertTrue(r.initial()[i] > 0.5, "init is the predicted probability");
        double[] seed = new double[2];
        seed[r.predicted()[i]] = r.initial()[i];
        assertArrayEquals(ref.relevance(Arrays.copyOfRange(x, 2 * i, 2 * i + 2), seed), r.row(i), 1e-12);
      }
    }
  }
}
