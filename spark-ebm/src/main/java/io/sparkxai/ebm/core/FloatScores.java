package io.sparkxai.ebm.core;

/**
 * The per-row float scores of {@link CyclicBooster} rebuilt from its double model: the base scores
 * plus each term's change since the start, added in term order in double and rounded once, so the
 * result depends on the model only (not on the steps that led to it).
 */
final class FloatScores {

  private FloatScores() {}

  /**
   * Rebuilds the scores of rows {@code [from, to)}.
   *
   * @param base per row and score, the scores of everything not boosted
   * @param codes per term, each row's cell
   * @param delta per term, its change per cell and score since the start
   * @param k scores per row
   * @param scores receives {@code base + sum of delta}, rounded to float
   */
  static void rebuild(double[] base, short[][] codes, double[][] delta, int k, float[] scores, int from, int to) {
    int chunk = 2048;
    double[] acc = new double[chunk * k];
    for (int lo = from; lo < to; lo += chunk) {
      int hi = Math.min(to, lo + chunk);
      int len = (hi - lo) * k;
      System.arraycopy(base, lo * k, acc, 0, len);
      for (int term = 0; term < delta.length; term++) {
        short[] c = codes[term];
        double[] d = delta[term];
        if (k == 1) {
          for (int i = lo; i < hi; i++) {
            acc[i - lo] += d[c[i]];
          }
        } else {
          for (int i = lo; i < hi; i++) {
            int u = c[i] * k;
            int a = (i - lo) * k;
            for (int j = 0; j < k; j++) {
              acc[a + j] += d[u + j];
            }
          }
        }
      }
      for (int j = 0; j < len; j++) {
        scores[lo * k + j] = (float) acc[j];
      }
    }
  }
}
