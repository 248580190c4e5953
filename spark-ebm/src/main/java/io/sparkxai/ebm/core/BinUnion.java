package io.sparkxai.ebm.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One feature's binning in a merged model and, for every input model, where each merged bin lies in
 * that model's bins. Immutable.
 *
 * <p>Numeric: the merged cuts are the union of the inputs' cuts, so each merged value bin lies inside
 * exactly one bin of every input (the bin any value of its range falls in); the merged pair cuts are
 * the union of the inputs' pair cuts (each a subset of the merged cuts). Missing maps to missing and
 * unseen to unseen. Categorical: the merged levels are the union of the inputs' kept levels in the
 * order first seen (the first input's levels in its order, then the new ones of the next input, and
 * so on: inputs with the same levels keep their bins); a merged level an input did not keep maps to
 * that input's "other" bin, as a row with that level would. So every merged bin maps to the bin an
 * input model would score the same row with, and the merged model scores every row with exactly the
 * inputs' scores.
 *
 * @param merged the merged binning
 * @param mainMaps per input, merged main bin to the input's main bin (null: the input lacks the feature)
 * @param pairMaps per input, merged pair bin to the input's pair bin (null: the input lacks the feature)
 */
record BinUnion(FeatureBinning merged, List<int[]> mainMaps, List<int[]> pairMaps) {

  /** The most bins one feature may have: bin codes are shorts. */
  static final int MAX_BINS = Short.MAX_VALUE;

  /**
   * The union of one feature's binnings.
   *
   * @param sources per input, its binning of the feature (null where the input lacks it); all of one kind
   */
  static BinUnion of(List<FeatureBinning> sources) {
    FeatureBinning first = sources.stream().filter(s -> s != null).findFirst().orElseThrow();
    return first.isCategorical() ? categorical(first.name(), sources) : numeric(first.name(), sources);
  }

  private static BinUnion numeric(String name, List<FeatureBinning> sources) {
    TreeSet<Double> cuts = new TreeSet<>();
    TreeSet<Double> pairCuts = new TreeSet<>();
    boolean missing = false;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (FeatureBinning s : sources) {
      if (s == null) {
        continue;
      }
      double[] c = s.cuts();
      for (double v : c) {
        cuts.add(v);
      }
      for (int i : s.pairCutIndexes()) {
        pairCuts.add(c[i]);
      }
      missing |= s.hasMissing();
      if (!Double.isNaN(s.minValue())) {
        min = Math.min(min, s.minValue());
        max = Math.max(max, s.maxValue());
      }
    }
    if (cuts.size() + 3 > MAX_BINS) {
      throw new IllegalArgumentException("merging gives feature '" + name + "' " + cuts.size() + " cuts; at most "
          + (MAX_BINS - 3) + " fit in a bin code");
    }
    double[] u = cuts.stream().mapToDouble(Double::doubleValue).toArray();
    double[] pu = pairCuts.stream().mapToDouble(Double::doubleValue).toArray();
    int[] pairIndexes = new int[pu.length];
    for (int i = 0; i < pu.length; i++) {
      pairIndexes[i] = Arrays.binarySearch(u, pu[i]);
    }
    FeatureBinning merged = FeatureBinning.numeric(name, u, pairIndexes, missing);
    if (min <= max) {
      merged = merged.withBounds(min, max);
    }
    List<int[]> mainMaps = new ArrayList<>();
    List<int[]> pairMaps = new ArrayList<>();
    for (FeatureBinning s : sources) {
      mainMaps.add(s == null ? null : intervalMap(u, s, false));
      pairMaps.add(s == null ? null : intervalMap(pu, s, true));
    }
    return new BinUnion(merged, mainMaps, pairMaps);
  }

  /**
   * For merged bins over the cuts {@code c} (missing, the value bins, unseen), the source's bin: main
   * bins, or pair bins when {@code pair}.
   */
  private static int[] intervalMap(double[] c, FeatureBinning source, boolean pair) {
    int[] map = new int[c.length + 3];
    map[0] = 0;
    for (int j = 1; j <= c.length + 1; j++) {
      int main = source.bin(j == 1 ? Double.NEGATIVE_INFINITY : c[j - 2]);
      map[j] = pair ? source.pairBinOfMain(main) : main;
    }
    map[c.length + 2] = pair ? source.pairBins() - 1 : source.lastBin();
    return map;
  }

  private static BinUnion categorical(String name, List<FeatureBinning> sources) {
    Set<String> union = new LinkedHashSet<>();
    boolean missing = false;
    boolean other = false;
    for (FeatureBinning s : sources) {
      if (s != null) {
        union.addAll(s.levels());
        missing |= s.hasMissing();
        other |= s.hasOther();
      }
    }
    List<String> levels = new ArrayList<>(union);
    FeatureBinning merged = FeatureBinning.categorical(name, levels, missing, other);
    List<int[]> maps = new ArrayList<>();
    for (FeatureBinning s : sources) {
      if (s == null) {
        maps.add(null);
        continue;
      }
      int[] map = new int[merged.mainBins()];
      for (int j = 1; j <= levels.size(); j++) {
        map[j] = s.bin(levels.get(j - 1));
      }
      map[levels.size() + 1] = s.lastBin();
      maps.add(map);
    }
    return new BinUnion(merged, maps, maps);
  }
}
