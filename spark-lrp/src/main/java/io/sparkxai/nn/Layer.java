package io.sparkxai.nn;

import java.util.Arrays;
import java.util.List;

/**
 * One operation of a {@link Graph}. Shapes are per sample (no batch axis): images are
 * {@code [channels, height, width]} (NCHW without N), vectors {@code [features]}. Weights are
 * floating-point arrays in the layouts named on each layer, kept in double precision so that a
 * float64 computation sees the file's exact values (they become float32 on the device when asked);
 * layers are immutable (arrays are copied in and out).
 */
public sealed interface Layer extends java.io.Serializable {

  /** A short name of the operation, e.g. {@code Conv2d}. */
  default String kind() {
    return getClass().getSimpleName();
  }

  /** How many inputs the layer takes; -1 for any number of at least two. */
  default int arity() {
    return 1;
  }

  /**
   * The output shape for the given input shapes.
   *
   * @throws IllegalArgumentException naming what does not fit
   */
  int[] outputShape(List<int[]> inputs);

  /** A dense layer {@code y = W x + b}; {@code weight} is {@code [out][in]} row-major, {@code bias} {@code [out]}. */
  record Linear(int in, int out, double[] weight, double[] bias) implements Layer {
    /** Checks the sizes and copies the arrays. */
    public Linear {
      Shapes.require(in > 0 && out > 0, "Linear needs in, out > 0, got %d, %d", in, out);
      Shapes.require(weight.length == (long) in * out, "Linear %dx%d needs %d weights, got %d", out, in,
          in * out, weight.length);
      bias = bias == null ? new double[out] : bias.clone();
      Shapes.require(bias.length == out, "Linear bias needs %d values, got %d", out, bias.length);
      weight = weight.clone();
    }

    @Override public double[] weight() { return weight.clone(); }
    @Override public double[] bias() { return bias.clone(); }

    @Override
    public int[] outputShape(List<int[]> inputs) {
      int[] s = inputs.get(0);
      Shapes.require(s.length == 1 && s[0] == in, "Linear expects [%d], got %s", in, Arrays.toString(s));
      return new int[] {out};
    }
  }

  /**
   * A 2-D convolution (cross-correlation, as PyTorch and ONNX define it). {@code weight} is
   * {@code [outChannels][inChannels/groups][kh][kw]} row-major; {@code pads} are
   * {@code top, left, bottom, right}.
   */
  record Conv2d(int inChannels, int outChannels, int kh, int kw, int[] stride, int[] pads, int[] dilation,
      int groups, double[] weight, double[] bias) implements Layer {
    /** Checks the sizes and copies the arrays. */
    public Conv2d {
      Shapes.require(inChannels > 0 && outChannels > 0 && kh > 0 && kw > 0, "Conv2d needs positive sizes");
      Shapes.require(groups > 0 && inChannels % groups == 0 && outChannels % groups == 0,
          "Conv2d groups=%d must divide in channels %d and out channels %d", groups, inChannels, outChannels);
      stride = Shapes.pair(stride, "stride");
      dilation = Shapes.pair(dilation, "dilation");
      pads = pads == null ? new int[4] : pads.clone();
      Shapes.require(pads.length == 4 && Arrays.stream(pads).allMatch(p -> p >= 0), "Conv2d pads must be 4 values >= 0");
      long n = (long) outChannels * (inChannels / groups) * kh * kw;
      Shapes.require(weight.length == n, "Conv2d weight needs %d values, got %d", n, weight.length);
      weight = weight.clone();
      bias = bias == null ? new double[outChannels] : bias.clone();
      Shapes.require(bias.length == outChannels, "Conv2d bias needs %d values, got %d", outChannels, bias.length);
    }

    @Override public double[] weight() { return weight.clone(); }
    @Override public double[] bias() { return bias.clone(); }
    @Override public int[] stride() { return stride.clone(); }
    @Override public int[] pads() { return pads.clone(); }
    @Override public int[] dilation() { return dilation.clone(); }

    /** Whether top equals bottom and left equals right padding. */
    public boolean symmetricPads() {
      return pads[0] == pads[2] && pads[1] == pads[3];
    }

    @Override
    public int[] outputShape(List<int[]> inputs) {
      int[] s = Shapes.image(inputs.get(0), "Conv2d");
      Shapes.require(s[0] == inChannels, "Conv2d expects %d input channels, got %d", inChannels, s[0]);
      return new int[] {outChannels,
          Shapes.windowOut(s[1], kh, stride[0], pads[0], pads[2], dilation[0], false, "Conv2d height"),
          Shapes.windowOut(s[2], kw, stride[1], pads[1], pads[3], dilation[1], false, "Conv2d width")};
    }
  }

