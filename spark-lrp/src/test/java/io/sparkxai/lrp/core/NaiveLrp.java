package io.sparkxai.lrp.core;

import io.sparkxai.nn.Graph;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent float64 reference for tests, written from the rules' formulas (Montavon et al.
 * 2019; zennit's and lrp_toolbox's definitions) with no DJL and no gradient trick: every affine layer
 * is enumerated as explicit (input, output, weight) contributions, and each rule distributes each
 * output's relevance over its contributions layer by layer, one sample at a time. Slow and simple
 * on purpose.
 */
final class NaiveLrp {

  /** One weighted connection of an affine layer. */
  private record Edge(int in, int out, double w) {}

  /** An affine layer as edges, a bias per output and an output scale (lrp_toolbox's sum pooling). */
  private record Affine(List<Edge> edges, double[] bias, int outSize, double scale) {}

  private final Graph graph;
  private final Map<String, Rule> rules;
  private final boolean zeroBias;
  private final Map<String, Affine> affine = new HashMap<>();

  NaiveLrp(Graph canonized, Map<String, Rule> rules, boolean zeroBias) {
    this.graph = canonized;
    this.rules = rules;
    this.zeroBias = zeroBias;
    for (Node n : canonized.nodes()) {
      Affine a = affineOf(n.layer(), canonized.shape(n.inputs().get(0)), canonized.shape(n.name()));
      if (a != null) {
        affine.put(n.name(), a);
      }
    }
  }

  /** Forward values of every tensor for one sample in C,H,W order. */
  Map<String, double[]> forward(double[] x) {
    Map<String, double[]> v = new HashMap<>();
    v.put(graph.inputName(), x);
    for (Node n : graph.nodes()) {
      List<double[]> in = new ArrayList<>();
      for (String i : n.inputs()) {
        in.add(v.get(i));
      }
      v.put(n.name(), forward(n, in));
    }
    return v;
  }

  private double[] forward(Node n, List<double[]> in) {
    Layer l = n.layer();
    double[] x = in.get(0);
    Affine a = affine.get(n.name());
    if (a != null) {
      double[] y = new double[a.outSize()];
      for (Edge e : a.edges()) {
        y[e.out()] += e.w() * x[e.in()];
      }
      for (int j = 0; j < y.length; j++) {
        y[j] = (y[j] + a.bias()[j]) * a.scale();
      }
      return y;
    }
    double[] y = new double[size(graph.shape(n.name()))];
    if (l instanceof Layer.ReLU) {
      for (int i = 0; i < y.length; i++) {
        y[i] = Math.max(x[i], 0);
      }
    } else if (l instanceof Layer.Sigmoid) {
      for (int i = 0; i < y.length; i++) {
        y[i] = 1 / (1 + Math.exp(-x[i]));
      }
    } else if (l instanceof Layer.LeakyReLU lr) {
      for (int i = 0; i < y.length; i++) {
        y[i] = x[i] > 0 ? x[i] : lr.alpha() * x[i];
      }
    } else if (l instanceof Layer.Concat c && c.axis() == 0) {
      int at = 0;
      for (double[] t : in) {
        System.arraycopy(t, 0, y, at, t.length);
        at += t.length;
      }
    } else if (l instanceof Layer.Tanh) {
      for (int i = 0; i < y.length; i++) {
        y[i] = Math.tanh(x[i]);
      }
    } else if (l instanceof Layer.Softmax) {
      double m = Double.NEGATIVE_INFINITY;
      for (double d : x) {
        m = Math.max(m, d);
      }
      double s = 0;
      for (int i = 0; i < y.length; i++) {
        y[i] = Math.exp(x[i] - m);
        s += y[i];
      }
      for (int i = 0; i < y.length; i++) {
        y[i] /= s;
      }
    } else if (l instanceof Layer.MaxPool2d) {
      int[] arg = maxIndex(n, x);
      for (int j = 0; j < y.length; j++) {
        y[j] = x[arg[j]];
      }
    } else if (l instanceof Layer.Add || l instanceof Layer.Sum) {
      for (double[] t : in) {
        for (int i = 0; i < y.length; i++) {
          y[i] += t[i];
        }
      }
    } else if (l instanceof Layer.Flatten f) {
      return permuteFlatten(f, graph.shape(n.inputs().get(0)), x, false);
    } else if (l instanceof Layer.Reshape || l instanceof Layer.Identity) {
      return x.clone();
    } else if (l instanceof Layer.Pad) {
      int[] map = padMap(n);
      for (int j = 0; j < y.length; j++) {
        y[j] = map[j] < 0 ? ((Layer.Pad) l).value() : x[map[j]];
      }
    } else {
      throw new IllegalArgumentException("reference has no forward for " + l.kind());
    }
    return y;
  }

