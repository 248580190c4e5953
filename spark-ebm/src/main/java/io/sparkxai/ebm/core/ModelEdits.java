package io.sparkxai.ebm.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Edits of a fitted EBM, each returning a new model (interpretml's {@code remove_terms},
 * {@code scale} and a {@code sweep} of the unimportant terms), and the two importances they use. The
 * features stay as they are (a transform still reads every input column), and the outer bags follow the
 * edit, so standard deviations and the per-row uncertainty stay consistent.
 */
public final class ModelEdits {

  /** Importance as the training-weighted mean absolute score (interpretml's default). */
  public static final String AVG_WEIGHT = "avg_weight";
  /** Importance as the largest minus the smallest score of the term (interpretml's {@code min_max}). */
  public static final String MIN_MAX = "min_max";

  private ModelEdits() {}

  /**
   * A term's importance: {@value #AVG_WEIGHT}, the training-weighted mean of |score| over its cells
   * (multiclass: of the mean |score| over classes), or {@value #MIN_MAX}, the largest minus the smallest
   * score over all cells and classes.
   *
   * @throws IllegalArgumentException for another type
   */
  public static double importance(ModelTerm t, int k, String type) {
    if (AVG_WEIGHT.equals(type)) {
      return ModelAssembler.importance(t.scores(), t.weights(), k);
    }
    if (MIN_MAX.equals(type)) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double s : t.scores()) {
        lo = Math.min(lo, s);
        hi = Math.max(hi, s);
      }
      return hi >= lo ? hi - lo : 0;
    }
    throw new IllegalArgumentException("importance type must be " + AVG_WEIGHT + " or " + MIN_MAX + ", got " + type);
  }

  /**
   * The model without the named terms.
   *
   * @throws IllegalArgumentException naming a term the model does not have
   */
  public static EbmModel removeTerms(EbmModel m, Collection<String> names) {
    Set<String> drop = new LinkedHashSet<>(names);
    for (String n : drop) {
      indexOf(m, n);
    }
    List<Integer> keep = new ArrayList<>();
    for (int t = 0; t < m.terms().size(); t++) {
      if (!drop.contains(m.terms().get(t).name())) {
        keep.add(t);
      }
    }
    return keep(m, keep);
  }

  /**
   * The model with term {@code name}'s scores, standard deviations and bag tensors multiplied by
   * {@code factor} (0 silences the term and keeps it; a negative factor flips it).
   *
   * @throws IllegalArgumentException naming an unknown term or a factor that is not finite
   */
  public static EbmModel scaleTerm(EbmModel m, String name, double factor) {
    if (!Double.isFinite(factor)) {
      throw new IllegalArgumentException("the factor of term '" + name + "' must be finite, got " + factor);
    }
    int target = indexOf(m, name);
    int k = m.scoresPerRow();
    List<ModelTerm> terms = new ArrayList<>(m.terms());
    ModelTerm t = terms.get(target);
    double[] scores = times(t.scores(), factor);
    double[] stdevs = times(t.stdevs(), Math.abs(factor));
    terms.set(target, new ModelTerm(t.name(), t.features(), t.binsA(), t.binsB(), scores, stdevs, t.weights(),
        ModelAssembler.importance(scores, t.weights(), k)));
    OuterBags bags = m.bags();
    EbmModel out = m.withTerms(terms);
    if (bags == null) {
      return out;
    }
    List<double[][]> bagScores = new ArrayList<>();
    for (int i = 0; i < bags.terms(); i++) {
      double[][] s = bags.scores(i);
      if (i == target) {
        for (int b = 0; b < s.length; b++) {
          s[b] = times(s[b], factor);
        }
      }
      bagScores.add(s);
    }
    return out.withBags(bags.withScores(bagScores));
  }

  /**
   * The model without the terms whose importance of the given type is below {@code threshold}.
   *
   * @throws IllegalArgumentException for an unknown type or a threshold that is NaN
   */
  public static EbmModel sweep(EbmModel m, double threshold, String type) {
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("the sweep threshold must be a number, got NaN");
    }
    List<Integer> keep = new ArrayList<>();
    for (int t = 0; t < m.terms().size(); t++) {
      if (importance(m.terms().get(t), m.scoresPerRow(), type) >= threshold) {
        keep.add(t);
      }
    }
    return keep(m, keep);
  }

  private static EbmModel keep(EbmModel m, List<Integer> keep) {
    List<ModelTerm> terms = new ArrayList<>();
    List<double[][]> bagScores = new ArrayList<>();
    for (int t : keep) {
      terms.add(m.terms().get(t));
      if (m.bags() != null) {
        bagScores.add(m.bags().scores(t));
      }
    }
    EbmModel out = m.withTerms(terms);
    return m.bags() == null ? out : out.withBags(m.bags().withScores(bagScores));
  }

  private static int indexOf(EbmModel m, String name) {
    for (int t = 0; t < m.terms().size(); t++) {
      if (m.terms().get(t).name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("the model has no term '" + name + "'; terms: " + String.join(", ",
        m.termNames()));
  }

  private static double[] times(double[] values, double factor) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= factor;
    }
    return out;
  }
}
