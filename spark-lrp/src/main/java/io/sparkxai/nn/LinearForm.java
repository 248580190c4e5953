package io.sparkxai.nn;

import java.util.Arrays;

/**
 * A layer seen as an affine map {@code y = W x + b} with the geometry to apply any other weights of
 * the same shape: a dense matrix, or a (possibly grouped, depthwise) 2-D convolution. Linear, Conv2d
 * and the pooling layers that are convolutions in disguise (average, sum, global average) have one;
 * LRP rules that modify weights (positive part, squares, ones) work on it.
 *
 * @param dense true for a dense layer ({@code weight} is {@code [out][in]}), false for a convolution
 *     ({@code weight} is {@code [out][in/groups][kh][kw]})
 * @param weight the weights as the layer computes them
 * @param bias the bias, {@code [out]} (zeros for pools)
 * @param weightShape the weight's shape
 * @param stride, pads (top, left, bottom, right), dilation, groups: the convolution geometry (ignored when dense)
 */
public record LinearForm(boolean dense, double[] weight, double[] bias, long[] weightShape, int[] stride, int[] pads,
    int[] dilation, int groups) {

  /** Copies. */
  public LinearForm {
    weight = weight.clone();
    bias = bias.clone();
    weightShape = weightShape.clone();
    stride = stride.clone();
    pads = pads.clone();
    dilation = dilation.clone();
  }

  @Override public double[] weight() { return weight.clone(); }
  @Override public double[] bias() { return bias.clone(); }
  @Override public long[] weightShape() { return weightShape.clone(); }
  @Override public int[] stride() { return stride.clone(); }
  @Override public int[] pads() { return pads.clone(); }
  @Override public int[] dilation() { return dilation.clone(); }

  /**
   * The affine form of {@code layer} reading a tensor of per-sample shape {@code inputShape}, or null
   * when the layer is not affine (activations, max pooling) or not a plain convolution (an average
   * pooling that leaves padding out of its count, or one in ceil mode).
   */
  public static LinearForm of(Layer layer, int[] inputShape) {
    int[] none = {0, 0, 0, 0};
    int[] one = {1, 1};
    if (layer instanceof Layer.Linear l) {
      return new LinearForm(true, l.weight(), l.bias(), new long[] {l.out(), l.in()}, one, none, one, 1);
    }
    if (layer instanceof Layer.Conv2d c) {
      return new LinearForm(false, c.weight(), c.bias(),
          new long[] {c.outChannels(), c.inChannels() / c.groups(), c.kh(), c.kw()}, c.stride(), c.pads(),
          c.dilation(), c.groups());
    }
    if (layer instanceof Layer.AvgPool2d a) {
      if (!a.uniform() || a.ceilMode()) {
        return null;
      }
      return depthwise(inputShape[0], a.kh(), a.kw(), 1.0 / (a.kh() * a.kw()), a.stride(), a.pads());
    }
    if (layer instanceof Layer.SumPool2d s) {
      return depthwise(inputShape[0], s.kh(), s.kw(), 1.0, s.stride(), none);
    }
    if (layer instanceof Layer.GlobalAvgPool) {
      return depthwise(inputShape[0], inputShape[1], inputShape[2], 1.0 / (inputShape[1] * inputShape[2]), one, none);
    }
    return null;
  }

  private static LinearForm depthwise(int channels, int kh, int kw, double w, int[] stride, int[] pads) {
    double[] weight = new double[channels * kh * kw];
    Arrays.fill(weight, w);
    return new LinearForm(false, weight, new double[channels], new long[] {channels, 1, kh, kw}, stride, pads,
        new int[] {1, 1}, channels);
  }
}
