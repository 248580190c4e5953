package io.sparkxai.ebm.core;

import io.sparkxai.testkit.CorePurity;
import org.junit.jupiter.api.Test;

/** The algorithm core imports no Spark: the Spark layer converts partitions and delegates to it. */
class CorePurityTest {

  @Test
  void coreHasNoSpark() {
    CorePurity.check("io.sparkxai.ebm", false);
  }
}
