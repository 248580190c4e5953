package io.sparkxai.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparkxai.lrp.core.Init;
import io.sparkxai.lrp.core.LrpOptions;
import org.junit.jupiter.api.Test;

/**
 * {@link LrpExplainer}'s params without Spark running: values are checked where they are set, with
 * messages naming the param; optional params read null until set and clear on null; the engine
 * options come from the params as every task builds them.
 */
class LrpExplainerParamsTest {

  @Test
  void badValuesFailWhereTheyAreSet() {
    LrpExplainer e = new LrpExplainer();
    assertEquals("channelOrder must be one of RGB, BGR, got \"rgb\"",
        assertThrows(IllegalArgumentException.class, () -> e.setChannelOrder("rgb")).getMessage());
    assertEquals("batchSize must be in [1, 65536], got 0",
        assertThrows(IllegalArgumentException.class, () -> e.setBatchSize(0)).getMessage());
    assertEquals("targetClass must be >= 0, got -1",
        assertThrows(IllegalArgumentException.class, () -> e.setTargetClass(-1)).getMessage());
    assertEquals("precision must be one of float32, float64, got \"FLOAT64\"",
        assertThrows(IllegalArgumentException.class, () -> e.setPrecision("FLOAT64")).getMessage());
  }

  @Test
  void optionalParamsReadNullUntilSetAndClearOnNull() {
    LrpExplainer e = new LrpExplainer().setRule("flat").setFirstRule("zplus").setHeatmapCol("png");
    assertEquals("flat", e.getRule());
    e.setRule(null).setFirstRule(null).setHeatmapCol(null).setModelPath(null).setInputShape(null);
    assertNull(e.getRule());
    assertNull(e.getFirstRule());
    assertNull(e.getHeatmapCol());
    assertFalse(e.isSet(e.rule()));
    assertEquals(-1, e.getTargetClass());
  }

  @Test
  void engineOptionsFollowTheParams() {
    LrpOptions o = new LrpExplainer().engineOptions();
    assertEquals("EpsilonPlusFlat", o.composite().name());
    assertEquals(Init.ONE, o.init());
    o = new LrpExplainer().setComposite("epsilon_gamma_box").setLow(-1).setHigh(1).setZeroBias(true)
        .setCanonize(false).setInit("output").engineOptions();
    assertEquals("EpsilonGammaBox", o.composite().name());
    assertEquals(true, o.zeroBias());
    assertEquals(0, o.canonizers().size());
    assertEquals(Init.OUTPUT, o.init());
    assertEquals("rule and composite exclude each other; set one", assertThrows(IllegalArgumentException.class,
        () -> new LrpExplainer().setRule("z").setComposite("EpsilonPlus").engineOptions()).getMessage());
    assertEquals("low and high go with composite EpsilonGammaBox, not EpsilonPlusFlat",
        assertThrows(IllegalArgumentException.class, () -> new LrpExplainer().setLow(0).engineOptions()).getMessage());
    assertEquals("composite: composite EpsilonGammaBox needs the input bounds low and high",
        assertThrows(IllegalArgumentException.class,
            () -> new LrpExplainer().setComposite("EpsilonGammaBox").engineOptions()).getMessage());
  }
}
