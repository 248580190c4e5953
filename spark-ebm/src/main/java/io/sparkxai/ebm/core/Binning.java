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
}
