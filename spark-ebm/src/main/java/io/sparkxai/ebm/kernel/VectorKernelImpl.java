package io.sparkxai.ebm.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The work of {@link VectorKernel}; loaded only where the Vector API is usable. Rows go in blocks of
 * {@link #BLOCK}: gather-apply, gradient and hessian (SIMD, doubles; float scores and weights
 * converted on load) into block buffers, then a scalar scatter into the histogram. The buffers stay
 * in L1, so the pass over the row arrays is one streaming pass, as in the fused step of the contract.
 */
final class VectorKernelImpl {

  private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FS =
      VectorSpecies.of(float.class, VectorShape.forBitSize(DS.vectorBitSize() / 2));
  private static final int BLOCK = 512;
  private static final int FEW_BINS = 32;
  private static final JavaKernel REFERENCE = new JavaKernel();

  /** Per-call scratch buffers (a call is single-threaded; calls are not). */
  private static final class Scratch {
    final double[] g = new double[BLOCK];
    final double[] h = new double[BLOCK];
    final double[] y = new double[BLOCK];
    final int[] index = new int[BLOCK];
  }

  public void applyAndGradients(KernelRows rows, short[] applyCodes, double[] update, double[] grad, double[] hess,
      int from, int to) {
    if (rows.objective() == Objective.SOFTMAX) {
      REFERENCE.applyAndGradients(rows, applyCodes, update, grad, hess, from, to);
      return;
    }
    Scratch x = new Scratch();
    for (int start = from; start < to; start += BLOCK) {
      int end = Math.min(to, start + BLOCK);
      gradients(rows, applyCodes, update, x, start, end);
      System.arraycopy(x.g, 0, grad, start, end - start);
      System.arraycopy(x.h, 0, hess, start, end - start);
    }
  }

  public void applyGradientsHistogram(KernelRows rows, short[] applyCodes, double[] update, short[] histCodes,
      double[] hist, int from, int to) {
    if (rows.objective() == Objective.SOFTMAX) {
      REFERENCE.applyGradientsHistogram(rows, applyCodes, update, histCodes, hist, from, to);
      return;
    }
    Scratch x = new Scratch();
    double[] g = x.g;
    double[] h = x.h;
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
      gradients(rows, applyCodes, update, x, start, end);
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

  public double applyAndLoss(KernelRows rows, short[] applyCodes, double[] update, int from, int to) {
    if (rows.objective() == Objective.SOFTMAX) {
      return REFERENCE.applyAndLoss(rows, applyCodes, update, from, to);
    }
    Scratch x = new Scratch();
    boolean logistic = rows.objective() == Objective.LOGISTIC;
    float[] w = rows.weights();
    DoubleVector acc = DoubleVector.zero(DS);
    // s * 0 is NaN exactly where s is NaN or infinite: one multiply-add per vector finds them
    DoubleVector check = DoubleVector.zero(DS);
    double tail = 0;
    for (int start = from; start < to; start += BLOCK) {
      int end = Math.min(to, start + BLOCK);
      int bound = start + DS.loopBound(end - start);
      loadBlock(rows, applyCodes, x, start, end);
      int i = start;
      for (; i < bound; i += DS.length()) {
        DoubleVector s = applyVector(rows.scores(), applyCodes, update, x.index, i, start);
        check = check.add(s.mul(0.0));
        DoubleVector l;
        if (logistic) {
          // z = s for y = 0, -s for y = 1; softplus(z) = max(z, 0) + log1p(exp(-|z|))
          VectorMask<Double> one = DoubleVector.fromArray(DS, x.y, i - start).compare(VectorOperators.NE, 0.0);
          DoubleVector z = s.blend(s.neg(), one);
          l = z.max(0.0).add(s.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P));
        } else {
          DoubleVector d = s.sub(floats(rows.targets(), i));
          l = d.mul(d);
        }
        if (w != null) {
          l = l.mul(floats(w, i));
        }
        acc = acc.add(l);
      }
      for (; i < end; i++) {
        double s = applyScalar(rows, applyCodes, update, i);
        double l = JavaKernel.loss(rows.objective(), s, rows.label(i));
        tail += w == null ? l : l * w[i];
      }
    }
    if (Double.isNaN(check.reduceLanes(VectorOperators.ADD))) {
      throw KernelException.nonFinite("vector", rows.scores(), 1, from, to);
    }
    return acc.reduceLanes(VectorOperators.ADD) + tail;
  }