  /** A 2-D max pooling; {@code pads} are top, left, bottom, right (padding never wins). */
  record MaxPool2d(int kh, int kw, int[] stride, int[] pads, boolean ceilMode) implements Layer {
    /** Checks and copies. */
    public MaxPool2d {
      stride = Shapes.pair(stride, "stride");
      pads = Shapes.windowPads(kh, kw, pads, "MaxPool2d");
    }

    @Override public int[] stride() { return stride.clone(); }
    @Override public int[] pads() { return pads.clone(); }

    @Override
    public int[] outputShape(List<int[]> inputs) {
      return Shapes.pooled(inputs.get(0), kh, kw, stride, pads, ceilMode, kind());
    }
  }

  /**
   * A 2-D average pooling; {@code countIncludePad} says whether padded zeros count in the mean
   * (ONNX's {@code count_include_pad}).
   */
  record AvgPool2d(int kh, int kw, int[] stride, int[] pads, boolean countIncludePad, boolean ceilMode)
      implements Layer {
    /** Checks and copies. */
    public AvgPool2d {
      stride = Shapes.pair(stride, "stride");
      pads = Shapes.windowPads(kh, kw, pads, "AvgPool2d");
    }

    @Override public int[] stride() { return stride.clone(); }
    @Override public int[] pads() { return pads.clone(); }

    /** Whether the layer is a plain depthwise convolution with weights 1/(kh*kw). */
    public boolean uniform() {
      return countIncludePad || Arrays.stream(pads).allMatch(p -> p == 0);
    }

    @Override
    public int[] outputShape(List<int[]> inputs) {
      return Shapes.pooled(inputs.get(0), kh, kw, stride, pads, ceilMode, kind());
    }
  }

  /**
   * lrp_toolbox's sum pooling: the window sum times {@code scale} (the toolbox uses 1/sqrt(kh*kw)).
   * LRP rules see it as a depthwise convolution with weights 1: the scale is left out of their
   * denominators, as the toolbox does.
   */
  record SumPool2d(int kh, int kw, int[] stride, double scale) implements Layer {
    /** Checks and copies. */
    public SumPool2d {
      stride = Shapes.pair(stride, "stride");
      Shapes.require(kh > 0 && kw > 0, "SumPool2d needs a kernel");
    }

    @Override public int[] stride() { return stride.clone(); }

    @Override
    public int[] outputShape(List<int[]> inputs) {
      return Shapes.pooled(inputs.get(0), kh, kw, stride, new int[4], false, kind());
    }
  }

  /** The mean over height and width, keeping {@code [C, 1, 1]} (ONNX GlobalAveragePool). */
  record GlobalAvgPool() implements Layer {
    @Override
    public int[] outputShape(List<int[]> inputs) {
      int[] s = Shapes.image(inputs.get(0), kind());
      return new int[] {s[0], 1, 1};
    }
  }

  /** Inference-time batch normalisation over axis 0 (channels): {@code (x - mean) / sqrt(var + eps) * scale + bias}. */
  record BatchNorm(double[] scale, double[] bias, double[] mean, double[] variance, double epsilon) implements Layer {
    /** Checks and copies. */
    public BatchNorm {
      int c = scale.length;
      Shapes.require(bias.length == c && mean.length == c && variance.length == c,
          "BatchNorm parameters need %d values each", c);
      Shapes.require(epsilon >= 0, "BatchNorm epsilon must be >= 0, got %s", epsilon);
      scale = scale.clone();
      bias = bias.clone();
      mean = mean.clone();
      variance = variance.clone();
    }

    @Override public double[] scale() { return scale.clone(); }
    @Override public double[] bias() { return bias.clone(); }
    @Override public double[] mean() { return mean.clone(); }
    @Override public double[] variance() { return variance.clone(); }

    /** Per channel {@code a} and {@code b} of the affine map {@code y = a x + b}, in double precision. */
    public double[][] affine() {
      int c = scale.length;
      double[] a = new double[c];
      double[] b = new double[c];
      for (int i = 0; i < c; i++) {
        a[i] = scale[i] / Math.sqrt(variance[i] + epsilon);
        b[i] = bias[i] - a[i] * mean[i];
      }
      return new double[][] {a, b};
    }

    @Override
    public int[] outputShape(List<int[]> inputs) {
      int[] s = inputs.get(0);
      Shapes.require(s.length >= 1 && s[0] == scale.length, "BatchNorm over %d channels got shape %s",
          scale.length, Arrays.toString(s));
      return s.clone();
    }
  }

  /** Rectified linear unit. */
  record ReLU() implements Layer {
    @Override public int[] outputShape(List<int[]> inputs) { return inputs.get(0).clone(); }
  }

