package io.sparkxai.ebm.core;

import java.util.Arrays;
import java.util.List;

/**
 * The tensor of one term and the part of it boosting looks at. A main term has one axis over the
 * feature's main bins; a pair term two axes over the features' pair bins, cell
 * {@code a * binsB + b}. The <em>view</em> of an axis is the contiguous bin range boosting splits:
 * the missing bin only when the training data had missing values, never the numeric "unseen" bin,
 * the categorical "other" bin only when training rows fell in it (libebm drops absent bins the same
 * way). Immutable.
 *
 * @param features the feature indexes (one or two)
 * @param binsA bins of the first axis
 * @param binsB bins of the second axis (1 for a main term)
 * @param firstA first bin of the first axis's view
 * @param lastA last bin of the first axis's view
 * @param firstB first bin of the second axis's view (0 for a main term)
 * @param lastB last bin of the second axis's view (0 for a main term)
 * @param nominal whether this main term is over a categorical feature (categories are sorted per step)
 * @param otherBin the categorical "other" bin when boosting sees it (always pooled), else -1
 * @param missingSeparate whether the missing bin gets its own leaf (a numeric main term whose data had
 *     missing values)
 */
public record TermShape(int[] features, int binsA, int binsB, int firstA, int lastA, int firstB, int lastB,
    boolean nominal, int otherBin, boolean missingSeparate) {

  /** The shape of the main term of feature {@code f}. */
  public static TermShape main(int f, FeatureBinning b) {
    int first = b.hasMissing() ? 0 : 1;
    if (b.isCategorical()) {
      int levels = b.levels().size();
      int last = b.hasOther() ? levels + 1 : levels;
      return new TermShape(new int[] {f}, b.mainBins(), 1, first, Math.max(first, last), 0, 0, true,
          b.hasOther() ? levels + 1 : -1, false);
    }
    return new TermShape(new int[] {f}, b.mainBins(), 1, first, b.cuts().length + 1, 0, 0, false, -1,
        b.hasMissing());
  }

  /** The shape of the pair term of features {@code fa < fb}. */
  public static TermShape pair(int fa, int fb, List<FeatureBinning> binnings) {
    FeatureBinning a = binnings.get(fa);
    FeatureBinning b = binnings.get(fb);
    return new TermShape(new int[] {fa, fb}, a.pairBins(), b.pairBins(), pairFirst(a), pairLast(a), pairFirst(b),
        pairLast(b), false, -1, false);
  }

  /** The shape of a term over the given features (one or two). */
  public static TermShape of(int[] features, List<FeatureBinning> binnings) {
    return features.length == 1 ? main(features[0], binnings.get(features[0]))
        : pair(features[0], features[1], binnings);
  }

  private static int pairFirst(FeatureBinning b) {
    return b.hasMissing() ? 0 : 1;
  }

  private static int pairLast(FeatureBinning b) {
    if (b.isCategorical()) {
      int levels = b.levels().size();
      return Math.max(pairFirst(b), b.hasOther() ? levels + 1 : levels);
    }
    return b.pairBins() - 2;
  }

  /** The feature indexes (one or two). A copy. */
  public int[] features() {
    return features.clone();
  }

  /** 1 for a main term, 2 for a pair. */
  public int dimensions() {
    return features.length;
  }

  /** Whether this is a pair. */
  public boolean isPair() {
    return features.length == 2;
  }

  /** Cells of the tensor. */
  public int cells() {
    return binsA * binsB;
  }

  @Override
  public String toString() {
    return "TermShape" + Arrays.toString(features) + " " + binsA + "x" + binsB;
  }
}
