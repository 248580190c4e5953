package io.sparkxai.ebm.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The work of {@link VectorKernel}; loaded only where the Vector API is usable. Rows go in blocks of
 * {@link #BLOCK}: gather-apply (scalar), gradient and hessian (SIMD) into block buffers, then a
 * scalar scatter into the histogram. The buffers stay in L1, so the pass over the row arrays is one
 * streaming pass, as in the fused step of the contract.
 */
final class VectorKernelImpl implements HistogramKernel {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int BLOCK = 512;
  private static final int FEW_BINS = 32;
  private static final JavaKernel REFERENCE = new JavaKernel();

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public int rank() {
    return 10;
  }

  @Override
  public boolean isAvailable() {
    return true;
  }

  @Override
  public void applyAndGradients(Objective objective, int k, short[] applyCodes, double[] update, double[] scores,
      double[] labels, double[] weights, double[] grad, double[] hess, int from, int to) {
    if (objective == Objective.SOFTMAX) {
      REFERENCE.applyAndGradients(objective, k, applyCodes, update, scores, labels, weights, grad, hess, from, to);
      return;
    }
    int[] index = new int[BLOCK];
    double[] g = new double[BLOCK];
    double[] h = new double[BLOCK];
    for (int start = from; start < to; start += BLOCK) {
      int end = Math.min(to, start + BLOCK);
      applyAndGradients(objective, applyCodes, update, scores, labels, weights, g, h, index, start, end);
      System.arraycopy(g, 0, grad, start, end - start);
      System.arraycopy(h, 0, hess, start, end - start);
    }
  }

  @Override
  public void applyGradientsHistogram(Objective objective, int k, short[] applyCodes, double[] update,
      double[] scores, double[] labels, double[] weights, short[] histCodes, double[] hist, int from, int to) {
    if (objective == Objective.SOFTMAX) {
      REFERENCE.applyGradientsHistogram(objective, k, applyCodes, update, scores, labels, weights, histCodes, hist,
          from, to);
      return;
    }
    double[] g = new double[BLOCK];
    double[] h = new double[BLOCK];
    int[] index = new int[BLOCK];
    int bins = hist.length / 2;
    // with a handful of bins consecutive rows hit the same histogram cell, and each add waits for the
    // previous one: four private copies break that chain (summed at the end)
    boolean copies = bins <= FEW_BINS;
    int stride = hist.length;
    double[] target = copies ? new double[4 * stride] : null;
    double[] sumG = copies ? null : new double[bins];
    double[] sumH = copies ? null : new double[bins];
    for (int start = from; start < to; start += BLOCK) {
      int end = Math.min(to, start + BLOCK);
      applyAndGradients(objective, applyCodes, update, scores, labels, weights, g, h, index, start, end);
      if (copies) {
        int i = start;
        for (; i + 3 < end; i += 4) {
          int r = i - start;
          int b0 = histCodes[i] << 1;
          int b1 = (histCodes[i + 1] << 1) + stride;
          int b2 = (histCodes[i + 2] << 1) + 2 * stride;
          int b3 = (histCodes[i + 3] << 1) + 3 * stride;
          target[b0] += g[r];
          target[b0 + 1] += h[r];
          target[b1] += g[r + 1];
          target[b1 + 1] += h[r + 1];
          target[b2] += g[r + 2];
          target[b2 + 1] += h[r + 2];
          target[b3] += g[r + 3];
          target[b3 + 1] += h[r + 3];
        }
        for (; i < end; i++) {
          int b = histCodes[i] << 1;
          target[b] += g[i - start];
          target[b + 1] += h[i - start];
        }
      } else {
        // gradients and hessians in two separate arrays: two independent streams of scattered adds
        for (int i = start; i < end; i++) {
          int b = histCodes[i];
          sumG[b] += g[i - start];
          sumH[b] += h[i - start];
        }
      }
    }
    if (copies) {
      for (int j = 0; j < stride; j++) {
        hist[j] += (target[j] + target[j + stride]) + (target[j + 2 * stride] + target[j + 3 * stride]);
      }
    } else {
      for (int b = 0; b < bins; b++) {
        hist[2 * b] += sumG[b];
        hist[2 * b + 1] += sumH[b];
      }
    }
  }

  @Override
  public double applyAndLoss(Objective objective, int k, short[] applyCodes, double[] update, double[] scores,
      double[] labels, double[] weights, int from, int to) {
    if (objective == Objective.SOFTMAX) {
      return REFERENCE.applyAndLoss(objective, k, applyCodes, update, scores, labels, weights, from, to);
    }
    apply(applyCodes, update, scores, from, to);
    int n = to - from;
    int bound = from + SPECIES.loopBound(n);
    DoubleVector acc = DoubleVector.zero(SPECIES);
    int i = from;
    if (objective == Objective.LOGISTIC) {
      for (; i < bound; i += SPECIES.length()) {
        DoubleVector s = DoubleVector.fromArray(SPECIES, scores, i);
        DoubleVector y = DoubleVector.fromArray(SPECIES, labels, i);
        // z = s for y = 0, -s for y = 1; softplus(z) = max(z, 0) + log1p(exp(-|z|))
        DoubleVector z = s.mul(y.mul(-2.0).add(1.0));
        DoubleVector l = z.max(0.0).add(z.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P));
        if (weights != null) {
          l = l.mul(DoubleVector.fromArray(SPECIES, weights, i));
        }
        acc = acc.add(l);
      }
    } else {
      for (; i < bound; i += SPECIES.length()) {
        DoubleVector d = DoubleVector.fromArray(SPECIES, scores, i).sub(DoubleVector.fromArray(SPECIES, labels, i));
        DoubleVector l = d.mul(d);
        if (weights != null) {
          l = l.mul(DoubleVector.fromArray(SPECIES, weights, i));
        }
        acc = acc.add(l);
      }
    }
    double sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < to; i++) {
      double w = weights == null ? 1.0 : weights[i];
      sum += w * JavaKernel.loss(objective, 1, scores, i, labels[i]);
    }
    return sum;
  }

  @Override
  public void histogram(int k, short[] codes, double[] grad, double[] hess, double[] hist, int from, int to) {
    REFERENCE.histogram(k, codes, grad, hess, hist, from, to);
  }

  private static void apply(short[] applyCodes, double[] update, double[] scores, int from, int to) {
    if (applyCodes == null) {
      return;
    }
    for (int i = from; i < to; i++) {
      scores[i] += update[applyCodes[i]];
    }
  }

  /**
   * Applies the update (when {@code applyCodes} is not null; the update is gathered by bin through
   * an index block) and writes the gradients of rows [from, to) into g, h at offset {@code i - from}.
   */
  private static void applyAndGradients(Objective objective, short[] applyCodes, double[] update, double[] scores,
      double[] labels, double[] weights, double[] g, double[] h, int[] index, int from, int to) {
    int n = to - from;
    int bound = from + SPECIES.loopBound(n);
    boolean apply = applyCodes != null;
    if (apply) {
      for (int i = from; i < to; i++) {
        index[i - from] = applyCodes[i];
      }
    }
    int i = from;
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    boolean logistic = objective == Objective.LOGISTIC;
    for (; i < bound; i += SPECIES.length()) {
      DoubleVector s = DoubleVector.fromArray(SPECIES, scores, i);
      if (apply) {
        s = s.add(DoubleVector.fromArray(SPECIES, update, 0, index, i - from));
        s.intoArray(scores, i);
      }
      DoubleVector gv;
      DoubleVector hv;
      if (logistic) {
        DoubleVector p = one.div(s.neg().lanewise(VectorOperators.EXP).add(1.0));
        gv = p.sub(DoubleVector.fromArray(SPECIES, labels, i));
        hv = p.mul(one.sub(p));
      } else {
        gv = s.sub(DoubleVector.fromArray(SPECIES, labels, i));
        hv = one;
      }
      if (weights != null) {
        DoubleVector w = DoubleVector.fromArray(SPECIES, weights, i);
        gv = gv.mul(w);
        hv = hv.mul(w);
      }
      gv.intoArray(g, i - from);
      hv.intoArray(h, i - from);
    }
    for (; i < to; i++) {
      if (apply) {
        scores[i] += update[applyCodes[i]];
      }
      double w = weights == null ? 1.0 : weights[i];
      if (logistic) {
        double p = JavaKernel.sigmoid(scores[i]);
        g[i - from] = w * (p - labels[i]);
        h[i - from] = w * p * (1.0 - p);
      } else {
        g[i - from] = w * (scores[i] - labels[i]);
        h[i - from] = w;
      }
    }
  }
}