  /** Input relevance (C,H,W order) for one sample, from output relevance {@code rOut}. */
  double[] relevance(double[] x, double[] rOut) {
    Map<String, double[]> v = forward(x);
    Map<String, double[]> r = new HashMap<>();
    r.put(graph.outputName(), rOut.clone());
    List<Node> nodes = graph.nodes();
    for (int k = nodes.size() - 1; k >= 0; k--) {
      Node n = nodes.get(k);
      double[] ry = r.get(n.name());
      if (ry == null) {
        continue; // nothing reaches this node
      }
      List<double[]> in = new ArrayList<>();
      for (String i : n.inputs()) {
        in.add(v.get(i));
      }
      List<double[]> rin = backward(n, in, v.get(n.name()), ry);
      for (int i = 0; i < n.inputs().size(); i++) {
        r.merge(n.inputs().get(i), rin.get(i), NaiveLrp::plus);
      }
    }
    return r.get(graph.inputName());
  }

  private List<double[]> backward(Node n, List<double[]> in, double[] y, double[] ry) {
    Layer l = n.layer();
    Rule rule = rules.get(n.name());
    double[] x = in.get(0);
    if (rule instanceof Rule.Pass) {
      return List.of(ry.clone());
    }
    if (l instanceof Layer.Sum) {
      double eps = Rule.denominatorEpsilon(rule);
      List<double[]> out = new ArrayList<>();
      for (double[] t : in) {
        double[] r = new double[t.length];
        for (int i = 0; i < t.length; i++) {
          r[i] = t[i] * ry[i] / stab(y[i], eps);
        }
        out.add(r);
      }
      return out;
    }
    Affine a = affine.get(n.name());
    if (a != null && rule != null) {
      return List.of(affineRule(a, rule, x, y, ry));
    }
    double[] rx = new double[x.length];
    if (l instanceof Layer.MaxPool2d) {
      int[] arg = maxIndex(n, x);
      for (int j = 0; j < ry.length; j++) {
        rx[arg[j]] += ry[j];
      }
      return List.of(rx);
    }
    if (l instanceof Layer.Add) {
      List<double[]> out = new ArrayList<>();
      for (int k = 0; k < in.size(); k++) {
        out.add(ry.clone());
      }
      return out;
    }
    if (l instanceof Layer.Flatten f) {
      return List.of(permuteFlatten(f, graph.shape(n.inputs().get(0)), ry, true));
    }
    if (l instanceof Layer.Concat) {
      List<double[]> out = new ArrayList<>();
      int at = 0;
      for (double[] t : in) {
        out.add(java.util.Arrays.copyOfRange(ry, at, at + t.length));
        at += t.length;
      }
      return out;
    }
    if (l instanceof Layer.Reshape || l instanceof Layer.Identity) {
      return List.of(ry.clone());
    }
    if (l instanceof Layer.Pad) {
      int[] map = padMap(n);
      for (int j = 0; j < ry.length; j++) {
        if (map[j] >= 0) {
          rx[map[j]] += ry[j];
        }
      }
      return List.of(rx);
    }
    throw new IllegalArgumentException("reference has no relevance rule for node " + n.name() + " (" + l.kind()
        + ") with rule " + rule);
  }

