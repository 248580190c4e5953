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
    apply(applyCodes, update, scores, from, to);
    gradients(objective, scores, labels, weights, grad, hess, from, to, from);
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
    for (int start = from; start < to; start += BLOCK) {
      int end = Math.min(to, start + BLOCK);
      apply(applyCodes, update, scores, start, end);
      gradients(objective, scores, labels, weights, g, h, start, end, start);
      for (int i = start; i < end; i++) {
        int b = histCodes[i] << 1;
        hist[b] += g[i - start];
        hist[b + 1] += h[i - start];
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

  /** Gradients of rows [from, to) into g, h at offset {@code i - base}. */
  private static void gradients(Objective objective, double[] scores, double[] labels, double[] weights, double[] g,
      double[] h, int from, int to, int base) {
    int n = to - from;
    int bound = from + SPECIES.loopBound(n);
    int i = from;
    if (objective == Objective.LOGISTIC) {
      DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
      for (; i < bound; i += SPECIES.length()) {
        DoubleVector s = DoubleVector.fromArray(SPECIES, scores, i);
        DoubleVector p = one.div(s.neg().lanewise(VectorOperators.EXP).add(1.0));
        DoubleVector gv = p.sub(DoubleVector.fromArray(SPECIES, labels, i));
        DoubleVector hv = p.mul(one.sub(p));
        if (weights != null) {
          DoubleVector w = DoubleVector.fromArray(SPECIES, weights, i);
          gv = gv.mul(w);
          hv = hv.mul(w);
        }
        gv.intoArray(g, i - base);
        hv.intoArray(h, i - base);
      }
      for (; i < to; i++) {
        double w = weights == null ? 1.0 : weights[i];
        double p = JavaKernel.sigmoid(scores[i]);
        g[i - base] = w * (p - labels[i]);
        h[i - base] = w * p * (1.0 - p);
      }
    } else {
      for (; i < bound; i += SPECIES.length()) {
        DoubleVector gv = DoubleVector.fromArray(SPECIES, scores, i).sub(DoubleVector.fromArray(SPECIES, labels, i));
        DoubleVector hv = DoubleVector.broadcast(SPECIES, 1.0);
        if (weights != null) {
          DoubleVector w = DoubleVector.fromArray(SPECIES, weights, i);
          gv = gv.mul(w);
          hv = w;
        }
        gv.intoArray(g, i - base);
        hv.intoArray(h, i - base);
      }
      for (; i < to; i++) {
        double w = weights == null ? 1.0 : weights[i];
        g[i - base] = w * (scores[i] - labels[i]);
        h[i - base] = w;
      }
    }
  }
}
