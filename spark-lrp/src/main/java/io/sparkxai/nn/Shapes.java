package io.sparkxai.nn;

import java.util.Arrays;
import java.util.List;

/** Shape arithmetic and argument checks shared by the layers. */
final class Shapes {

  private Shapes() {}

  static void require(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, format, args));
    }
  }

  static int size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    require(n <= Integer.MAX_VALUE, "sample of shape %s is too large", Arrays.toString(shape));
    return (int) n;
  }

  static int[] pair(int[] v, String what) {
    if (v == null) {
      return new int[] {1, 1};
    }
    require(v.length == 2 && v[0] > 0 && v[1] > 0, "%s must be two values > 0, got %s", what, Arrays.toString(v));
    return v.clone();
  }

  static int[] image(int[] s, String layer) {
    require(s.length == 3, "%s needs an image input [C,H,W], got %s", layer, Arrays.toString(s));
    return s;
  }

  /** Output length of a sliding window (PyTorch's formula, floor or ceil). */
  static int windowOut(int in, int k, int stride, int padBegin, int padEnd, int dilation, boolean ceil,
      String what) {
    int padSum = padBegin + padEnd;
    int span = dilation * (k - 1) + 1;
    int room = in + padSum - span;
    require(room >= 0, "%s: window %d (dilation %d) does not fit input %d with padding %d", what, k, dilation, in,
        padSum);
    int out = (ceil ? (room + stride - 1) / stride : room / stride) + 1;
    if (ceil && (out - 1) * stride >= in + padBegin) {
      out--; // PyTorch: the last window must start inside the input or the left padding
    }
    return out;
  }

  /** A pooling window's pads (top, left, bottom, right; none when null), checked with its kernel. */
  static int[] windowPads(int kh, int kw, int[] pads, String layer) {
    int[] p = pads == null ? new int[4] : pads.clone();
    require(kh > 0 && kw > 0 && p.length == 4, "%s needs a kernel and 4 pads", layer);
    return p;
  }

  /** The {@code [C, H', W']} of a pooling window (no dilation) over the image {@code in}. */
  static int[] pooled(int[] in, int kh, int kw, int[] stride, int[] pads, boolean ceil, String layer) {
    int[] s = image(in, layer);
    return new int[] {s[0], windowOut(s[1], kh, stride[0], pads[0], pads[2], 1, ceil, layer + " height"),
        windowOut(s[2], kw, stride[1], pads[1], pads[3], 1, ceil, layer + " width")};
  }

  static int[] resolveReshape(int[] in, int[] target) {
    int n = size(in);
    int known = 1;
    int free = -1;
    for (int i = 0; i < target.length; i++) {
      if (target[i] == -1) {
        require(free < 0, "Reshape target %s has more than one -1", Arrays.toString(target));
        free = i;
      } else {
        require(target[i] > 0, "Reshape target %s has a size <= 0", Arrays.toString(target));
        known *= target[i];
      }
    }
    int[] out = target.clone();
    if (free >= 0) {
      require(known > 0 && n % known == 0, "cannot reshape %s into %s", Arrays.toString(in), Arrays.toString(target));
      out[free] = n / known;
    }
    require(size(out) == n, "cannot reshape %s (%d values) into %s", Arrays.toString(in), n, Arrays.toString(target));
    return out;
  }

  static int[] sameShapes(List<int[]> inputs, String layer) {
    require(inputs.size() >= 2, "%s needs two or more inputs, got %d", layer, inputs.size());
    int[] first = inputs.get(0);
    for (int[] s : inputs) {
      require(Arrays.equals(s, first), "%s inputs differ in shape: %s vs %s (broadcasting is not supported)", layer,
          Arrays.toString(first), Arrays.toString(s));
    }
    return first.clone();
  }
}