  private double[] affineRule(Affine a, Rule rule, double[] x, double[] y, double[] ry) {
    int m = a.outSize();
    double[] bias = zeroBias ? new double[m] : a.bias();
    double[] rx = new double[x.length];
    if (rule instanceof Rule.Z || rule instanceof Rule.Epsilon || rule instanceof Rule.Norm) {
      double[] z = bias.clone();
      for (Edge e : a.edges()) {
        z[e.out()] += x[e.in()] * e.w();
      }
      for (Edge e : a.edges()) {
        rx[e.in()] += x[e.in()] * e.w() * ry[e.out()] / stab(z[e.out()], Rule.denominatorEpsilon(rule));
      }
    } else if (rule instanceof Rule.ZPlus || rule instanceof Rule.AlphaBeta) {
      double alpha = rule instanceof Rule.AlphaBeta ab ? ab.alpha() : 1;
      double beta = rule instanceof Rule.AlphaBeta ab ? ab.beta() : 0;
      double st = rule instanceof Rule.AlphaBeta ab ? ab.stabilizer() : ((Rule.ZPlus) rule).stabilizer();
      double[] zp = new double[m];
      double[] zn = new double[m];
      for (int j = 0; j < m; j++) {
        zp[j] = Math.max(bias[j], 0);
        zn[j] = Math.min(bias[j], 0);
      }
      for (Edge e : a.edges()) {
        double c = x[e.in()] * e.w();
        zp[e.out()] += Math.max(c, 0);
        zn[e.out()] += Math.min(c, 0);
      }
      for (Edge e : a.edges()) {
        double c = x[e.in()] * e.w();
        rx[e.in()] += alpha * Math.max(c, 0) * ry[e.out()] / stab(zp[e.out()], st)
            - beta * Math.min(c, 0) * ry[e.out()] / stab(zn[e.out()], st);
      }
    } else if (rule instanceof Rule.Gamma g) {
      double gm = g.gamma();
      double[] zp = new double[m];
      double[] zn = new double[m];
      for (int j = 0; j < m; j++) {
        zp[j] = bias[j] + gm * Math.max(bias[j], 0);
        zn[j] = bias[j] + gm * Math.min(bias[j], 0);
      }
      for (Edge e : a.edges()) {
        zp[e.out()] += gammaPos(x[e.in()], e.w(), gm);
        zn[e.out()] += gammaNeg(x[e.in()], e.w(), gm);
      }
      for (Edge e : a.edges()) {
        int j = e.out();
        double up = y[j] > 0 ? gammaPos(x[e.in()], e.w(), gm) * ry[j] / stab(zp[j], g.stabilizer()) : 0;
        double down = y[j] < 0 ? gammaNeg(x[e.in()], e.w(), gm) * ry[j] / stab(zn[j], g.stabilizer()) : 0;
        rx[e.in()] += up + down;
      }
    } else if (rule instanceof Rule.ZBox zb) {
      double[] z = new double[m];
      for (Edge e : a.edges()) {
        z[e.out()] += boxTerm(x[e.in()], e.w(), zb);
      }
      for (Edge e : a.edges()) {
        rx[e.in()] += boxTerm(x[e.in()], e.w(), zb) * ry[e.out()] / stab(z[e.out()], zb.stabilizer());
      }
    } else if (rule instanceof Rule.Flat || rule instanceof Rule.WSquare) {
      boolean flat = rule instanceof Rule.Flat;
      double st = flat ? ((Rule.Flat) rule).stabilizer() : ((Rule.WSquare) rule).stabilizer();
      double[] z = new double[m];
      for (Edge e : a.edges()) {
        z[e.out()] += flat ? 1 : e.w() * e.w();
      }
      for (Edge e : a.edges()) {
        rx[e.in()] += (flat ? 1 : e.w() * e.w()) * ry[e.out()] / stab(z[e.out()], st);
      }
    } else {
      throw new IllegalArgumentException("reference has no rule " + rule);
    }
    return rx;
  }

  private static double gammaPos(double x, double w, double g) {
    return x > 0 ? x * (w + g * Math.max(w, 0)) : x * (w + g * Math.min(w, 0));
  }

  private static double gammaNeg(double x, double w, double g) {
    return x > 0 ? x * (w + g * Math.min(w, 0)) : x * (w + g * Math.max(w, 0));
  }

  private static double boxTerm(double x, double w, Rule.ZBox zb) {
    return x * w - zb.low() * Math.max(w, 0) - zb.high() * Math.min(w, 0);
  }

  private static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  static double stab(double z, double e) {
    return z + (z >= 0 ? e : -e);
  }

