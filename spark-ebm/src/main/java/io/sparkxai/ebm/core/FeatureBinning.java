package io.sparkxai.ebm.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one feature's values become bins. Immutable.
 *
 * <p>Numeric features (interpretml's layout): bin 0 = missing (NaN/null); bins {@code 1 .. c+1}
 * between the {@code c} sorted cut points, a value equal to a cut going to the upper bin;
 * bin {@code c+2} = unseen (never reached by numbers; kept so that every term tensor has the same
 * shape as interpretml's). Infinite values fall in the first and last value bins. Pairs use a coarser
 * binning whose cuts are a subset of the main cuts ({@link #pairCutIndexes()}), so a pair bin is a
 * function of the main bin.
 *
 * <p>Categorical features: bin 0 = missing; bins {@code 1 .. L} the kept levels, most frequent
 * first; bin {@code L+1} = "other": levels seen fewer than {@code minCatSamples} times in training,
 * levels beyond the {@code maxBins - 2} most frequent, and levels never seen in training. Boosting
 * always pools the "other" bin with the rare categories (interpretml's dregs), so a level never seen
 * in training is scored like the rare ones (interpretml scores it 0; the difference is documented in
 * the package). Pairs use the same bins.
 */
public final class FeatureBinning implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Numeric or categorical. */
  public enum Kind {
    /** Ordered values, binned by cut points. */
    NUMERIC,
    /** Unordered levels. */
    CATEGORICAL
  }

  private final String name;
  private final Kind kind;
  private final double[] cuts;
  private final int[] pairCutIndexes;
  private final List<String> levels;
  private final boolean hasMissing;
  private final boolean hasOther;
  private final double minValue;
  private final double maxValue;
  private transient volatile Map<String, Integer> levelIndex;
  private transient volatile short[] pairOfMain;

  private FeatureBinning(String name, Kind kind, double[] cuts, int[] pairCutIndexes, List<String> levels,
      boolean hasMissing, boolean hasOther, double minValue, double maxValue) {
    this.name = Objects.requireNonNull(name, "name");
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.kind = kind;
    this.cuts = cuts;
    this.pairCutIndexes = pairCutIndexes;
    this.levels = levels;
    this.hasMissing = hasMissing;
    this.hasOther = hasOther;
  }

  /**
   * A numeric binning.
   *
   * @param cuts strictly increasing finite cut points
   * @param pairCutIndexes strictly increasing indexes into {@code cuts}: the cuts pairs use
   * @param hasMissing whether the training data had missing values (boosting then gives them a leaf)
   */
  public static FeatureBinning numeric(String name, double[] cuts, int[] pairCutIndexes, boolean hasMissing) {
    for (int i = 0; i < cuts.length; i++) {
      if (!Double.isFinite(cuts[i]) || i > 0 && !(cuts[i] > cuts[i - 1])) {
        throw new IllegalArgumentException("cuts of feature '" + name + "' must be finite and strictly increasing, got "
            + Arrays.toString(cuts));
      }
    }
    for (int i = 0; i < pairCutIndexes.length; i++) {
      if (pairCutIndexes[i] < 0 || pairCutIndexes[i] >= cuts.length || i > 0 && pairCutIndexes[i] <= pairCutIndexes[i - 1]) {
        throw new IllegalArgumentException("pair cut indexes of feature '" + name + "' must be increasing indexes into "
            + cuts.length + " cuts, got " + Arrays.toString(pairCutIndexes));
      }
    }
    return new FeatureBinning(name, Kind.NUMERIC, cuts.clone(), pairCutIndexes.clone(), List.of(), hasMissing, false,
        Double.NaN, Double.NaN);
  }

  /**
   * A categorical binning.
   *
   * @param levels the kept levels, distinct, in bin order
   * @param hasMissing whether the training data had missing values
   * @param hasOther whether training rows fell in the "other" bin
   */
  public static FeatureBinning categorical(String name, List<String> levels, boolean hasMissing, boolean hasOther) {
    if (levels.size() + 2 > Short.MAX_VALUE) {
      throw new IllegalArgumentException("feature '" + name + "' has " + levels.size() + " levels; at most "
          + (Short.MAX_VALUE - 2) + " fit in a bin code");
    }
    if (levels.stream().anyMatch(java.util.Objects::isNull) || levels.stream().distinct().count() != levels.size()) {
      throw new IllegalArgumentException("levels of feature '" + name + "' must be distinct and non-null");
    }
    return new FeatureBinning(name, Kind.CATEGORICAL, new double[0], new int[0], List.copyOf(levels), hasMissing,
        hasOther, Double.NaN, Double.NaN);
  }

  /**
   * This numeric binning with the smallest and largest finite value seen in training (interpretml's
   * feature bounds). They only describe the data, for plots of the outer open bins; binning and scoring
   * never read them, so they take no part in {@link #equals}. NaN for both: unknown (a model saved
   * before they were kept, or a feature with no finite value).
   *
   * @throws IllegalArgumentException when the bounds are not NaN together, are infinite, or are not ordered
   */
  public FeatureBinning withBounds(double min, double max) {
    if (kind != Kind.NUMERIC) {
      throw new IllegalArgumentException("feature '" + name + "' is categorical; only numeric features have bounds");
    }
    boolean unknown = Double.isNaN(min) && Double.isNaN(max);
    if (!unknown && !(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
      throw new IllegalArgumentException("bounds of feature '" + name + "' must be finite with min <= max (or both"
          + " NaN), got " + min + ", " + max);
    }
    return new FeatureBinning(name, kind, cuts, pairCutIndexes, levels, hasMissing, hasOther, min, max);
  }

  /** The smallest finite training value of a numeric feature; NaN when unknown or categorical. */
  public double minValue() {
    return minValue;
  }

  /** The largest finite training value of a numeric feature; NaN when unknown or categorical. */
  public double maxValue() {
    return maxValue;
  }

  /** The feature name. */
  public String name() {
    return name;
  }

  /** Numeric or categorical. */
  public Kind kind() {
    return kind;
  }

  /** Whether the feature is categorical. */
  public boolean isCategorical() {
    return kind == Kind.CATEGORICAL;
  }

  /** The cut points (numeric; empty for categorical). A copy. */
  public double[] cuts() {
    return cuts.clone();
  }

  /** Which cuts pairs use (numeric). A copy. */
  public int[] pairCutIndexes() {
    return pairCutIndexes.clone();
  }

  /** The kept levels (categorical; empty for numeric). */
  public List<String> levels() {
    return levels;
  }

  /** Whether the training data had missing values. */
  public boolean hasMissing() {
    return hasMissing;
  }

  /** Whether training rows fell in the "other" bin (categorical). */
  public boolean hasOther() {
    return hasOther;
  }

  /** Bins of the main-effect term, missing and unseen/other included. */
  public int mainBins() {
    return kind == Kind.NUMERIC ? cuts.length + 3 : levels.size() + 2;
  }

  /** Bins of this feature inside pair terms. */
  public int pairBins() {
    return kind == Kind.NUMERIC ? pairCutIndexes.length + 3 : levels.size() + 2;
  }

  /** The last bin: unseen (numeric) or other (categorical). */
  public int lastBin() {
    return mainBins() - 1;
  }

  /** The bin of a number: 0 for NaN, else 1 + the number of cuts {@code <= value}. */
  public int bin(double value) {
    if (kind == Kind.CATEGORICAL) {
      return Double.isNaN(value) ? 0 : bin(levelOf(value));
    }
    if (Double.isNaN(value)) {
      return 0;
    }
    int lo = 0;
    int hi = cuts.length;
    while (lo < hi) { // first cut > value
      int mid = (lo + hi) >>> 1;
      if (cuts[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo + 1;
  }

  /** The bin of a level: 0 for null, its index + 1 when kept, else the "other" bin. */
  public int bin(String level) {
    if (level == null) {
      return 0;
    }
    Integer i = levelIndex().get(level);
    return i == null ? levels.size() + 1 : i + 1;
  }

  /** The pair bin of a main bin. */
  public int pairBinOfMain(int mainBin) {
    return pairOfMain()[mainBin];
  }

  /** The main-bin to pair-bin table (shared; do not modify). */
  short[] pairOfMain() {
    short[] t = pairOfMain;
    if (t == null) {
      t = new short[mainBins()];
      if (kind == Kind.CATEGORICAL) {
        for (int b = 0; b < t.length; b++) {
          t[b] = (short) b;
        }
      } else {
        // main bin b (1-based value bin) lies above cuts[0..b-2]; its pair bin counts pair cuts below it
        t[0] = 0;
        int p = 0;
        for (int b = 1; b <= cuts.length + 1; b++) {
          while (p < pairCutIndexes.length && pairCutIndexes[p] <= b - 2) {
            p++;
          }
          t[b] = (short) (p + 1);
        }
        t[cuts.length + 2] = (short) (pairCutIndexes.length + 2);
      }
      pairOfMain = t;
    }
    return t;
  }

  private Map<String, Integer> levelIndex() {
    Map<String, Integer> m = levelIndex;
    if (m == null) {
      m = new HashMap<>(levels.size() * 2);
      for (int i = 0; i < levels.size(); i++) {
        m.put(levels.get(i), i);
      }
      levelIndex = m;
    }
    return m;
  }

  /**
   * The level a number stands for when a numeric column is declared categorical: integral values
   * without a decimal point ({@code 3}), others as Java prints them ({@code 2.5}).
   */
  public static String levelOf(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** A readable label of a main bin: "missing", "[a, b)", a level name, "unseen" or "other". */
  public String mainBinLabel(int bin) {
    if (kind == Kind.CATEGORICAL) {
      return categoricalLabel(bin);
    }
    return intervalLabel(bin, cuts);
  }

  /** A readable label of a pair bin. */
  public String pairBinLabel(int bin) {
    if (kind == Kind.CATEGORICAL) {
      return categoricalLabel(bin);
    }
    double[] pc = new double[pairCutIndexes.length];
    for (int i = 0; i < pc.length; i++) {
      pc[i] = cuts[pairCutIndexes[i]];
    }
    return intervalLabel(bin, pc);
  }

  /** The lower and upper bound of a numeric main value bin (NaN for missing and unseen). */
  public double[] mainBinBounds(int bin) {
    if (kind == Kind.CATEGORICAL || bin == 0 || bin == lastBin()) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double lo = bin == 1 ? Double.NEGATIVE_INFINITY : cuts[bin - 2];
    double hi = bin == cuts.length + 1 ? Double.POSITIVE_INFINITY : cuts[bin - 1];
    return new double[] {lo, hi};
  }

  private String categoricalLabel(int bin) {
    if (bin == 0) {
      return "missing";
    }
    if (bin <= levels.size()) {
      return levels.get(bin - 1);
    }
    return "other";
  }

  private static String intervalLabel(int bin, double[] c) {
    if (bin == 0) {
      return "missing";
    }
    if (bin == c.length + 2) {
      return "unseen";
    }
    String lo = bin == 1 ? "-inf" : format(c[bin - 2]);
    String hi = bin == c.length + 1 ? "+inf" : format(c[bin - 1]);
    return "[" + lo + ", " + hi + ")";
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** The level names of bins {@code 0 .. mainBins()-1} (categorical). */
  public List<String> binLabels() {
    List<String> out = new ArrayList<>();
    for (int b = 0; b < mainBins(); b++) {
      out.add(mainBinLabel(b));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FeatureBinning)) {
      return false;
    }
    FeatureBinning f = (FeatureBinning) o;
    return name.equals(f.name) && kind == f.kind && Arrays.equals(cuts, f.cuts)
        && Arrays.equals(pairCutIndexes, f.pairCutIndexes) && levels.equals(f.levels) && hasMissing == f.hasMissing
        && hasOther == f.hasOther;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, Arrays.hashCode(cuts), levels);
  }

  @Override
  public String toString() {
    return name + (kind == Kind.NUMERIC ? " (numeric, " + cuts.length + " cuts)" : " (categorical, " + levels.size()
        + " levels)");
  }
}
