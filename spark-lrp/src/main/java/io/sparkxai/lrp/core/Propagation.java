package io.sparkxai.lrp.core;

import ai.djl.ndarray.NDArray;
import io.sparkxai.nn.DeviceGraph;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.LinearForm;
import io.sparkxai.nn.Node;
import io.sparkxai.nn.Ops;
import io.sparkxai.nn.Scalars;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass of LRP as a single forward and a single backward. Each node computes a surrogate of its
 * output whose value is the true output and whose gradient maps the relevance of the output to the
 * relevance of the inputs under the node's rule ("relevance form": the gradient reaching a tensor
 * <em>is</em> its relevance). The backward of {@code sum(output * R_init)} then leaves the input
 * relevance as the input's gradient. This is the modified-gradient view of LRP (Montavon et al. 2019,
 * section 10.2.3: {@code R_in = x * grad(z(x) * stopgrad(R_out / z(x)))}) applied to the whole network
 * at once, so no per-layer backward is needed.
 *
 * <p>Building blocks: {@code fix(g, y) = y + (g - stopgrad(g))} has exactly the value {@code y} and
 * the gradient of {@code g}; {@code gate(s, c, v) = fix(s*c, v)} has the value {@code v} and scales
 * the gradient by {@code c}. An epsilon layer is then {@code fix(W gate(s, x, x) / stab(z), y)}: backward
 * gives {@code x * W^T (R / stab(z))}, the epsilon rule.
 */
final class Propagation {

  private final DeviceGraph dg;
  private final Map<String, Rule> rules;
  private final Map<String, RuleTensors> tensors;
  private final Set<String> nonNegative;
  private final Set<String> plainRelu;
  private final boolean zeroBias;

  Propagation(DeviceGraph dg, Map<String, Rule> rules, Map<String, RuleTensors> tensors, Set<String> nonNegative,
      Set<String> plainRelu, boolean zeroBias) {
    this.dg = dg;
    this.rules = rules;
    this.tensors = tensors;
    this.nonNegative = nonNegative;
    this.plainRelu = plainRelu;
    this.zeroBias = zeroBias;
  }

  /** {@code z + s * sign(z)} with {@code sign(0) = +1}, detached. */
  static NDArray stabilize(NDArray z, double s) {
    // in place on a fresh array: +s where z >= 0, -s elsewhere, plus z (fewer allocations)
    NDArray shift = z.gte(Scalars.like(z, 0)).toType(z.getDataType(), false);
    return shift.muli(Scalars.like(z, 2 * s)).subi(Scalars.like(z, s)).addi(z);
  }

  private static NDArray fix(NDArray g, NDArray y) {
    // (g - g) + y is exactly y in floating point, and carries g's gradient; the in-place add is safe
    // because a subtraction's backward does not read its output
    return g.sub(g.stopGradient()).addi(y);
  }

  private static NDArray gate(NDArray s, NDArray c, NDArray value) {
    return fix(s.mul(c), value);
  }

  private static NDArray plus(NDArray a, NDArray b) {
    return a == null ? b : b == null ? a : a.add(b);
  }

  /** The surrogate output of node {@code n} from its inputs' surrogates {@code s} and values {@code v}. */
  NDArray node(Node n, List<NDArray> s, List<NDArray> v) {
    Rule rule = rules.get(n.name());
    Layer layer = n.layer();
    if (rule == null) {
      return Ops.forward(layer, s, dg.tensors(n.name()), dg.form(n.name()));
    }
    if (rule instanceof Rule.Pass) {
      if (plainRelu.contains(n.name())) {
        return Ops.forward(layer, s, null, null); // same relevance here, fewer passes (see LrpEngine)
      }
      return fix(s.get(0), plainForward(n, v));
    }
    if (layer instanceof Layer.Sum) {
      NDArray t = null;
      NDArray y = null;
      for (int k = 0; k < s.size(); k++) {
        t = plus(t, s.get(k).mul(v.get(k)));
        y = plus(y, v.get(k));
      }
      return fix(t.div(stabilize(y, Rule.denominatorEpsilon(rule))), y);
    }
    RuleTensors rt = tensors.get(n.name());
    if (rt == null) { // a pooling without an affine form: the epsilon rule through the operation itself
      NDArray t = Ops.forward(layer, List.of(gate(s.get(0), v.get(0), v.get(0))), null, null);
      NDArray y = t.stopGradient();
      return fix(t.div(stabilize(y, Rule.denominatorEpsilon(rule))), y);
    }
    return affine(n, rule, rt, s.get(0), v.get(0), nonNegative.contains(n.inputs().get(0)));
  }

  private NDArray plainForward(Node n, List<NDArray> v) {
    return Ops.forward(n.layer(), v, dg.tensors(n.name()), dg.form(n.name()));
  }