  private static double[] plus(double[] a, double[] b) {
    double[] c = a.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] += b[i];
    }
    return c;
  }

  private int[] maxIndex(Node n, double[] x) {
    Layer.MaxPool2d m = (Layer.MaxPool2d) n.layer();
    int[] s = graph.shape(n.inputs().get(0));
    int[] o = graph.shape(n.name());
    int[] arg = new int[o[0] * o[1] * o[2]];
    for (int c = 0; c < o[0]; c++) {
      for (int oy = 0; oy < o[1]; oy++) {
        for (int ox = 0; ox < o[2]; ox++) {
          int best = -1;
          for (int ky = 0; ky < m.kh(); ky++) {
            for (int kx = 0; kx < m.kw(); kx++) {
              int iy = oy * m.stride()[0] - m.pads()[0] + ky;
              int ix = ox * m.stride()[1] - m.pads()[1] + kx;
              if (iy < 0 || ix < 0 || iy >= s[1] || ix >= s[2]) {
                continue;
              }
              int idx = (c * s[1] + iy) * s[2] + ix;
              if (best < 0 || x[idx] > x[best]) {
                best = idx;
              }
            }
          }
          arg[(c * o[1] + oy) * o[2] + ox] = best;
        }
      }
    }
    return arg;
  }

  private int[] padMap(Node n) {
    Layer.Pad p = (Layer.Pad) n.layer();
    int[] s = graph.shape(n.inputs().get(0));
    int[] o = graph.shape(n.name());
    int r = s.length;
    int total = 1;
    for (int d : o) {
      total *= d;
    }
    int[] map = new int[total];
    for (int j = 0; j < total; j++) {
      int rem = j;
      int idx = 0;
      boolean inside = true;
      int stride = 1;
      int[] coord = new int[r];
      for (int d = r - 1; d >= 0; d--) {
        coord[d] = rem % o[d];
        rem /= o[d];
      }
      for (int d = r - 1; d >= 0; d--) {
        int c = coord[d] - p.pads()[d];
        if (c < 0 || c >= s[d]) {
          inside = false;
        }
        idx += c * stride;
        stride *= s[d];
      }
      map[j] = inside ? idx : -1;
    }
    return map;
  }

  private static double[] permuteFlatten(Layer.Flatten f, int[] s, double[] v, boolean inverse) {
    if (!f.channelsLast() || s.length != 3) {
      return v.clone();
    }
    double[] out = new double[v.length];
    for (int c = 0; c < s[0]; c++) {
      for (int y = 0; y < s[1]; y++) {
        for (int x = 0; x < s[2]; x++) {
          int chw = (c * s[1] + y) * s[2] + x;
          int hwc = (y * s[2] + x) * s[0] + c;
          if (inverse) {
            out[chw] = v[hwc];
          } else {
            out[hwc] = v[chw];
          }
        }
      }
    }
    return out;
  }

  private static Affine affineOf(Layer l, int[] s, int[] o) {
    List<Edge> edges = new ArrayList<>();
    if (l instanceof Layer.Linear lin) {
      double[] w = lin.weight();
      for (int j = 0; j < lin.out(); j++) {
        for (int i = 0; i < lin.in(); i++) {
          edges.add(new Edge(i, j, w[j * lin.in() + i]));
        }
      }
      return new Affine(edges, lin.bias(), lin.out(), 1);
    }
    if (l instanceof Layer.Conv2d c) {
      return convOf(c, s, o);
    }
    int kh;
    int kw;
    int[] stride;
    int[] pads = {0, 0, 0, 0};
    double w;
    double scale = 1;
    if (l instanceof Layer.AvgPool2d a && a.uniform()) {
      kh = a.kh();
      kw = a.kw();
      stride = a.stride();
      pads = a.pads();
      w = 1.0 / (kh * kw);
    } else if (l instanceof Layer.SumPool2d sp) {
      kh = sp.kh();
      kw = sp.kw();
      stride = sp.stride();
      w = 1;
      scale = sp.scale();
    } else if (l instanceof Layer.GlobalAvgPool) {
      kh = s[1];
      kw = s[2];
      stride = new int[] {1, 1};
      w = 1.0 / (kh * kw);
    } else {
      return null;
    }
    for (int c = 0; c < o[0]; c++) {
      for (int oy = 0; oy < o[1]; oy++) {
        for (int ox = 0; ox < o[2]; ox++) {
          int j = (c * o[1] + oy) * o[2] + ox;
          for (int ky = 0; ky < kh; ky++) {
            for (int kx = 0; kx < kw; kx++) {
              int iy = oy * stride[0] - pads[0] + ky;
              int ix = ox * stride[1] - pads[1] + kx;
              if (iy >= 0 && ix >= 0 && iy < s[1] && ix < s[2]) {
                edges.add(new Edge((c * s[1] + iy) * s[2] + ix, j, w));
              }
            }
          }
        }
      }
    }
    return new Affine(edges, new double[o[0] * o[1] * o[2]], o[0] * o[1] * o[2], scale);
  }

  /** A convolution's edges: input value to output value, with its weight (grouped, strided, dilated, padded). */
  private static Affine convOf(Layer.Conv2d c, int[] s, int[] o) {
    List<Edge> edges = new ArrayList<>();
    double[] w = c.weight();
    int cinG = c.inChannels() / c.groups();
    int coutG = c.outChannels() / c.groups();
    for (int oc = 0; oc < c.outChannels(); oc++) {
      int g = oc / coutG;
      for (int oy = 0; oy < o[1]; oy++) {
        for (int ox = 0; ox < o[2]; ox++) {
          int j = (oc * o[1] + oy) * o[2] + ox;
          for (int ci = 0; ci < cinG; ci++) {
            for (int ky = 0; ky < c.kh(); ky++) {
              for (int kx = 0; kx < c.kw(); kx++) {
                int iy = oy * c.stride()[0] - c.pads()[0] + ky * c.dilation()[0];
                int ix = ox * c.stride()[1] - c.pads()[1] + kx * c.dilation()[1];
                if (iy < 0 || ix < 0 || iy >= s[1] || ix >= s[2]) {
                  continue;
                }
                int ic = g * cinG + ci;
                edges.add(new Edge((ic * s[1] + iy) * s[2] + ix, j, w[((oc * cinG + ci) * c.kh() + ky) * c.kw() + kx]));
              }
            }
          }
        }
      }
    }
    double[] b = new double[o[0] * o[1] * o[2]];
    for (int j = 0; j < b.length; j++) {
      b[j] = c.bias()[j / (o[1] * o[2])];
    }
    return new Affine(edges, b, b.length, 1);
  }
}
