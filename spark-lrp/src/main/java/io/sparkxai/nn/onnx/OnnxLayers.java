package io.sparkxai.nn.onnx;

import io.sparkxai.nn.Layer;
import io.sparkxai.nn.onnx.OnnxTensors.Constant;
import io.sparkxai.nn.onnx.proto.OnnxProto.NodeProto;
import java.util.Arrays;

/**
 * The layer each supported ONNX operator makes, from the node's attributes, its constant inputs
 * and the per-sample shape of its computed input (batch axis left out). The walk over the graph,
 * with tensor names and constants, is {@link OnnxImporter}'s; a node these methods cannot express
 * fails with {@link IllegalArgumentException} saying why.
 */
final class OnnxLayers {

  private OnnxLayers() {}

  static Layer.Conv2d conv(NodeProto n, Constant w, Constant b, int[] inputShape) {
    if (w.dims().length != 4) {
      throw new IllegalArgumentException("only 2-D convolutions are supported; weight has dims "
          + Arrays.toString(w.dims()));
    }
    int groups = (int) OnnxAttributes.intAttr(n, "group", 1);
    int outC = (int) w.dims()[0];
    int inC = (int) w.dims()[1] * groups;
    int kh = (int) w.dims()[2];
    int kw = (int) w.dims()[3];
    int[] stride = OnnxAttributes.ints(n, "strides", new int[] {1, 1});
    int[] dilation = OnnxAttributes.ints(n, "dilations", new int[] {1, 1});
    int[] pads = OnnxAttributes.pads(n, inputShape, new int[] {kh, kw}, stride, dilation);
    return new Layer.Conv2d(inC, outC, kh, kw, stride, pads, dilation, groups, w.values(),
        b == null ? null : b.values());
  }

  /** Gemm's {@code alpha * x * op(B) + beta * C}; {@code c} may be null (no bias). */
  static Layer.Linear gemm(NodeProto n, Constant bm, Constant c, int[] inputShape) {
    boolean transB = OnnxAttributes.intAttr(n, "transB", 0) != 0;
    double alpha = OnnxAttributes.floatAttr(n, "alpha", 1f);
    double beta = OnnxAttributes.floatAttr(n, "beta", 1f);
    int rows = (int) bm.dims()[0];
    int cols = (int) bm.dims()[1];
    int in = transB ? cols : rows;
    int out = transB ? rows : cols;
    double[] w = transposed(bm.values(), in, out, transB, alpha);
    double[] bias = new double[out];
    if (c != null) {
      double[] cv = c.values();
      if (cv.length != 1 && cv.length != out) {
        throw new IllegalArgumentException("Gemm C must have 1 or " + out + " values, has " + cv.length);
      }
      for (int o = 0; o < out; o++) {
        bias[o] = beta * cv[cv.length == 1 ? 0 : o];
      }
    }
    requireVector(inputShape, in);
    return new Layer.Linear(in, out, w, bias);
  }

  /** MatMul by a constant 2-D right-hand side: a linear layer without bias. */
  static Layer.Linear matMul(Constant bm, int[] inputShape) {
    if (bm.dims().length != 2) {
      throw new IllegalArgumentException("MatMul needs a 2-D constant right-hand side, got dims "
          + Arrays.toString(bm.dims()));
    }
    int in = (int) bm.dims()[0];
    int out = (int) bm.dims()[1];
    double[] w = transposed(bm.values(), in, out, false, 1);
    requireVector(inputShape, in);
    return new Layer.Linear(in, out, w, null);
  }

