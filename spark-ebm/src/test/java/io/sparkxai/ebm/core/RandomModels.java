package io.sparkxai.ebm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random fitted models for the merge and edit tests: given binnings and terms, random bag tensors and
 * intercepts, and scores and standard deviations computed from those bags exactly as
 * {@link ModelAssembler} does (weighted mean and spread), so that a model is consistent with its bags.
 * Also random rows over the binnings' value ranges, with missing values, unseen levels and values
 * beyond the outer cuts.
 */
final class RandomModels {

  private RandomModels() {}

  /** A model over {@code features} with the given terms (feature index arrays) and {@code bags} bags. */
  static EbmModel model(Random r, PredictionTask task, int classes, List<FeatureBinning> features, List<int[]> terms,
      int bags) {
    int k = task.scores(classes);
    double[] bagWeights = new double[bags];
    double[][] intercepts = new double[bags][k];
    for (int b = 0; b < bags; b++) {
      bagWeights[b] = 50 + r.nextInt(50);
      for (int c = 0; c < k; c++) {
        intercepts[b][c] = r.nextGaussian();
      }
    }
    List<ModelTerm> out = new ArrayList<>();
    List<double[][]> bagScores = new ArrayList<>();
    OuterBags weightsOnly = new OuterBags(bagWeights, intercepts, List.of());
    for (int[] f : terms) {
      TermShape s = TermShape.of(f, features);
      double[][] perBag = new double[bags][s.cells() * k];
      for (double[] t : perBag) {
        for (int i = 0; i < t.length; i++) {
          t[i] = r.nextGaussian();
        }
      }
      double[] mean = weightsOnly.mean(perBag);
      double[] sd = weightsOnly.stdev(perBag, mean);
      double[] w = new double[s.cells()];
      for (int i = 0; i < w.length; i++) {
        w[i] = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(20);
      }
      out.add(new ModelTerm(ModelAssembler.name(s, features), f, s.binsA(), s.binsB(), mean, sd, w,
          ModelAssembler.importance(mean, w, k)));
      bagScores.add(perBag);
    }
    double[] intercept = weightsOnly.mean(intercepts);
    return new EbmModel(task, classes, features, out, intercept, new OuterBags(bagWeights, intercepts, bagScores));
  }

  /** A row over these features: per feature a number or a level, some missing, some unseen or outside. */
  static Object[] row(Random r, List<FeatureBinning> features) {
    double[] numbers = new double[features.size()];
    String[] levels = new String[features.size()];
    for (int f = 0; f < numbers.length; f++) {
      FeatureBinning b = features.get(f);
      numbers[f] = Double.NaN;
      if (r.nextInt(10) == 0) {
        continue; // missing
      }
      if (b.isCategorical()) {
        levels[f] = r.nextInt(8) == 0 ? "never-seen" : b.levels().isEmpty() ? "x" : b.levels().get(r.nextInt(
            b.levels().size()));
      } else {
        numbers[f] = -15 + 30 * r.nextDouble();
      }
    }
    return new Object[] {numbers, levels};
  }
}
