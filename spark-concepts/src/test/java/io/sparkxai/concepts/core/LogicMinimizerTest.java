package io.sparkxai.concepts.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exact minimisation, checked on known functions and against exhaustive search on random ones. */
class LogicMinimizerTest {

  private static BitSet bits(int... minterms) {
    BitSet b = new BitSet();
    for (int m : minterms) {
      b.set(m);
    }
    return b;
  }

  private static String print(LogicMinimizer.Result r) {
    return new Formula(r.terms()).toString(List.of("a", "b", "c", "d"));
  }

  @Test
  void xorNeedsBothMinterms() {
    LogicMinimizer.Result r = LogicMinimizer.minimize(2, bits(1, 2), new BitSet(), 1000);
    assertEquals("(a ∧ ¬b) ∨ (¬a ∧ b)", print(r));
    assertTrue(r.exact());
  }

  @Test
  void majorityOfThree() {
    LogicMinimizer.Result r = LogicMinimizer.minimize(3, bits(3, 5, 6, 7), new BitSet(), 1000);
    assertEquals("(a ∧ b) ∨ (a ∧ c) ∨ (b ∧ c)", print(r));
  }

  @Test
  void dontCaresShortenTheFormula() {
    // true on a∧b (3), false on ¬a∧¬b (0), free elsewhere: "a" alone is enough.
    LogicMinimizer.Result r = LogicMinimizer.minimize(2, bits(3), bits(1, 2), 1000);
    assertEquals(1, new Formula(r.terms()).complexity());
    assertEquals(1, r.terms().size());
  }

  @Test
  void constants() {
    assertEquals("false", print(LogicMinimizer.minimize(3, new BitSet(), new BitSet(), 10)));
    BitSet all = new BitSet();
    all.set(0, 8);
    assertEquals("true", print(LogicMinimizer.minimize(3, all, new BitSet(), 10)));
  }

  /** Every term over 3 variables: each variable absent, negated or plain (3³ = 27). */
  private static List<Term> allTerms(int n) {
    List<Term> out = new ArrayList<>();
    int count = 1;
    for (int i = 0; i < n; i++) {
      count *= 3;
    }
    for (int code = 0; code < count; code++) {
      long care = 0;
      long value = 0;
      int c = code;
      for (int v = 0; v < n; v++) {
        int digit = c % 3;
        c /= 3;
        if (digit > 0) {
          care |= 1L << v;
          if (digit == 2) {
            value |= 1L << v;
          }
        }
      }
      out.add(new Term(care, value));
    }
    return out;
  }

  private static boolean consistent(List<Term> terms, int n, BitSet on, BitSet dc) {
    for (int m = 0; m < 1 << n; m++) {
      boolean holds = new Formula(terms).holds(m);
      if (on.get(m) && !holds || !on.get(m) && !dc.get(m) && holds) {
        return false;
      }
    }
    return true;
  }

  /** The cheapest consistent cover by brute force: fewest terms, then fewest literals. */
  private static int[] bruteForceCost(int n, BitSet on, BitSet dc) {
    List<Term> terms = allTerms(n);
    int[] best = {Integer.MAX_VALUE, Integer.MAX_VALUE};
    search(terms, 0, new ArrayList<>(), n, on, dc, best);
    return best;
  }

  private static void search(List<Term> terms, int from, List<Term> chosen, int n, BitSet on, BitSet dc, int[] best) {
    if (consistent(chosen, n, on, dc)) {
      int lits = new Formula(chosen).complexity();
      if (chosen.size() < best[0] || chosen.size() == best[0] && lits < best[1]) {
        best[0] = chosen.size();
        best[1] = lits;
      }
    }
    if (chosen.size() >= 4 || chosen.size() >= best[0]) {
      return;
    }
    for (int i = from; i < terms.size(); i++) {
      chosen.add(terms.get(i));
      search(terms, i + 1, chosen, n, on, dc, best);
      chosen.remove(chosen.size() - 1);
    }
  }

  @Test
  void minimalOnRandomFunctionsOfThreeVariables() {
    SplittableRandom rng = new SplittableRandom(12);
    for (int trial = 0; trial < 60; trial++) {
      BitSet on = new BitSet();
      BitSet dc = new BitSet();
      for (int m = 0; m < 8; m++) {
        int r = rng.nextInt(3);
        if (r == 1) {
          on.set(m);
        } else if (r == 2) {
          dc.set(m);
        }
      }
      LogicMinimizer.Result result = LogicMinimizer.minimize(3, on, dc, 1_000_000);
      assertTrue(result.exact());
      assertTrue(consistent(result.terms(), 3, on, dc), "trial " + trial + ": the cover is wrong");
      int[] best = bruteForceCost(3, on, dc);
      assertEquals(best[0], result.terms().size(), "trial " + trial + ": terms, on " + on + " dc " + dc);
      assertEquals(best[1], new Formula(result.terms()).complexity(), "trial " + trial + ": literals");
    }
  }

  @Test
  void primesOfAFullCubeCollapse() {
    BitSet all = new BitSet();
    all.set(0, 1 << 10);
    List<long[]> primes = LogicMinimizer.primeImplicants(10, all, new BitSet());
    assertEquals(1, primes.size());
    assertEquals((1 << 10) - 1, primes.get(0)[0]);
  }
}
