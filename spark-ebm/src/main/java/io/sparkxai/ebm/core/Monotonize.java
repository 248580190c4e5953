package io.sparkxai.ebm.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes one main term of a fitted model monotone after the fact, as interpretml's
 * {@code EBMModel.monotonize(term, increasing, passthrough=0)} does: isotonic regression of the term's
 * scores over the feature's value bins (not the missing or unseen bin), weighted by the training weight
 * of each bin ({@link Isotonic}), then shifted so that their weighted mean is unchanged (the intercept
 * and every prediction's average over the training data stay as they were). Pairs with the feature are
 * left as they are: a pair can still bend the feature's total effect (remove such pairs, or train with
 * {@code monotoneConstraints}, which never chooses them). The term's bag standard deviations no longer
 * describe it and become 0 (interpretml drops them); its importance is recomputed.
 */
public final class Monotonize {

  private Monotonize() {}

  /**
   * A copy of {@code m} with term {@code termName} monotone.
   *
   * @param increasing true: never decreasing; false: never increasing
   * @throws IllegalArgumentException naming the term when it does not exist, is a pair or is categorical,
   *     and for multiclass models (one score per class: interpretml refuses them too)
   */
  public static EbmModel term(EbmModel m, String termName, boolean increasing) {
    List<String> names = m.termNames();
    int t = names.indexOf(termName);
    if (t < 0) {
      throw new IllegalArgumentException("monotonize: no term '" + termName + "'; terms: " + String.join(", ", names));
    }
    ModelTerm term = m.terms().get(t);
    if (term.isPair()) {
      throw new IllegalArgumentException("monotonize works on main terms; '" + termName + "' is a pair");
    }
    FeatureBinning b = m.features().get(term.features()[0]);
    if (b.isCategorical()) {
      throw new IllegalArgumentException("monotonize: term '" + termName + "' is categorical; only numeric "
          + "(ordered) features can be monotone");
    }
    if (m.task() == PredictionTask.MULTICLASS) {
      throw new IllegalArgumentException("monotonize is not supported for multiclass models (one score per class)");
    }
    int last = b.cuts().length + 1;
    double[] scores = term.scores();
    double[] fitted = MonotoneSteps.valueBinsFit(scores, term.weights(), last, increasing);
    System.arraycopy(fitted, 0, scores, 1, fitted.length);
    double[] stdevs = term.stdevs();
    java.util.Arrays.fill(stdevs, 1, last + 1, 0.0);
    List<ModelTerm> terms = new ArrayList<>(m.terms());
    terms.set(t, new ModelTerm(term.name(), term.features(), term.binsA(), term.binsB(), scores, stdevs,
        term.weights(), ModelAssembler.importance(scores, term.weights(), 1)));
    return m.withTerms(terms);
  }
}
