package io.sparkxai.lrp.core;

import ai.djl.ndarray.NDArray;
import io.sparkxai.nn.DeviceGraph;
import io.sparkxai.nn.LinearForm;
import io.sparkxai.nn.Ops;

/**
 * The device tensors one affine node's rule needs, made once per engine: the weights and their
 * modified forms (positive and negative parts, squares, ones, gamma-boosted), the bias and its
 * parts shaped to broadcast, and the input-independent denominators of the flat, w^2 and z^B rules
 * for one sample. All live in the weight manager. A weight form that is all zero is null (pooling
 * layers have no negative weights), so the propagation skips it.
 */
final class RuleTensors {

  final LinearForm form;
  final boolean conv;
  NDArray w;
  NDArray biasVector;
  NDArray bias;
  NDArray wPos;
  NDArray wNeg;
  NDArray biasPos;
  NDArray biasNeg;
  NDArray wSquare;
  NDArray ones;
  NDArray wGammaPos;
  NDArray wGammaNeg;
  NDArray biasGammaPos;
  NDArray biasGammaNeg;
  NDArray flatDenominator;
  NDArray wSquareDenominator;
  NDArray zBoxWeight;
  NDArray zBoxOffset;

  private RuleTensors(LinearForm form) {
    this.form = form;
    this.conv = !form.dense();
  }

  /** The tensors for {@code rule} on a node of affine form {@code form} reading per-sample {@code inShape}. */
  static RuleTensors make(DeviceGraph dg, LinearForm form, int[] inShape, Rule rule) {
    RuleTensors t = new RuleTensors(form);
    double[] w = form.weight();
    double[] b = form.bias();
    long[] ws = form.weightShape();
    long[] bs = form.dense() ? new long[] {b.length} : new long[] {b.length, 1, 1};
    t.w = dg.constant(w, ws);
    t.biasVector = dg.constant(b, new long[] {b.length});
    t.bias = dg.constant(b, bs);
    if (rule instanceof Rule.ZPlus || rule instanceof Rule.AlphaBeta) {
      parts(t, dg, w, b, ws, bs);
    } else if (rule instanceof Rule.Gamma g) {
      double[] gp = new double[w.length];
      double[] gn = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        gp[i] = w[i] + g.gamma() * Math.max(w[i], 0);
        gn[i] = w[i] + g.gamma() * Math.min(w[i], 0);
      }
      double[] bgp = new double[b.length];
      double[] bgn = new double[b.length];
      for (int i = 0; i < b.length; i++) {
        bgp[i] = b[i] + g.gamma() * Math.max(b[i], 0);
        bgn[i] = b[i] + g.gamma() * Math.min(b[i], 0);
      }
      t.wGammaPos = dg.constant(gp, ws);
      t.wGammaNeg = dg.constant(gn, ws);
      t.biasGammaPos = dg.constant(bgp, bs);
      t.biasGammaNeg = dg.constant(bgn, bs);
    } else if (rule instanceof Rule.WSquare s) {
      double[] sq = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        sq[i] = w[i] * w[i];
      }
      t.wSquare = dg.constant(sq, ws);
      t.wSquareDenominator = Propagation.stabilize(denominator(dg, form, inShape, t.wSquare, 1.0), s.stabilizer());
    } else if (rule instanceof Rule.Flat f) {
      double[] one = new double[w.length];
      java.util.Arrays.fill(one, 1.0);
      t.ones = dg.constant(one, ws);
      t.flatDenominator = Propagation.stabilize(denominator(dg, form, inShape, t.ones, 1.0), f.stabilizer());
    } else if (rule instanceof Rule.ZBox zb) {
      // the bounds are scalars, so their two terms make one weight: V = low W+ + high W-
      double[] v = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        v[i] = zb.low() * Math.max(w[i], 0) + zb.high() * Math.min(w[i], 0);
      }
      t.zBoxWeight = dg.constant(v, ws);
      t.zBoxOffset = denominator(dg, form, inShape, t.zBoxWeight, 1.0);
    }
    return t;
  }

  private static void parts(RuleTensors t, DeviceGraph dg, double[] w, double[] b, long[] ws, long[] bs) {
    double[] pos = new double[w.length];
    double[] neg = new double[w.length];
    boolean anyPos = false;
    boolean anyNeg = false;
    for (int i = 0; i < w.length; i++) {
      pos[i] = Math.max(w[i], 0);
      neg[i] = Math.min(w[i], 0);
      anyPos |= pos[i] != 0;
      anyNeg |= neg[i] != 0;
    }
    double[] bp = new double[b.length];
    double[] bn = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      bp[i] = Math.max(b[i], 0);
      bn[i] = Math.min(b[i], 0);
    }
    t.wPos = anyPos ? dg.constant(pos, ws) : null;
    t.wNeg = anyNeg ? dg.constant(neg, ws) : null;
    t.biasPos = dg.constant(bp, bs);
    t.biasNeg = dg.constant(bn, bs);
  }

  /** The affine map with {@code weight} (no bias) of a constant sample filled with {@code value}: {@code [1, out...]}. */
  private static NDArray denominator(DeviceGraph dg, LinearForm form, int[] inShape, NDArray weight, double value) {
    long[] shape = new long[inShape.length + 1];
    shape[0] = 1;
    int n = 1;
    for (int i = 0; i < inShape.length; i++) {
      shape[i + 1] = inShape[i];
      n *= inShape[i];
    }
    double[] v = new double[n];
    java.util.Arrays.fill(v, value);
    NDArray x = dg.constant(v, shape);
    return Ops.affine(form, x, weight, null);
  }
}
