package io.sparkxai.concepts.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormulaTest {

  private static final List<String> NAMES = List.of("red", "round", "big");

  @Test
  void printsWithNamesInAStableOrderWithoutDuplicates() {
    Term redNotRound = new Term(0b011, 0b001);
    Term notRedRound = new Term(0b011, 0b010);
    Formula f = new Formula(List.of(notRedRound, redNotRound, notRedRound));
    assertEquals(2, f.terms().size());
    assertEquals("(red ∧ ¬round) ∨ (¬red ∧ round)", f.toString(NAMES));
    assertEquals(4, f.complexity());
    assertEquals(f, new Formula(List.of(redNotRound, notRedRound)));
  }

  @Test
  void evaluatesPackedTuples() {
    Formula f = new Formula(List.of(new Term(0b100, 0b100), new Term(0b011, 0b000)));
    assertEquals("big ∨ (¬red ∧ ¬round)", f.toString(NAMES));
    assertTrue(f.holds(0b100));
    assertTrue(f.holds(0b000));
    assertFalse(f.holds(0b001));
    assertTrue(Formula.TRUE.holds(0b111));
    assertFalse(Formula.FALSE.holds(0));
    assertEquals("true", Formula.TRUE.toString(NAMES));
    assertEquals("false", Formula.FALSE.toString(NAMES));
  }

  @Test
  void rejectsValuesOutsideTheCareMask() {
    assertThrows(IllegalArgumentException.class, () -> new Term(0b001, 0b010));
  }
}
