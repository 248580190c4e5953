package io.sparkxai.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** spark-lrp's messages name params; the lrp command's name the flags that set them. */
class LrpRuleOptionsTest {

  private static void assertNamed(String cli, String library) {
    assertEquals(cli, LrpRuleOptions.namingFlags(library));
  }

  @Test
  void paramsAtTheStartBecomeFlags() {
    assertNamed("--first-rule unknown rule 'x'; rules: z", "firstRule: unknown rule 'x'; rules: z");
    assertNamed("--rule rule 'epsilon:x' has a bad number", "rule: rule 'epsilon:x' has a bad number");
    assertNamed("--rule and --composite exclude each other; set one", "rule and composite exclude each other; set one");
    assertNamed("--low and --high go with --composite EpsilonGammaBox, not EpsilonPlusFlat",
        "low and high go with composite EpsilonGammaBox, not EpsilonPlusFlat");
    assertNamed("batchSize must be in [1, 65536]", "batchSize must be in [1, 65536]");
  }
}
