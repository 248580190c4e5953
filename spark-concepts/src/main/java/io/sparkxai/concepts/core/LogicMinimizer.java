package io.sparkxai.concepts.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exact two-level minimisation of a Boolean function given by its true points (ON set) and its
 * don't-care points: Quine–McCluskey for the prime implicants (McCluskey 1956), then a minimum cover
 * of the ON set by primes, found by branch and bound (essential primes first, then branching on the
 * least-covered point, pruned by a lower bound). The cost is the number of terms, then the number
 * of literals. A node budget caps the search; a result found within it is exact, otherwise the best
 * cover found is returned and marked as such.
 */
public final class LogicMinimizer {

  /** Most variables accepted: 3ⁿ cubes must stay affordable. */
  public static final int MAX_VARIABLES = 16;

  private LogicMinimizer() {}

  /**
   * The result over local variables 0..n−1.
   *
   * @param terms the cover's terms (local variable bits)
   * @param exact whether the cover is proven minimal
   */
  public record Result(List<Term> terms, boolean exact) {}

  /**
   * Minimises the function over {@code variables} inputs that is true on {@code on}, free on
   * {@code dontCare} and false elsewhere.
   *
   * @param nodeBudget branch-and-bound nodes to explore at most
   */
  public static Result minimize(int variables, BitSet on, BitSet dontCare, long nodeBudget) {
    if (variables < 0 || variables > MAX_VARIABLES) {
      throw new IllegalArgumentException("can minimise over 0.." + MAX_VARIABLES + " variables, got " + variables);
    }
    if (on.isEmpty()) {
      return new Result(List.of(), true);
    }
    long full = (1L << variables) - 1;
    List<long[]> primes = primeImplicants(variables, on, dontCare);
    int[] points = on.stream().toArray();
    List<long[]> useful = new ArrayList<>();
    List<BitSet> covers = new ArrayList<>();
    for (long[] p : primes) {
      BitSet c = new BitSet(points.length);
      for (int i = 0; i < points.length; i++) {
        if ((points[i] & ~p[0] & full) == p[1]) {
          c.set(i);
        }
      }
      if (!c.isEmpty()) {
        useful.add(p);
        covers.add(c);
      }
    }
    Cover search = new Cover(points.length, covers, useful, variables, nodeBudget);
    List<Integer> chosen = search.run();
    List<Term> terms = new ArrayList<>();
    for (int i : chosen) {
      long[] p = useful.get(i);
      long care = ~p[0] & full;
      terms.add(new Term(care, p[1] & care));
    }
    return new Result(terms, search.exact);
  }

  /** Prime implicants as {free-variable mask, value} pairs, the value's free bits 0. */
  static List<long[]> primeImplicants(int variables, BitSet on, BitSet dontCare) {
    Set<Long> current = new HashSet<>();
    BitSet all = (BitSet) on.clone();
    all.or(dontCare);
    for (int m = all.nextSetBit(0); m >= 0; m = all.nextSetBit(m + 1)) {
      current.add(pack(0, m));
    }
    List<long[]> primes = new ArrayList<>();
    while (!current.isEmpty()) {
      Set<Long> next = new HashSet<>();
      Set<Long> merged = new HashSet<>();
      for (long cube : current) {
        long mask = cube >>> 32;
        long value = cube & 0xFFFFFFFFL;
        for (int b = 0; b < variables; b++) {
          long bit = 1L << b;
          if ((mask & bit) == 0 && (value & bit) == 0) {
            long partner = pack(mask, value | bit);
            if (current.contains(partner)) {
              next.add(pack(mask | bit, value));
              merged.add(cube);
              merged.add(partner);
            }
          }
        }
      }
      for (long cube : current) {
        if (!merged.contains(cube)) {
          primes.add(new long[] {cube >>> 32, cube & 0xFFFFFFFFL});
        }
      }
      current = next;
    }
    primes.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
    return primes;
  }

  private static long pack(long mask, long value) {
    return mask << 32 | value;
  }

  /** Branch and bound over prime choices; cost = (terms, literals). */
  private static final class Cover {
    private final int points;
    private final List<BitSet> covers;
    private final int[] literals;
    private final long budget;
    private long nodes;
    boolean exact = true;
    private List<Integer> best;
    private int bestTerms;
    private int bestLiterals;

