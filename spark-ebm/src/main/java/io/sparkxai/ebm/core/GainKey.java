package io.sparkxai.ebm.core;

/**
 * A term's place in the greedy queue of {@link CyclicBooster}: highest gain first, then a random
 * tie-breaker, then the term (libebm's tuple).
 *
 * @param negGain the gain, negated (the queue takes the smallest first)
 * @param tieBreak a random number drawn when the gain was computed
 * @param term the term's index
 */
record GainKey(double negGain, long tieBreak, int term) implements Comparable<GainKey> {
  @Override
  public int compareTo(GainKey o) {
    int c = Double.compare(negGain, o.negGain);
    if (c != 0) {
      return c;
    }
    c = Long.compare(tieBreak, o.tieBreak);
    return c != 0 ? c : Integer.compare(term, o.term);
  }
}
