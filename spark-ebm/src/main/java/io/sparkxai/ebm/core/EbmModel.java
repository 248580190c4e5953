package io.sparkxai.ebm.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fitted Explainable Boosting Machine: {@code g(E[y]) = intercept + sum_t f_t(bins of x)}, with
 * {@code g} the logit (binary), the softmax link (multiclass) or the identity (regression). Holds the
 * features' binnings, the terms and the intercept; scores rows and explains them. Immutable and
 * thread-safe.
 *
 * <p>Local explanation: the contribution of term {@code t} to a row is the term's score in the row's
 * cell; the contributions plus the intercept are the raw score exactly (the raw score is computed as
 * that very sum).
 */
public final class EbmModel implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PredictionTask task;
  private final int classes;
  private final List<FeatureBinning> features;
  private final List<ModelTerm> terms;
  private final double[] intercept;
  private final OuterBags bags;
  private transient volatile short[][] pairLuts;

  /**
   * @param task the task
   * @param classes the class count (2 for binary, 1 for regression)
   * @param features the features' binnings
   * @param terms the terms
   * @param intercept per score
   */
  public EbmModel(PredictionTask task, int classes, List<FeatureBinning> features, List<ModelTerm> terms,
      double[] intercept) {
    this(task, classes, features, terms, intercept, null);
  }

  /**
   * @param task the task
   * @param classes the class count (2 for binary, 1 for regression)
   * @param features the features' binnings
   * @param terms the terms
   * @param intercept per score
   * @param bags the outer bags behind the terms, one tensor per term in the same order, or null when
   *     unknown (a model saved before they were kept)
   */
  public EbmModel(PredictionTask task, int classes, List<FeatureBinning> features, List<ModelTerm> terms,
      double[] intercept, OuterBags bags) {
    this.task = Objects.requireNonNull(task);
    this.classes = classes;
    this.features = List.copyOf(features);
    this.terms = List.copyOf(terms);
    this.intercept = intercept.clone();
    if (intercept.length != task.scores(classes)) {
      throw new IllegalArgumentException("intercept has " + intercept.length + " values; the task needs "
          + task.scores(classes));
    }
    for (ModelTerm t : terms) {
      for (int f : t.features()) {
        if (f < 0 || f >= features.size()) {
          throw new IllegalArgumentException("term '" + t.name() + "' uses feature " + f + " of " + features.size());
        }
      }
    }
    this.bags = bags;
    if (bags != null) {
      checkBags(bags);
    }
  }

  private void checkBags(OuterBags b) {
    if (b.terms() != terms.size()) {
      throw new IllegalArgumentException("outer bags hold " + b.terms() + " terms; the model has " + terms.size());
    }
    for (double[] i : b.intercepts()) {
      if (i.length != intercept.length) {
        throw new IllegalArgumentException("a bag intercept has " + i.length + " values; the task needs "
            + intercept.length);
      }
    }
    for (int t = 0; t < terms.size(); t++) {
      for (double[] s : b.scores(t)) {
        if (s.length != terms.get(t).scoresShared().length) {
          throw new IllegalArgumentException("term '" + terms.get(t).name() + "' has " + terms.get(t)
              .scoresShared().length + " scores but a bag tensor of " + s.length);
        }
      }
    }
  }

  /** The task. */
  public PredictionTask task() {
    return task;
  }

  /** Classes (2 binary, K multiclass, 1 regression). */
  public int classes() {
    return classes;
  }

  /** Scores per row. */
  public int scoresPerRow() {
    return task.scores(classes);
  }

  /** The features' binnings. */
  public List<FeatureBinning> features() {
    return features;
  }

  /** The terms: mains in feature order, then pairs. */
  public List<ModelTerm> terms() {
    return terms;
  }

  /** The intercept per score (a copy). */
  public double[] intercept() {
    return intercept.clone();
  }

  /**
   * The outer bags behind the terms (per bag: weight, intercept, every term's tensor), or null when
   * the model does not have them (saved before they were kept, or built without them).
   */
  public OuterBags bags() {
    return bags;
  }

  /** A copy with another intercept; every bag's intercept moves by the same amount. */
  public EbmModel withIntercept(double[] newIntercept) {
    OuterBags moved = null;
    if (bags != null) {
      double[] delta = new double[intercept.length];
      for (int c = 0; c < delta.length; c++) {
        delta[c] = newIntercept[c] - intercept[c];
      }
      moved = bags.shifted(delta);
    }
    return new EbmModel(task, classes, features, terms, newIntercept, moved);
  }

  /** A copy with other terms, without outer bags (they describe the old terms). */
  public EbmModel withTerms(List<ModelTerm> newTerms) {
    return new EbmModel(task, classes, features, newTerms, intercept, null);
  }

  /** A copy with other outer bags (null: none). */
  public EbmModel withBags(OuterBags newBags) {
    return new EbmModel(task, classes, features, terms, intercept, newBags);
  }

  /**
   * The main bin of every feature for one row.
   *
   * @param numbers per feature, the number (NaN = missing; ignored for categorical features unless
   *     {@code levels[f]} is null, in which case the number's level is used)
   * @param levels per feature, the level (null = missing or numeric)
   */
  public int[] bins(double[] numbers, String[] levels) {
    int[] out = new int[features.size()];
    for (int f = 0; f < out.length; f++) {
      FeatureBinning b = features.get(f);
      if (b.isCategorical()) {
        String l = levels == null ? null : levels[f];
        out[f] = l != null ? b.bin(l) : b.bin(numbers == null ? Double.NaN : numbers[f]);
      } else {
        out[f] = b.bin(numbers[f]);
      }
    }
    return out;
  }

  /** The cell of term {@code t} for a row's main bins. */
  public int cell(int t, int[] bins) {
    ModelTerm term = terms.get(t);
    int[] f = term.features();
    if (f.length == 1) {
      return bins[f[0]];
    }
    short[][] luts = pairLuts();
    return luts[f[0]][bins[f[0]]] * term.binsB() + luts[f[1]][bins[f[1]]];
  }

  private short[][] pairLuts() {
    short[][] l = pairLuts;
    if (l == null) {
      l = new short[features.size()][];
      for (int f = 0; f < l.length; f++) {
        l[f] = features.get(f).pairOfMain();
      }
      pairLuts = l;
    }
    return l;
  }

  /**
   * Per term and score, the contribution to a row ({@code out[t * k + c]}), and the raw scores
   * ({@code raw[c]}) as intercept plus the sum of the contributions.
   */
  public void explain(int[] bins, double[] contributions, double[] raw) {
    int k = scoresPerRow();
    System.arraycopy(intercept, 0, raw, 0, k);
    for (int t = 0; t < terms.size(); t++) {
      int cell = cell(t, bins);
      double[] s = terms.get(t).scoresShared();
      for (int c = 0; c < k; c++) {
        double v = s[cell * k + c];
        contributions[t * k + c] = v;
        raw[c] += v;
      }
    }
  }

  /** The raw scores of a row from its main bins. */
  public double[] raw(int[] bins) {
    int k = scoresPerRow();
    double[] raw = intercept.clone();
    for (int t = 0; t < terms.size(); t++) {
      int cell = cell(t, bins);
      double[] s = terms.get(t).scoresShared();
      for (int c = 0; c < k; c++) {
        raw[c] += s[cell * k + c];
      }
    }
    return raw;
  }

  /**
   * Class probabilities (classification) from raw scores: {@code [1 - p, p]} for binary, softmax for
   * multiclass.
   */
  public double[] probabilities(double[] raw) {
    if (task == PredictionTask.BINARY) {
      double p = 1.0 / (1.0 + Math.exp(-raw[0]));
      return new double[] {1.0 - p, p};
    }
    if (task == PredictionTask.MULTICLASS) {
      double max = Double.NEGATIVE_INFINITY;
      for (double r : raw) {
        max = Math.max(max, r);
      }
      double[] p = new double[raw.length];
      double sum = 0;
      for (int c = 0; c < raw.length; c++) {
        p[c] = Math.exp(raw[c] - max);
        sum += p[c];
      }
      for (int c = 0; c < raw.length; c++) {
        p[c] /= sum;
      }
      return p;
    }
    throw new IllegalStateException("a regression model has no probabilities");
  }

  /** Term names in order. */
  public List<String> termNames() {
    List<String> out = new ArrayList<>();
    for (ModelTerm t : terms) {
      out.add(t.name());
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EbmModel)) {
      return false;
    }
    EbmModel m = (EbmModel) o;
    return task == m.task && classes == m.classes && features.equals(m.features) && terms.equals(m.terms)
        && java.util.Arrays.equals(intercept, m.intercept) && Objects.equals(bags, m.bags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(task, classes, terms);
  }
}
