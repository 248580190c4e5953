package io.sparkxai.ebm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns {@link ScanStats} into one {@link FeatureBinning} per feature (interpretml's binning rules). */
public final class Binning {

  private Binning() {}

  /**
   * The binnings.
   *
   * @param names feature names
   * @param stats the merged scan
   * @param maxBins bins per main-effect feature, missing and unseen/other included ({@code >= 3})
   * @param maxInteractionBins bins per feature inside pairs ({@code >= 3})
   * @param minCatSamples levels seen fewer times go to the "other" bin
   * @throws IllegalArgumentException when a categorical feature has more levels than can be counted
   */
  public static List<FeatureBinning> build(List<String> names, ScanStats stats, int maxBins, int maxInteractionBins,
      int minCatSamples) {
    if (maxBins < 3 || maxInteractionBins < 3) {
      throw new IllegalArgumentException("maxBins and maxInteractionBins must be >= 3, got " + maxBins + ", "
          + maxInteractionBins);
    }
    List<FeatureBinning> out = new ArrayList<>(names.size());
    for (int f = 0; f < names.size(); f++) {
      String name = names.get(f);
      NumericSketch num = stats.numeric(f);
      if (num != null) {
        double[][] dist = num.distribution();
        double[] cuts = CutPoints.quantileCuts(dist[0], dist[1], maxBins - 3);
        int[] pair = CutPoints.coarserSubset(dist[0], dist[1], cuts, maxInteractionBins - 3);
        FeatureBinning binning = FeatureBinning.numeric(name, cuts, pair, num.missing() > 0);
        out.add(num.finite() > 0 ? binning.withBounds(num.min(), num.max()) : binning);
      } else {
        CategorySketch cat = stats.categorical(f);
        if (cat.overflow()) {
          throw new IllegalArgumentException("categorical feature '" + name + "' has more than "
              + ScanStats.LEVEL_LIMIT + " distinct values; it looks like an identifier: drop it or hash it into fewer"
              + " levels");
        }
        List<String> levels = new ArrayList<>();
        boolean other = false;
        int keep = Math.min(maxBins - 2, Short.MAX_VALUE - 2);
        for (Map.Entry<String, Long> e : cat.byFrequency()) {
          if (e.getValue() >= minCatSamples && levels.size() < keep) {
            levels.add(e.getKey());
          } else {
            other = true;
          }
        }
        out.add(FeatureBinning.categorical(name, levels, cat.missing() > 0, other));
      }
    }
    return out;
  }

  /**
   * The binnings of a warm start (a model trained on earlier batches, boosted on a new one): the
   * model's cuts and levels unchanged, so its terms keep their shape, with what the new batch adds. A
   * numeric value outside the earlier range falls in the first or last value bin (they are open-ended)
   * and is learned there; the bounds widen to the new range (plots only). A level the model did not
   * keep falls in the "other" bin, which boosting then learns as it learns the rare levels; missing
   * values first seen in this batch open the missing bin. New cut points or levels need a fit of their
   * own: fit the batch apart and merge the models ({@link ModelMerge}: the union of cuts and levels).
   *
   * @param initial the model's binnings
   * @param stats the scan of the new batch, over the same features
   */
  public static List<FeatureBinning> widen(List<FeatureBinning> initial, ScanStats stats) {
    List<FeatureBinning> out = new ArrayList<>(initial.size());
    for (int f = 0; f < initial.size(); f++) {
      FeatureBinning b = initial.get(f);
      NumericSketch num = stats.numeric(f);
      if (num != null) {
        FeatureBinning w = FeatureBinning.numeric(b.name(), b.cuts(), b.pairCutIndexes(),
            b.hasMissing() || num.missing() > 0);
        double min = Double.isNaN(b.minValue()) ? Double.POSITIVE_INFINITY : b.minValue();
        double max = Double.isNaN(b.maxValue()) ? Double.NEGATIVE_INFINITY : b.maxValue();
        if (num.finite() > 0) {
          min = Math.min(min, num.min());
          max = Math.max(max, num.max());
        }
        out.add(min <= max ? w.withBounds(min, max) : w);
      } else {
        CategorySketch cat = stats.categorical(f);
        boolean other = b.hasOther();
        java.util.Set<String> kept = new java.util.HashSet<>(b.levels());
        for (Map.Entry<String, Long> e : cat.byFrequency()) {
          other |= !kept.contains(e.getKey());
        }
        out.add(FeatureBinning.categorical(b.name(), b.levels(), b.hasMissing() || cat.missing() > 0, other));
      }
    }
    return out;
  }
}
