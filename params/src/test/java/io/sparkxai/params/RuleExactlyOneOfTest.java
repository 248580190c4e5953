package io.sparkxai.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RuleExactlyOneOfTest {

  @Test
  void caseCountsAndTheMessageListsTheValues() {
    Rule<String> rule = Rule.exactlyOneOf("none", "random");
    assertNull(rule.violation("random"));
    assertEquals("one of none, random", rule.violation("Random"));
    assertEquals("one of none, random", rule.violation(null));
  }
}