  /** {@code max(x, 0) + alpha * min(x, 0)}. */
  record LeakyReLU(double alpha) implements Layer {
    @Override public int[] outputShape(List<int[]> inputs) { return inputs.get(0).clone(); }
  }

  /** Hyperbolic tangent. */
  record Tanh() implements Layer {
    @Override public int[] outputShape(List<int[]> inputs) { return inputs.get(0).clone(); }
  }

  /** Logistic sigmoid. */
  record Sigmoid() implements Layer {
    @Override public int[] outputShape(List<int[]> inputs) { return inputs.get(0).clone(); }
  }

  /** Softmax over per-sample axis {@code axis}. */
  record Softmax(int axis) implements Layer {
    @Override
    public int[] outputShape(List<int[]> inputs) {
      int[] s = inputs.get(0);
      Shapes.require(axis >= 0 && axis < s.length, "Softmax axis %d out of range for shape %s", axis,
          Arrays.toString(s));
      return s.clone();
    }
  }

  /** Passes its input on (ONNX Identity, Dropout at inference). */
  record Identity() implements Layer {
    @Override public int[] outputShape(List<int[]> inputs) { return inputs.get(0).clone(); }
  }

  /**
   * Flattens a sample to a vector; with {@code channelsLast} an image {@code [C,H,W]} is flattened
   * in H, W, C order (lrp_toolbox's NHWC layout), otherwise in C, H, W order (ONNX).
   */
  record Flatten(boolean channelsLast) implements Layer {
    @Override
    public int[] outputShape(List<int[]> inputs) {
      return new int[] {Shapes.size(inputs.get(0))};
    }
  }

  /** Reshapes a sample (row-major, no data movement); one entry may be -1. */
  record Reshape(int[] shape) implements Layer {
    /** Copies. */
    public Reshape {
      shape = shape.clone();
    }

    @Override public int[] shape() { return shape.clone(); }

    @Override
    public int[] outputShape(List<int[]> inputs) {
      return Shapes.resolveReshape(inputs.get(0), shape);
    }
  }

  /**
   * Constant padding of a sample: {@code pads} holds the begin pads of each per-sample axis, then the
   * end pads (ONNX's order without the batch axis).
   */
  record Pad(int[] pads, double value) implements Layer {
    /** Copies. */
    public Pad {
      pads = pads.clone();
      Shapes.require(pads.length % 2 == 0 && Arrays.stream(pads).allMatch(p -> p >= 0),
          "Pad needs begin and end pads >= 0, got %s", Arrays.toString(pads));
    }

    @Override public int[] pads() { return pads.clone(); }

    @Override
    public int[] outputShape(List<int[]> inputs) {
      int[] s = inputs.get(0);
      int r = s.length;
      Shapes.require(pads.length == 2 * r, "Pad has %d pads for a rank-%d sample", pads.length, r);
      int[] out = new int[r];
      for (int i = 0; i < r; i++) {
        out[i] = s[i] + pads[i] + pads[i + r];
      }
      return out;
    }
  }

  /** Element-wise sum of two or more tensors of the same shape, as the model computes it. */
  record Add() implements Layer {
    @Override public int arity() { return -1; }

    @Override
    public int[] outputShape(List<int[]> inputs) {
      return Shapes.sameShapes(inputs, "Add");
    }
  }

  /**
   * An explicit sum node: the same forward as {@link Add}, but a layer of its own that LRP treats
   * with a rule (the norm rule) instead of copying the relevance into every branch. The residual
   * canonizer puts it in place of {@link Add}.
   */
  record Sum() implements Layer {
    @Override public int arity() { return -1; }

    @Override
    public int[] outputShape(List<int[]> inputs) {
      return Shapes.sameShapes(inputs, "Sum");
    }
  }

  /** Concatenation along per-sample axis {@code axis}. */
  record Concat(int axis) implements Layer {
    @Override public int arity() { return -1; }

    @Override
    public int[] outputShape(List<int[]> inputs) {
      int[] first = inputs.get(0);
      Shapes.require(axis >= 0 && axis < first.length, "Concat axis %d out of range for %s", axis,
          Arrays.toString(first));
      int[] out = first.clone();
      for (int k = 1; k < inputs.size(); k++) {
        int[] s = inputs.get(k);
        Shapes.require(s.length == first.length, "Concat inputs differ in rank: %s vs %s", Arrays.toString(first),
            Arrays.toString(s));
        for (int i = 0; i < s.length; i++) {
          Shapes.require(i == axis || s[i] == first[i], "Concat inputs differ off axis %d: %s vs %s", axis,
              Arrays.toString(first), Arrays.toString(s));
        }
        out[axis] += s[axis];
      }
      return out;
    }
  }
}