  private NDArray affine(Node n, Rule rule, RuleTensors rt, NDArray s, NDArray x, boolean nonNegativeInput) {
    LinearForm f = rt.form;
    boolean weighted = n.layer() instanceof Layer.Linear || n.layer() instanceof Layer.Conv2d;
    if (rule instanceof Rule.Z || rule instanceof Rule.Epsilon || rule instanceof Rule.Norm) {
      // the bias inside the affine map: its value is the layer's output, its gradient ignores the bias
      NDArray t = Ops.affine(f, gate(s, x, x), rt.w, rt.biasVector);
      NDArray y = t.stopGradient();
      NDArray z = zeroBias ? y.sub(rt.bias) : y;
      if (!weighted) {
        y = plainForward(n, List.of(x)); // lrp_toolbox's sum pooling scales its output, not its denominators
      }
      return fix(t.div(stabilize(z, Rule.denominatorEpsilon(rule))), y);
    }
    NDArray plainY = weighted ? null : plainForward(n, List.of(x));
    if (rule instanceof Rule.Flat) {
      return fix(Ops.affine(f, s, rt.ones, null).div(rt.flatDenominator), realOutput(f, rt, x, plainY));
    }
    if (rule instanceof Rule.WSquare) {
      return fix(Ops.affine(f, s, rt.wSquare, null).div(rt.wSquareDenominator), realOutput(f, rt, x, plainY));
    }
    if (rule instanceof Rule.ZBox zb) {
      NDArray t1 = Ops.affine(f, gate(s, x, x), rt.w, null);
      NDArray wx = t1.stopGradient();
      NDArray z = wx.sub(rt.zBoxOffset);
      NDArray y = plainY != null ? plainY : wx.add(rt.bias);
      // gradient: x W^T q - (low W+ + high W-)^T q, the z^B rule
      NDArray t = t1.sub(Ops.affine(f, s, rt.zBoxWeight, null));
      return fix(t.div(stabilize(z, zb.stabilizer())), y);
    }
    NDArray zero = nonNegativeInput ? null : Scalars.like(x, 0);
    NDArray pos = nonNegativeInput ? x : x.maximum(zero);
    NDArray pIn = gate(s, pos, pos);
    NDArray nIn = null;
    if (!nonNegativeInput) {
      NDArray neg = x.minimum(zero);
      nIn = gate(s, neg, neg);
    }
    if (rule instanceof Rule.ZPlus || rule instanceof Rule.AlphaBeta) {
      return alphaBeta(rule, f, rt, x, pIn, nIn, plainY);
    }
    if (rule instanceof Rule.Gamma g) {
      return gamma(g, f, rt, pIn, nIn, plainY);
    }
    throw new IllegalStateException("rule " + rule.describe() + " at node '" + n.name() + "' has no propagation");
  }

  /** z+ (alpha 1, beta 0) and alpha-beta, on the positive and negative parts of the input. */
  private NDArray alphaBeta(Rule rule, LinearForm f, RuleTensors rt, NDArray x, NDArray pIn, NDArray nIn,
      NDArray plainY) {
    double alpha = 1;
    double beta = 0;
    double st = rule instanceof Rule.ZPlus zp ? zp.stabilizer() : ((Rule.AlphaBeta) rule).stabilizer();
    if (rule instanceof Rule.AlphaBeta ab) {
      alpha = ab.alpha();
      beta = ab.beta();
    }
    NDArray tp = plus(apply(f, pIn, rt.wPos), apply(f, nIn, rt.wNeg));
    NDArray tn = beta == 0 ? null : plus(apply(f, pIn, rt.wNeg), apply(f, nIn, rt.wPos));
    NDArray y = plainY;
    if (y == null) {
      // with beta != 0 both halves are there: W x = (W+ x+ + W- x-) + (W- x+ + W+ x-), no extra map needed
      NDArray halves = beta == 0 ? null
          : plus(tp == null ? null : tp.stopGradient(), tn == null ? null : tn.stopGradient());
      y = halves == null ? realOutput(f, rt, x, null) : halves.add(rt.bias);
    }
    NDArray t = null;
    if (tp != null) {
      NDArray zp = zeroBias ? tp.stopGradient() : tp.stopGradient().add(rt.biasPos);
      t = tp.div(stabilize(zp, st));
      if (alpha != 1) {
        t = t.mul(Scalars.like(t, alpha));
      }
    }
    if (tn != null) {
      NDArray zn = zeroBias ? tn.stopGradient() : tn.stopGradient().add(rt.biasNeg);
      NDArray q = tn.div(stabilize(zn, st));
      NDArray neg = q.mul(Scalars.like(q, beta));
      t = t == null ? neg.neg() : t.sub(neg);
    }
    return t == null ? y : fix(t, y);
  }

  /** gamma: the positive (or negative) contributions enhanced by a factor 1 + gamma. */
  private NDArray gamma(Rule.Gamma g, LinearForm f, RuleTensors rt, NDArray pIn, NDArray nIn, NDArray plainY) {
    NDArray tp = plus(Ops.affine(f, pIn, rt.wGammaPos, null), nIn == null ? null : Ops.affine(f, nIn, rt.wGammaNeg,
        null));
    NDArray tn = plus(Ops.affine(f, pIn, rt.wGammaNeg, null), nIn == null ? null : Ops.affine(f, nIn, rt.wGammaPos,
        null));
    // (W + g W+) + (W + g W-) = (2 + g) W, so both halves together give the layer's output
    NDArray y = plainY != null ? plainY
        : tp.stopGradient().add(tn.stopGradient()).divi(Scalars.like(tp, 2 + g.gamma())).addi(rt.bias);
    NDArray zp = zeroBias ? tp.stopGradient() : tp.stopGradient().add(rt.biasGammaPos);
    NDArray zn = zeroBias ? tn.stopGradient() : tn.stopGradient().add(rt.biasGammaNeg);
    NDArray yZero = Scalars.like(y, 0);
    NDArray up = y.gt(yZero).toType(y.getDataType(), false).divi(stabilize(zp, g.stabilizer()));
    NDArray down = y.lt(yZero).toType(y.getDataType(), false).divi(stabilize(zn, g.stabilizer()));
    return fix(tp.mul(up).add(tn.mul(down)), y);
  }

  /** The layer's true output: the pooling's own value when given, else {@code W x + b}. */
  private static NDArray realOutput(LinearForm f, RuleTensors rt, NDArray x, NDArray plainY) {
    return plainY != null ? plainY : Ops.affine(f, x, rt.w, rt.biasVector);
  }

  private static NDArray apply(LinearForm f, NDArray in, NDArray weight) {
    return in == null || weight == null ? null : Ops.affine(f, in, weight, null);
  }
}
