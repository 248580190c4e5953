package io.sparkxai.nn.onnx;

import io.sparkxai.nn.onnx.proto.OnnxProto.AttributeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.NodeProto;
import java.util.Arrays;

/** Reading ONNX node attributes, with the defaults the operators define, and resolving window padding. */
final class OnnxAttributes {

  private OnnxAttributes() {}

  static int[] pads(NodeProto n, int[] inShape, int[] k, int[] stride, int[] dilation) {
    String auto = stringAttr(n, "auto_pad", "NOTSET");
    if (auto.equals("NOTSET")) {
      int[] p = ints(n, "pads", new int[] {0, 0, 0, 0});
      if (p.length != 4) {
        throw new IllegalArgumentException("expects 4 pads for a 2-D window, got " + Arrays.toString(p));
      }
      return p;
    }
    if (auto.equals("VALID")) {
      return new int[4];
    }
    if (!auto.equals("SAME_UPPER") && !auto.equals("SAME_LOWER")) {
      throw new IllegalArgumentException("auto_pad '" + auto + "' is not supported");
    }
    int[] p = new int[4];
    for (int a = 0; a < 2; a++) {
      int in = inShape[1 + a];
      int out = (in + stride[a] - 1) / stride[a];
      int total = Math.max((out - 1) * stride[a] + (k[a] - 1) * dilation[a] + 1 - in, 0);
      int small = total / 2;
      p[a] = auto.equals("SAME_UPPER") ? small : total - small;
      p[a + 2] = total - p[a];
    }
    return p;
  }

  static AttributeProto attr(NodeProto n, String key) {
    for (AttributeProto a : n.getAttributeList()) {
      if (a.getName().equals(key)) {
        return a;
      }
    }
    return null;
  }

  static long intAttr(NodeProto n, String key, long dflt) {
    AttributeProto a = attr(n, key);
    return a == null ? dflt : a.getI();
  }

  static float floatAttr(NodeProto n, String key, float dflt) {
    AttributeProto a = attr(n, key);
    return a == null ? dflt : a.getF();
  }

  static String stringAttr(NodeProto n, String key, String dflt) {
    AttributeProto a = attr(n, key);
    return a == null ? dflt : a.getS().toStringUtf8();
  }

  static int[] ints(NodeProto n, String key, int[] dflt) {
    AttributeProto a = attr(n, key);
    if (a == null) {
      if (dflt == null) {
        throw new IllegalArgumentException("attribute '" + key + "' is required");
      }
      return dflt;
    }
    int[] v = a.getIntsList().stream().mapToInt(Long::intValue).toArray();
    if (key.equals("kernel_shape") && v.length != 2) {
      throw new IllegalArgumentException("only 2-D windows are supported; kernel_shape is " + Arrays.toString(v));
    }
    return v;
  }
}
