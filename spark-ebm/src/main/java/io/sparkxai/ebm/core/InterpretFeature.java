package io.sparkxai.ebm.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One feature of an interpretml JSON model and how its bins map onto a {@link FeatureBinning}.
 * interpretml keeps a list of binnings per feature ({@code bins_}): mains use the first, pairs the
 * second when there is one. A spark-ebm binning has one set of cuts for mains, of which pairs use a
 * subset, and one bin per category: so a numeric feature gets the union of both levels' cuts (each
 * interpretml bin is then a union of ours) and a categorical one a bin per category, also where
 * interpretml groups several categories in one bin. Mapping each of our bins to the interpretml bin
 * that holds it carries every score over exactly. Immutable.
 */
final class InterpretFeature {

  final String name;
  final boolean categorical;
  /** Per interpretml level: numeric cuts, or category to bin index (1-based). */
  final List<double[]> cuts = new ArrayList<>();
  final List<Map<String, Integer>> categories = new ArrayList<>();
  final double min;
  final double max;

  InterpretFeature(JsonNode f, String where) {
    this.name = text(f, "name", where);
    String type = text(f, "type", where);
    switch (type) {
      case "continuous" -> {
        categorical = false;
        for (JsonNode level : list(f, "cuts", where)) {
          double[] c = new double[level.size()];
          for (int i = 0; i < c.length; i++) {
            c[i] = InterpretJson.number(level.get(i));
          }
          cuts.add(c);
        }
      }
      case "nominal", "ordinal" -> {
        categorical = true;
        for (JsonNode level : list(f, "categories", where)) {
          Map<String, Integer> bins = new LinkedHashMap<>();
          int bin = 1;
          for (JsonNode entry : level) {
            for (JsonNode c : entry.isArray() ? entry : List.of(entry)) {
              bins.put(c.asText(), bin);
            }
            bin++;
          }
          categories.add(bins);
        }
      }
      default -> throw new IllegalArgumentException(where + ": feature '" + name + "' has type \"" + type
          + "\"; spark-ebm reads continuous, nominal and ordinal features");
    }
    if ((categorical ? categories : cuts).isEmpty()) {
      throw new IllegalArgumentException(where + ": feature '" + name + "' has no binning");
    }
    this.min = f.has("min") ? InterpretJson.number(f.get("min")) : Double.NaN;
    this.max = f.has("max") ? InterpretJson.number(f.get("max")) : Double.NaN;
  }

  /** The interpretml level a term of {@code dims} features uses (its own, or the last there is). */
  int level(int dims) {
    return Math.min(categorical ? categories.size() : cuts.size(), dims) - 1;
  }

  /** Bins of the interpretml level: missing, the values or categories, unseen. */
  int bins(int level) {
    if (categorical) {
      return categories.get(level).values().stream().mapToInt(Integer::intValue).max().orElse(0) + 2;
    }
    return cuts.get(level).length + 3;
  }

  /** Our binning (before {@code hasMissing}/{@code hasOther} are known from the weights). */
  FeatureBinning binning(boolean hasMissing, boolean hasOther) {
    if (categorical) {
      return FeatureBinning.categorical(name, levels(), hasMissing, hasOther);
    }
    double[] union = union();
    double[] pair = cuts.get(level(2));
    int[] pairIndexes = new int[pair.length];
    for (int i = 0; i < pair.length; i++) {
      pairIndexes[i] = Arrays.binarySearch(union, pair[i]);
    }
    FeatureBinning b = FeatureBinning.numeric(name, union, pairIndexes, hasMissing);
    boolean bounded = Double.isFinite(min) && Double.isFinite(max) && min <= max;
    return bounded ? b.withBounds(min, max) : b;
  }

  /** Our categories: those of the mains' level in bin order, then any only the pairs' level has. */
  private List<String> levels() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (Map<String, Integer> level : categories) {
      level.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).forEach(out::add);
    }
    return new ArrayList<>(out);
  }

  private double[] union() {
    TreeSet<Double> all = new TreeSet<>();
    for (double[] level : cuts) {
      for (double c : level) {
        all.add(c);
      }
    }
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * For each of our bins along a term's axis, the interpretml bin of {@code level} that holds it.
   *
   * @param ours our binning of this feature
   * @param pair whether the axis belongs to a pair (our pair bins), else a main (our main bins)
   */
  int[] binMap(FeatureBinning ours, int level, boolean pair) {
    int n = pair ? ours.pairBins() : ours.mainBins();
    int unseen = bins(level) - 1;
    int[] out = new int[n];
    out[n - 1] = unseen;
    if (categorical) {
      Map<String, Integer> bins = categories.get(level);
      for (int b = 1; b < n - 1; b++) {
        out[b] = bins.getOrDefault(ours.levels().get(b - 1), unseen);
      }
      return out;
    }
    double[] interpretCuts = cuts.get(level);
    double[] ourCuts = ours.cuts();
    int[] pairIndexes = ours.pairCutIndexes();
    for (int b = 1; b < n - 1; b++) { // the value at the bin's lower edge lies in it, in both binnings
      int lowerCut = b - 2;
      double lower = lowerCut < 0 ? Double.NEGATIVE_INFINITY : ourCuts[pair ? pairIndexes[lowerCut] : lowerCut];
      out[b] = lowerCut < 0 ? 1 : 1 + upperBound(interpretCuts, lower);
    }
    return out;
  }

  /** How many cuts are {@code <= value}. */
  private static int upperBound(double[] cuts, double value) {
    int lo = 0;
    int hi = cuts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cuts[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private String text(JsonNode f, String key, String where) {
    JsonNode v = f.get(key);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(where + ": a feature has no \"" + key + "\"");
    }
    return v.asText();
  }

  private JsonNode list(JsonNode f, String key, String where) {
    JsonNode v = f.get(key);
    if (v == null || !v.isArray()) {
      throw new IllegalArgumentException(where + ": feature '" + name + "' has no \"" + key + "\" list");
    }
    return v;
  }
}
