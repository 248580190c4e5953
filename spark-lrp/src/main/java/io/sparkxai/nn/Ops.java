package io.sparkxai.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The layers' computations on batched DJL arrays ({@code [N, ...per-sample shape]}). Every result is
 * owned by the manager of the first batch operand, never by a weight's manager, so closing a batch's
 * manager frees everything a batch made.
 */
public final class Ops {

  private Ops() {}

  /**
   * Applies an affine form with the given weights (the form's own or modified ones of the same shape).
   *
   * @param bias null for none
   */
  public static NDArray affine(LinearForm f, NDArray x, NDArray weight, NDArray bias) {
    if (f.dense()) {
      return Linear.linear(x, weight, bias).singletonOrThrow();
    }
    int[] p = f.pads();
    NDArray in = x;
    Shape pad;
    if (p[0] == p[2] && p[1] == p[3]) {
      pad = new Shape(p[0], p[1]);
    } else {
      in = padImage(x, p, 0);
      pad = new Shape(0, 0);
    }
    int[] s = f.stride();
    int[] d = f.dilation();
    NDArray y = Conv2d.conv2d(in, weight, bias, new Shape(s[0], s[1]), pad, new Shape(d[0], d[1]), f.groups())
        .singletonOrThrow();
    if (in != x) {
      in.close();
    }
    return y;
  }

  /** Pads the last two axes of {@code [N,C,H,W]} by top, left, bottom, right with {@code value}. */
  public static NDArray padImage(NDArray x, int[] p, double value) {
    // DJL (as torch.nn.functional.pad) lists pads from the last axis backwards: left, right, top, bottom.
    return x.pad(new Shape(p[1], p[3], p[0], p[2]), value);
  }

  /**
   * The plain forward of a non-affine layer, or of an affine one through {@code weights} (its
   * {@link LinearForm} weight and bias on the device).
   *
   * @param weights for Linear/Conv2d: weight and bias; BatchNorm: per-channel a and b shaped to broadcast
   */
  public static NDArray forward(Layer layer, List<NDArray> in, NDArray[] weights, LinearForm form) {
    NDArray x = in.get(0);
    if (layer instanceof Layer.Linear || layer instanceof Layer.Conv2d) {
      return affine(form, x, weights[0], weights[1]);
    }
    if (layer instanceof Layer.ReLU) {
      return Activation.relu(x);
    }
    if (layer instanceof Layer.LeakyReLU l) {
      NDArray zero = Scalars.like(x, 0);
      NDArray pos = x.maximum(zero);
      NDArray neg = x.minimum(zero).mul(Scalars.like(x, l.alpha()));
      return pos.add(neg);
    }
    if (layer instanceof Layer.Tanh) {
      return x.tanh();
    }
    if (layer instanceof Layer.Sigmoid) {
      return Activation.sigmoid(x);
    }
    if (layer instanceof Layer.Softmax s) {
      return x.softmax(s.axis() + 1);
    }
    if (layer instanceof Layer.Identity) {
      return x; // the same array (and the same gradient path) under a second name
    }
    if (layer instanceof Layer.MaxPool2d m) {
      return maxPool(m, x);
    }
    if (layer instanceof Layer.AvgPool2d a) {
      return avgPool(a, x);
    }
    if (layer instanceof Layer.SumPool2d s) {
      return sumPool(s, x);
    }
    if (layer instanceof Layer.GlobalAvgPool) {
      NDArray rowMeans = x.mean(new int[] {3}, true); // PyTorch's engine takes one axis per mean
      return rowMeans.mean(new int[] {2}, true);
    }
    if (layer instanceof Layer.BatchNorm) {
      NDArray t = x.mul(weights[0]);
      NDArray y = t.add(weights[1]);
      t.close();
      return y;
    }
    if (layer instanceof Layer.Flatten f) {
      long n = x.getShape().get(0);
      if (f.channelsLast() && x.getShape().dimension() == 4) {
        NDArray t = x.transpose(0, 2, 3, 1);
        return t.reshape(n, -1);
      }
      return x.reshape(n, -1);
    }
    if (layer instanceof Layer.Reshape r) {
      long[] shape = new long[r.shape().length + 1];
      shape[0] = x.getShape().get(0);
      for (int i = 0; i < r.shape().length; i++) {
        shape[i + 1] = r.shape()[i];
      }
      return x.reshape(shape);
    }
    if (layer instanceof Layer.Pad p) {
      return pad(p, x);
    }
    if (layer instanceof Layer.Add || layer instanceof Layer.Sum) {
      return sum(in);
    }
    if (layer instanceof Layer.Concat c) {
      return NDArrays.concat(new NDList(in), c.axis() + 1);
    }
    throw new IllegalArgumentException("no forward for layer " + layer.kind());
  }

  private static NDArray sumPool(Layer.SumPool2d s, NDArray x) {
    int[] st = s.stride();
    NDArray avg = Pool.avgPool2d(x, new Shape(s.kh(), s.kw()), new Shape(st[0], st[1]), new Shape(0, 0), false, true);
    NDArray y = avg.mul(Scalars.like(avg, s.kh() * s.kw() * s.scale()));
    avg.close();
    return y;
  }

  private static NDArray sum(List<NDArray> in) {
    NDArray acc = in.get(0).add(in.get(1));
    for (int k = 2; k < in.size(); k++) {
      NDArray next = acc.add(in.get(k));
      acc.close();
      acc = next;
    }
    return acc;
  }

  static NDArray maxPool(Layer.MaxPool2d m, NDArray x) {
    Shape k = new Shape(m.kh(), m.kw());
    Shape stride = new Shape(m.stride()[0], m.stride()[1]);
    return window(x, m.pads(), Double.NEGATIVE_INFINITY, (in, pad) -> Pool.maxPool2d(in, k, stride, pad,
        m.ceilMode()));
  }

  static NDArray avgPool(Layer.AvgPool2d a, NDArray x) {
    int[] p = a.pads();
    if ((p[0] != p[2] || p[1] != p[3]) && !a.countIncludePad()) {
      throw new IllegalArgumentException("AvgPool2d with asymmetric pads must count the padding");
    }
    Shape k = new Shape(a.kh(), a.kw());
    Shape stride = new Shape(a.stride()[0], a.stride()[1]);
    return window(x, p, 0, (in, pad) -> Pool.avgPool2d(in, k, stride, pad, a.ceilMode(), a.countIncludePad()));
  }

  /**
   * A pooling with pads top, left, bottom, right: symmetric pads go to {@code pool} itself;
   * asymmetric ones (which PyTorch's pooling cannot take) are applied first, filled with {@code fill}.
   */
  private static NDArray window(NDArray x, int[] p, double fill, BiFunction<NDArray, Shape, NDArray> pool) {
    if (p[0] == p[2] && p[1] == p[3]) {
      return pool.apply(x, new Shape(p[0], p[1]));
    }
    NDArray padded = padImage(x, p, fill);
    NDArray y = pool.apply(padded, new Shape(0, 0));
    padded.close();
    return y;
  }

  static NDArray pad(Layer.Pad p, NDArray x) {
    int[] pads = p.pads();
    int r = pads.length / 2;
    long[] torchOrder = new long[2 * r];
    for (int i = 0; i < r; i++) {
      int axis = r - 1 - i; // last per-sample axis first
      torchOrder[2 * i] = pads[axis];
      torchOrder[2 * i + 1] = pads[axis + r];
    }
    return x.pad(new Shape(torchOrder), p.value());
  }
}
