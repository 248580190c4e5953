package io.sparkxai.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** spark-lrp's messages name params; the lrp command's name the flags that set them. */
class LrpRuleOptionsTest {

  @Test
  void paramsBeforeTheColonBecomeFlags() {
    assertEquals("--composite unknown composite 'Nope'; composites: EpsilonPlus",
        LrpRuleOptions.namingFlags("composite: unknown composite 'Nope'; composites: EpsilonPlus"));
    assertEquals("--first-rule unknown rule 'x'; rules: z, epsilon:E",
        LrpRuleOptions.namingFlags("firstRule: unknown rule 'x'; rules: z, epsilon:E"));
    assertEquals("--rule rule 'epsilon:x' has a parameter that is not a number",
        LrpRuleOptions.namingFlags("rule: rule 'epsilon:x' has a parameter that is not a number"));
  }

  @Test
  void aMessageWithoutColonNamesFlagsThroughout() {
    assertEquals("--rule and --composite exclude each other; set one",
        LrpRuleOptions.namingFlags("rule and composite exclude each other; set one"));
    assertEquals("--low and --high go with --composite EpsilonGammaBox, not EpsilonPlusFlat",
        LrpRuleOptions.namingFlags("low and high go with composite EpsilonGammaBox, not EpsilonPlusFlat"));
  }

  @Test
  void otherMessagesStayAsTheyAre() {
    assertEquals("batchSize must be in [1, 65536]", LrpRuleOptions.namingFlags("batchSize must be in [1, 65536]"));
  }
}