  /**
   * Our weight layout {@code w[o * in + i]} from ONNX's right-hand side, stored {@code [in, out]}
   * ({@code v[i * out + o]}), or {@code [out, in]} when {@code transposed}; times {@code alpha}.
   */
  private static double[] transposed(double[] v, int in, int out, boolean transposed, double alpha) {
    double[] w = new double[in * out];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        w[o * in + i] = alpha * (transposed ? v[o * in + i] : v[i * out + o]);
      }
    }
    return w;
  }

  private static void requireVector(int[] s, int in) {
    if (s.length != 1 || s[0] != in) {
      throw new IllegalArgumentException("expects a vector of " + in + " per sample, got shape "
          + Arrays.toString(s) + " (add a Flatten before it)");
    }
  }

  static Layer.Softmax softmax(NodeProto n, int[] s, int opset) {
    long axis = OnnxAttributes.intAttr(n, "axis", opset >= 13 ? -1 : 1);
    int rank = s.length + 1;
    int a = (int) (axis < 0 ? rank + axis : axis);
    if (a < 1) {
      throw new IllegalArgumentException("Softmax over the batch axis is not supported");
    }
    if (opset < 13 && a != rank - 1) {
      throw new IllegalArgumentException("Softmax before opset 13 flattens from axis " + axis
          + "; only the last axis is supported");
    }
    return new Layer.Softmax(a - 1);
  }

  static Layer.MaxPool2d maxPool(NodeProto n, int[] s) {
    int[] k = OnnxAttributes.ints(n, "kernel_shape", null);
    int[] dil = OnnxAttributes.ints(n, "dilations", new int[] {1, 1});
    if (dil[0] != 1 || dil[1] != 1) {
      throw new IllegalArgumentException("MaxPool with dilations is not supported");
    }
    if (OnnxAttributes.intAttr(n, "storage_order", 0) != 0) {
      throw new IllegalArgumentException("MaxPool with storage_order 1 is not supported");
    }
    int[] stride = OnnxAttributes.ints(n, "strides", new int[] {1, 1});
    int[] pads = OnnxAttributes.pads(n, s, k, stride, dil);
    return new Layer.MaxPool2d(k[0], k[1], stride, pads, OnnxAttributes.intAttr(n, "ceil_mode", 0) != 0);
  }

  static Layer.AvgPool2d avgPool(NodeProto n, int[] s) {
    int[] k = OnnxAttributes.ints(n, "kernel_shape", null);
    int[] stride = OnnxAttributes.ints(n, "strides", new int[] {1, 1});
    int[] pads = OnnxAttributes.pads(n, s, k, stride, new int[] {1, 1});
    boolean include = OnnxAttributes.intAttr(n, "count_include_pad", 0) != 0;
    if (!include && (pads[0] != pads[2] || pads[1] != pads[3])) {
      throw new IllegalArgumentException("AveragePool with asymmetric pads and count_include_pad=0 is not"
          + " supported");
    }
    return new Layer.AvgPool2d(k[0], k[1], stride, pads, include, OnnxAttributes.intAttr(n, "ceil_mode", 0) != 0);
  }

  static Layer.Flatten flatten(NodeProto n) {
    long axis = OnnxAttributes.intAttr(n, "axis", 1);
    if (axis != 1) {
      throw new IllegalArgumentException("Flatten with axis " + axis + " is not supported (only axis 1, which"
          + " keeps the batch axis)");
    }
    return new Layer.Flatten(false);
  }

  static Layer.Concat concat(NodeProto n, int[] s) {
    int axis = (int) OnnxAttributes.intAttr(n, "axis", 1);
    int sampleAxis = axis < 0 ? s.length + 1 + axis - 1 : axis - 1;
    if (sampleAxis < 0) {
      throw new IllegalArgumentException("Concat along the batch axis is not supported");
    }
    return new Layer.Concat(sampleAxis);
  }

  static Layer.Reshape reshape(NodeProto n, long[] target, int[] s) {
    boolean allowZero = OnnxAttributes.intAttr(n, "allowzero", 0) != 0;
    // the first entry is the batch axis: 0 (copy), -1 (inferred) or 1 (a model exported for batch 1)
    if (target.length < 1 || !(target[0] == 0 && !allowZero || target[0] == -1 || target[0] == 1)) {
      throw new IllegalArgumentException("Reshape target " + Arrays.toString(target) + " must keep the batch axis"
          + " (first entry 0, 1, or -1 with fixed sizes after it)");
    }
    int[] sample = new int[target.length - 1];
    for (int i = 1; i < target.length; i++) {
      if (target[i] == 0 && !allowZero) {
        if (i - 1 >= s.length) {
          throw new IllegalArgumentException("Reshape copies axis " + i + ", which the input does not have");
        }
        sample[i - 1] = s[i - 1];
      } else {
        sample[i - 1] = (int) target[i];
      }
    }
    if (target[0] == -1 && Arrays.stream(sample).anyMatch(v -> v < 0)) {
      throw new IllegalArgumentException("Reshape target " + Arrays.toString(target) + " leaves the batch axis"
          + " ambiguous");
    }
    return new Layer.Reshape(sample);
  }

  /** Fails unless Pad's mode is constant. */
  static void requireConstantPad(NodeProto n) {
    String mode = OnnxAttributes.stringAttr(n, "mode", "constant");
    if (!mode.equals("constant")) {
      throw new IllegalArgumentException("Pad mode '" + mode + "' is not supported (only constant)");
    }
  }

  /**
   * Pad's per-sample pads (begins, then ends, batch axis left out) from ONNX's {@code pads} input
   * {@code p} (begins, then ends, for every axis); all zero means the Pad does nothing.
   */
  static int[] samplePads(long[] p, int[] s) {
    int rank = p.length / 2;
    if (rank != s.length + 1 || p[0] != 0 || p[rank] != 0) {
      throw new IllegalArgumentException("Pad needs pads for every axis and none on the batch axis, got "
          + Arrays.toString(p));
    }
    int[] sample = new int[2 * (rank - 1)];
    for (int i = 1; i < rank; i++) {
      sample[i - 1] = (int) p[i];
      sample[i - 1 + rank - 1] = (int) p[i + rank];
    }
    return sample;
  }

  /** {@code layer} (a Linear or Conv2d) with {@code extra} added to its bias: an ONNX Add of a constant folded in. */
  static Layer withExtraBias(Layer layer, double[] extra) {
    if (layer instanceof Layer.Linear l) {
      return new Layer.Linear(l.in(), l.out(), l.weight(), plus(l.bias(), extra));
    }
    Layer.Conv2d c = (Layer.Conv2d) layer;
    return new Layer.Conv2d(c.inChannels(), c.outChannels(), c.kh(), c.kw(), c.stride(), c.pads(), c.dilation(),
        c.groups(), c.weight(), plus(c.bias(), extra));
  }

  private static double[] plus(double[] bias, double[] extra) {
    if (extra.length != 1 && extra.length != bias.length) {
      throw new IllegalArgumentException("a bias of " + extra.length + " values does not fit " + bias.length
          + " outputs");
    }
    double[] out = bias.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += extra[extra.length == 1 ? 0 : i];
    }
    return out;
  }
}