  private static DoubleVector floats(float[] a, int i) {
    return (DoubleVector) FloatVector.fromArray(FS, a, i).convertShape(VectorOperators.F2D, DS, 0);
  }

  /** The update's bins of the block as ints (for the gather) and the block's labels as 0/1 doubles. */
  private static void loadBlock(KernelRows rows, short[] applyCodes, Scratch x, int from, int to) {
    if (applyCodes != null) {
      for (int i = from; i < to; i++) {
        x.index[i - from] = applyCodes[i];
      }
    }
    byte[] classes = rows.classes();
    if (classes != null) {
      for (int i = from; i < to; i++) {
        x.y[i - from] = classes[i] != 0 ? 1.0 : 0.0;
      }
    }
  }

  /** Loads scores at {@code i}, applies the gathered update (stored back as float), returns them as doubles. */
  private static DoubleVector applyVector(float[] scores, short[] applyCodes, double[] update, int[] index, int i,
      int start) {
    FloatVector f = FloatVector.fromArray(FS, scores, i);
    if (applyCodes != null) {
      DoubleVector s = (DoubleVector) f.convertShape(VectorOperators.F2D, DS, 0);
      s = s.add(DoubleVector.fromArray(DS, update, 0, index, i - start));
      f = (FloatVector) s.convertShape(VectorOperators.D2F, FS, 0);
      f.intoArray(scores, i);
    }
    return (DoubleVector) f.convertShape(VectorOperators.F2D, DS, 0);
  }

  private static double applyScalar(KernelRows rows, short[] applyCodes, double[] update, int i) {
    float[] scores = rows.scores();
    float f = scores[i];
    if (applyCodes != null) {
      f = (float) (f + update[applyCodes[i]]);
      scores[i] = f;
    }
    if (!(Math.abs(f) <= Float.MAX_VALUE)) {
      throw KernelException.nonFinite("vector", scores, i, 1);
    }
    return f;
  }

  /**
   * Applies the update (when {@code applyCodes} is not null) and writes the gradients of rows
   * [from, to) into the scratch's g, h at offset {@code i - from}.
   */
  private static void gradients(KernelRows rows, short[] applyCodes, double[] update, Scratch x, int from, int to) {
    loadBlock(rows, applyCodes, x, from, to);
    int bound = from + DS.loopBound(to - from);
    boolean logistic = rows.objective() == Objective.LOGISTIC;
    float[] w = rows.weights();
    double[] g = x.g;
    double[] h = x.h;
    DoubleVector one = DoubleVector.broadcast(DS, 1.0);
    DoubleVector check = DoubleVector.zero(DS);
    int i = from;
    for (; i < bound; i += DS.length()) {
      DoubleVector s = applyVector(rows.scores(), applyCodes, update, x.index, i, from);
      check = check.add(s.mul(0.0));
      DoubleVector gv;
      DoubleVector hv;
      if (logistic) {
        DoubleVector e = s.abs().neg().lanewise(VectorOperators.EXP);
        DoubleVector pa = one.div(e.add(1.0));
        DoubleVector pb = e.mul(pa);
        VectorMask<Double> pos = s.compare(VectorOperators.GE, 0.0);
        DoubleVector p = pb.blend(pa, pos);
        DoubleVector q = pa.blend(pb, pos);
        VectorMask<Double> label = DoubleVector.fromArray(DS, x.y, i - from).compare(VectorOperators.NE, 0.0);
        gv = p.blend(q.neg(), label);
        hv = p.mul(q);
        if (w != null) {
          DoubleVector wv = floats(w, i);
          gv = gv.mul(wv);
          hv = hv.mul(wv);
        }
      } else {
        gv = s.sub(floats(rows.targets(), i));
        hv = one;
        if (w != null) {
          DoubleVector wv = floats(w, i);
          gv = gv.mul(wv);
          hv = wv;
        }
      }
      gv.intoArray(g, i - from);
      hv.intoArray(h, i - from);
    }
    if (Double.isNaN(check.reduceLanes(VectorOperators.ADD))) {
      throw KernelException.nonFinite("vector", rows.scores(), 1, from, bound);
    }
    for (; i < to; i++) {
      JavaKernel.rowGradient(rows, logistic, i, applyScalar(rows, applyCodes, update, i), g, h, i - from);
    }
  }
}
