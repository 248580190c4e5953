package io.sparkxai.ebm.core;

import io.sparkxai.testkit.CorePurity;
import org.junit.jupiter.api.Test;

/** The algorithm core imports no Spark (STYLE.md rule 1). */
class CorePurityTest {

  @Test
  void coreHasNoSpark() {
    CorePurity.check("io.sparkxai.ebm", false);
  }
}