    Cover(int points, List<BitSet> covers, List<long[]> primes, int variables, long budget) {
      this.points = points;
      this.covers = covers;
      this.budget = budget;
      literals = new int[primes.size()];
      for (int i = 0; i < literals.length; i++) {
        literals[i] = variables - Long.bitCount(primes.get(i)[0]);
      }
    }

    List<Integer> run() {
      BitSet uncovered = new BitSet(points);
      uncovered.set(0, points);
      List<Integer> chosen = new ArrayList<>();
      int lits = 0;
      // essential primes: a point only one prime covers
      for (int pt = 0; pt < points; pt++) {
        int only = -1;
        int count = 0;
        for (int i = 0; i < covers.size() && count < 2; i++) {
          if (covers.get(i).get(pt)) {
            only = i;
            count++;
          }
        }
        if (count == 1 && uncovered.get(pt) && !chosen.contains(only)) {
          chosen.add(only);
          lits += literals[only];
          uncovered.andNot(covers.get(only));
        }
      }
      greedy(uncovered, chosen, lits);
      search(uncovered, new ArrayList<>(chosen), lits);
      best.sort(null);
      return best;
    }

    private void greedy(BitSet uncovered, List<Integer> chosen, int lits) {
      BitSet left = (BitSet) uncovered.clone();
      List<Integer> c = new ArrayList<>(chosen);
      while (!left.isEmpty()) {
        int pick = -1;
        int gain = 0;
        for (int i = 0; i < covers.size(); i++) {
          BitSet g = (BitSet) covers.get(i).clone();
          g.and(left);
          int n = g.cardinality();
          if (n > gain || (n == gain && n > 0 && literals[i] < literals[pick])) {
            pick = i;
            gain = n;
          }
        }
        c.add(pick);
        lits += literals[pick];
        left.andNot(covers.get(pick));
      }
      best = c;
      bestTerms = c.size();
      bestLiterals = lits;
    }

    private void search(BitSet uncovered, List<Integer> chosen, int lits) {
      if (++nodes > budget) {
        exact = false;
        return;
      }
      if (uncovered.isEmpty()) {
        if (chosen.size() < bestTerms || (chosen.size() == bestTerms && lits < bestLiterals)) {
          best = new ArrayList<>(chosen);
          bestTerms = chosen.size();
          bestLiterals = lits;
        }
        return;
      }
      int maxGain = 0;
      for (BitSet c : covers) {
        BitSet g = (BitSet) c.clone();
        g.and(uncovered);
        maxGain = Math.max(maxGain, g.cardinality());
      }
      int lower = (uncovered.cardinality() + maxGain - 1) / maxGain;
      if (chosen.size() + lower > bestTerms || (chosen.size() + lower == bestTerms && lits + lower >= bestLiterals)) {
        return;
      }
      int point = -1;
      int fewest = Integer.MAX_VALUE;
      for (int pt = uncovered.nextSetBit(0); pt >= 0; pt = uncovered.nextSetBit(pt + 1)) {
        int n = 0;
        for (BitSet c : covers) {
          if (c.get(pt)) {
            n++;
          }
        }
        if (n < fewest) {
          fewest = n;
          point = pt;
        }
      }
      List<Integer> options = new ArrayList<>();
      for (int i = 0; i < covers.size(); i++) {
        if (covers.get(i).get(point)) {
          options.add(i);
        }
      }
      options.sort(Comparator.comparingInt((Integer i) -> -gain(i, uncovered)).thenComparingInt(i -> literals[i]));
      for (int i : options) {
        BitSet left = (BitSet) uncovered.clone();
        left.andNot(covers.get(i));
        chosen.add(i);
        search(left, chosen, lits + literals[i]);
        chosen.remove(chosen.size() - 1);
        if (nodes > budget) {
          return;
        }
      }
    }

    private int gain(int i, BitSet uncovered) {
      BitSet g = (BitSet) covers.get(i).clone();
      g.and(uncovered);
      return g.cardinality();
    }
  }
}
