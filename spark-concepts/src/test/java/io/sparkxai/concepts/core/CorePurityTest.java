package io.sparkxai.concepts.core;

import io.sparkxai.testkit.CorePurity;
import org.junit.jupiter.api.Test;

/** The core imports neither Spark nor a DJL engine (DJL's api is allowed), so it runs and tests without either. */
class CorePurityTest {

  @Test
  void coreIsPure() {
    CorePurity.check("io.sparkxai.concepts", true);
  }
}
