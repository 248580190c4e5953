package io.sparkxai.ebm.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-bag results into one model as interpretml's {@code process_terms} does: in every bag each
 * term is centred on its training-weighted mean (the mean moves into the bag's intercept) and the
 * missing/unseen slices without training weight are zeroed; then scores and intercepts are averaged
 * over bags weighted by each bag's training weight, with the weighted standard deviation as the error
 * bar; multiclass intercepts are shifted so the largest is 0. Importance: the training-weighted mean
 * of |score| (multiclass: of the mean |score| over classes). The centred bags stay with the model
 * ({@link OuterBags}), for the per-row uncertainty and for merges.
 */
public final class ModelAssembler {

  private ModelAssembler() {}

  /**
   * The assembled model (its intercept still to be refit on the full data, see {@link ShardScoring}).
   *
   * @param task the task
   * @param classes class count
   * @param binnings the features
   * @param shapes the terms (mains then pairs)
   * @param bagIntercepts per bag, the intercept per score
   * @param bagTensors per bag, per term, the tensor
   * @param bagWeights per bag, its training weight
   * @param binWeights per term, the full training data's weight per cell
   */
  public static EbmModel assemble(PredictionTask task, int classes, List<FeatureBinning> binnings,
      List<TermShape> shapes, List<double[]> bagIntercepts, List<double[][]> bagTensors, double[] bagWeights, double[][] binWeights) {
    int k = task.scores(classes);
    int bags = bagIntercepts.size();
    double[][] intercepts = new double[bags][];
    double[][][] tensors = new double[bags][shapes.size()][];
    for (int b = 0; b < bags; b++) {
      intercepts[b] = bagIntercepts.get(b).clone();
      for (int t = 0; t < shapes.size(); t++) {
        double[] tensor = bagTensors.get(b)[t].clone();
        center(tensor, binWeights[t], k, intercepts[b]);
        zeroEmptyEdges(tensor, binWeights[t], shapes.get(t), k);
        tensors[b][t] = tensor;
      }
    }
    double wsum = 0;
    for (double w : bagWeights) {
      wsum += w;
    }
    double[] intercept = new double[k];
    for (int b = 0; b < bags; b++) {
      for (int c = 0; c < k; c++) {
        intercept[c] += bagWeights[b] / wsum * intercepts[b][c];
      }
    }
    if (task == PredictionTask.MULTICLASS) {
      int top = 0;
      for (int c = 1; c < k; c++) {
        if (intercept[c] > intercept[top]) {
          top = c;
        }
      }
      double shift = intercept[top];
      for (int c = 0; c < k; c++) {
        intercept[c] -= shift;
        for (double[] bagIntercept : intercepts) {
          bagIntercept[c] -= shift;
        }
      }
    }
    List<ModelTerm> terms = new ArrayList<>();
    List<double[][]> bagScores = new ArrayList<>();
    for (int t = 0; t < shapes.size(); t++) {
      double[][] perBag = new double[bags][];
      for (int b = 0; b < bags; b++) {
        perBag[b] = tensors[b][t];
      }
      bagScores.add(perBag);
      TermShape s = shapes.get(t);
      int len = s.cells() * k;
      double[] mean = new double[len];
      double[] sd = new double[len];
      for (int i = 0; i < len; i++) {
        double m = 0;
        for (int b = 0; b < bags; b++) {
          m += bagWeights[b] / wsum * tensors[b][t][i];
        }
        double v = 0;
        for (int b = 0; b < bags; b++) {
          double d = tensors[b][t][i] - m;
          v += bagWeights[b] / wsum * d * d;
        }
        mean[i] = m;
        sd[i] = Math.sqrt(v);
      }
      terms.add(new ModelTerm(name(s, binnings), s.features(), s.binsA(), s.binsB(), mean, sd, binWeights[t],
          importance(mean, binWeights[t], k)));
    }
    return new EbmModel(task, classes, binnings, terms, intercept, new OuterBags(bagWeights, intercepts, bagScores));
  }

  /** "feature" or "first & second" (interpretml's term names). */
  public static String name(TermShape s, List<FeatureBinning> binnings) {
    int[] f = s.features();
    return f.length == 1 ? binnings.get(f[0]).name() : binnings.get(f[0]).name() + " & " + binnings.get(f[1]).name();
  }

  /** Moves the weighted mean of each class's scores into the intercept (non-finite scores ignored). */
  static void center(double[] tensor, double[] weights, int k, double[] intercept) {
    for (int c = 0; c < k; c++) {
      double sw = 0;
      double s = 0;
      for (int cell = 0; cell < weights.length; cell++) {
        double v = tensor[cell * k + c];
        if (Double.isFinite(v)) {
          sw += weights[cell];
          s += weights[cell] * v;
        }
      }
      if (sw != 0) {
        double mean = s / sw;
        intercept[c] += mean;
        for (int cell = 0; cell < weights.length; cell++) {
          tensor[cell * k + c] -= mean;
        }
      }
    }
  }

  /** Zeroes the first (missing) and last (unseen/other) slice of each axis when it has no training weight. */
  static void zeroEmptyEdges(double[] tensor, double[] weights, TermShape s, int k) {
    int na = s.binsA();
    int nb = s.binsB();
    for (int axis = 0; axis < s.dimensions(); axis++) {
      int n = axis == 0 ? na : nb;
      for (int edge : new int[] {0, n - 1}) {
        double w = 0;
        for (int other = 0; other < (axis == 0 ? nb : na); other++) {
          int cell = axis == 0 ? edge * nb + other : other * nb + edge;
          w += weights[cell];
        }
        if (w == 0) {
          for (int other = 0; other < (axis == 0 ? nb : na); other++) {
            int cell = axis == 0 ? edge * nb + other : other * nb + edge;
            for (int c = 0; c < k; c++) {
              tensor[cell * k + c] = 0;
            }
          }
        }
      }
    }
  }

  /** Weighted mean of |score| (multiclass: of the class-averaged |score|); 0 without weight. */
  static double importance(double[] scores, double[] weights, int k) {
    double sw = 0;
    double s = 0;
    for (int cell = 0; cell < weights.length; cell++) {
      double a = 0;
      for (int c = 0; c < k; c++) {
        a += Math.abs(scores[cell * k + c]);
      }
      s += weights[cell] * a / k;
      sw += weights[cell];
    }
    return sw == 0 ? 0 : s / sw;
  }
}
