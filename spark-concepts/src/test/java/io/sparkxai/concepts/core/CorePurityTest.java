package io.sparkxai.concepts.core;

import io.sparkxai.testkit.CorePurity;
import org.junit.jupiter.api.Test;

/** STYLE.md rule 1: the core imports neither Spark nor a DJL engine (DJL's api is allowed). */
class CorePurityTest {

  @Test
  void coreIsPure() {
    CorePurity.check("io.sparkxai.concepts", true);
  }
}
