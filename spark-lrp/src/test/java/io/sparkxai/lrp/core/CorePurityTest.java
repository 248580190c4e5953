package io.sparkxai.lrp.core;

import io.sparkxai.testkit.CorePurity;
import org.junit.jupiter.api.Test;

/**
 * io.sparkxai.lrp.core and io.sparkxai.nn import neither Spark nor a DJL engine: the algorithms stay
 * pure, and Spark and DJL's engines remain the outer layer.
 */
class CorePurityTest {

  @Test
  void coreIsPure() {
    CorePurity.check("io.sparkxai.lrp", true);
  }
}
