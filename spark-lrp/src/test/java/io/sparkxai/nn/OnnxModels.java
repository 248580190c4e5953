package io.sparkxai.nn;

import com.google.protobuf.ByteString;
import io.sparkxai.nn.onnx.proto.OnnxProto.AttributeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.GraphProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.ModelProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.NodeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.OperatorSetIdProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.TensorProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.TensorShapeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.TypeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Writes small ONNX models from tests with the generated protobuf classes (BatchNorm fixtures, bad ops). */
public final class OnnxModels {

  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
  private final Random random;
  private int opset = 13;

  /** A model builder whose random weights come from {@code seed}. */
  public OnnxModels(long seed) {
    random = new Random(seed);
  }

  /** Sets the default-domain opset. */
  public OnnxModels opset(int v) {
    opset = v;
    return this;
  }

  /** Declares the input with a dynamic batch axis and the given per-sample shape. */
  public OnnxModels input(String name, int... sample) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    s.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
    for (int d : sample) {
      s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    graph.addInput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(1).setShape(s))));
    return this;
  }

  /** Declares the output. */
  public OnnxModels output(String name) {
    graph.addOutput(ValueInfoProto.newBuilder().setName(name));
    return this;
  }

  /** A float initializer with raw little-endian data. */
  public OnnxModels floats(String name, float[] values, long... dims) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(1).addAllDims(box(dims))
        .setRawData(ByteString.copyFrom(b.array())));
    return this;
  }

  /** A float initializer of uniform random values in [lo, hi). */
  public OnnxModels random(String name, double lo, double hi, long... dims) {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    float[] v = new float[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (lo + (hi - lo) * random.nextDouble());
    }
    return floats(name, v, dims);
  }

  /** An int64 initializer in the typed field. */
  public OnnxModels longs(String name, long[] values, long... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(7).addAllDims(box(dims));
    for (long v : values) {
      t.addInt64Data(v);
    }
    graph.addInitializer(t);
    return this;
  }

  /** A node; attributes as name/value pairs (Long, Float, long[] or String values). */
  public OnnxModels node(String op, String name, String[] inputs, String[] outputs, Object... attrs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name);
    for (String i : inputs) {
      n.addInput(i);
    }
    for (String o : outputs) {
      n.addOutput(o);
    }
    for (int k = 0; k < attrs.length; k += 2) {
      AttributeProto.Builder a = AttributeProto.newBuilder().setName((String) attrs[k]);
      Object v = attrs[k + 1];
      if (v instanceof Long l) {
        a.setI(l).setType(AttributeProto.AttributeType.INT);
      } else if (v instanceof Float f) {
        a.setF(f).setType(AttributeProto.AttributeType.FLOAT);
      } else if (v instanceof long[] ls) {
        for (long l : ls) {
          a.addInts(l);
        }
        a.setType(AttributeProto.AttributeType.INTS);
      } else {
        a.setS(ByteString.copyFromUtf8((String) v)).setType(AttributeProto.AttributeType.STRING);
      }
      n.addAttribute(a);
    }
    graph.addNode(n);
    return this;
  }

  /** The serialized model. */
  public byte[] bytes() {
    return ModelProto.newBuilder().setIrVersion(8).setProducerName("spark-xai tests")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(graph).build()
        .toByteArray();
  }

  private static Iterable<Long> box(long[] dims) {
    java.util.List<Long> l = new java.util.ArrayList<>();
    for (long d : dims) {
      l.add(d);
    }
    return l;
  }

  /**
   * A ResNet-style classifier with BatchNorm, as PyTorch would export it unfolded: Conv-BN-Relu, a
   * residual block Conv-BN-Relu-Conv-BN + identity, Relu, GlobalAveragePool, Flatten, Gemm. Input
   * 2x8x8, 3 classes.
   */
  public static byte[] resNetWithBatchNorm(long seed) {
    OnnxModels m = new OnnxModels(seed).input("x", 2, 8, 8);
    long[] k3 = {3, 3};
    long[] p1 = {1, 1, 1, 1};
    m.random("w0", -0.5, 0.5, 4, 2, 3, 3).random("b0", -0.1, 0.1, 4);
    m.random("w1", -0.5, 0.5, 4, 4, 3, 3).random("b1", -0.1, 0.1, 4);
    m.random("w2", -0.5, 0.5, 4, 4, 3, 3).random("b2", -0.1, 0.1, 4);
    for (String bn : new String[] {"bn0", "bn1", "bn2"}) {
      m.random(bn + ".scale", 0.5, 1.5, 4).random(bn + ".bias", -0.2, 0.2, 4).random(bn + ".mean", -0.2, 0.2, 4)
          .random(bn + ".var", 0.5, 2.0, 4);
    }
    m.random("fc.w", -0.5, 0.5, 3, 4).random("fc.b", -0.1, 0.1, 3);
    m.node("Conv", "stem", new String[] {"x", "w0", "b0"}, new String[] {"c0"}, "kernel_shape", k3, "pads", p1)
        .node("BatchNormalization", "stem_bn", bnInputs("c0", "bn0"), new String[] {"n0"}, "epsilon", 1e-5f)
        .node("Relu", "stem_relu", new String[] {"n0"}, new String[] {"a0"})
        .node("Conv", "conv1", new String[] {"a0", "w1", "b1"}, new String[] {"c1"}, "kernel_shape", k3, "pads", p1)
        .node("BatchNormalization", "bn1", bnInputs("c1", "bn1"), new String[] {"n1"}, "epsilon", 1e-5f)
        .node("Relu", "relu1", new String[] {"n1"}, new String[] {"a1"})
        .node("Conv", "conv2", new String[] {"a1", "w2", "b2"}, new String[] {"c2"}, "kernel_shape", k3, "pads", p1)
        .node("BatchNormalization", "bn2", bnInputs("c2", "bn2"), new String[] {"n2"}, "epsilon", 1e-5f)
        .node("Add", "residual", new String[] {"n2", "a0"}, new String[] {"s"})
        .node("Relu", "relu2", new String[] {"s"}, new String[] {"a2"})
        .node("GlobalAveragePool", "gap", new String[] {"a2"}, new String[] {"g"})
        .node("Flatten", "flatten", new String[] {"g"}, new String[] {"f"}, "axis", 1L)
        .node("Gemm", "fc", new String[] {"f", "fc.w", "fc.b"}, new String[] {"logits"}, "transB", 1L)
        .output("logits");
    return m.bytes();
  }

  private static String[] bnInputs(String x, String bn) {
    return new String[] {x, bn + ".scale", bn + ".bias", bn + ".mean", bn + ".var"};
  }

  /**
   * Every supported operator once: asymmetric pads, stride, groups, dilation, overlapping padded max
   * pooling, explicit Pad, Concat, Reshape, MatMul+Add, Gemm with alpha/beta, Dropout, Identity,
   * Constant, Sigmoid, LeakyRelu, Softmax. Input 3x9x9, 4 outputs.
   */
  public static byte[] kitchenSink(long seed) {
    OnnxModels m = new OnnxModels(seed).input("x", 3, 9, 9);
    m.random("w1", -0.5, 0.5, 6, 3, 3, 3).random("b1", -0.2, 0.2, 6)
        .random("w2", -0.5, 0.5, 6, 3, 2, 2).random("b2", -0.2, 0.2, 6)
        .random("w3", -0.5, 0.5, 2, 6, 3, 3).random("b3", -0.2, 0.2, 2)
        .random("mm", -0.5, 0.5, 32, 5).random("mb", -0.2, 0.2, 5)
        .random("gb", -0.5, 0.5, 5, 4).random("gc", -0.2, 0.2, 4)
        .longs("pads", new long[] {0, 0, 1, 0, 0, 0, 0, 1}, 8).longs("shape", new long[] {0, 32}, 2);
    m.node("Conv", "c1", new String[] {"x", "w1", "b1"}, new String[] {"c1"}, "kernel_shape", new long[] {3, 3},
            "strides", new long[] {2, 2}, "pads", new long[] {1, 0, 2, 1})
        .node("LeakyRelu", "l1", new String[] {"c1"}, new String[] {"l1"}, "alpha", 0.1f)
        .node("Conv", "c2", new String[] {"l1", "w2", "b2"}, new String[] {"c2"}, "kernel_shape", new long[] {2, 2},
            "group", 2L, "dilations", new long[] {2, 1}, "pads", new long[] {1, 1, 1, 1})
        .node("Relu", "r2", new String[] {"c2"}, new String[] {"r2"})
        .node("MaxPool", "mp", new String[] {"r2"}, new String[] {"mp"}, "kernel_shape", new long[] {3, 3},
            "strides", new long[] {2, 2}, "pads", new long[] {1, 1, 1, 1})
        .node("Pad", "pad", new String[] {"mp", "pads"}, new String[] {"p"}, "mode", "constant")
        .node("AveragePool", "ap", new String[] {"p"}, new String[] {"ap"}, "kernel_shape", new long[] {2, 2},
            "strides", new long[] {2, 2})
        .node("Conv", "c3", new String[] {"p", "w3", "b3"}, new String[] {"c3"}, "kernel_shape", new long[] {3, 3})
        .node("Concat", "cat", new String[] {"ap", "c3"}, new String[] {"cat"}, "axis", 1L)
        .node("Reshape", "reshape", new String[] {"cat", "shape"}, new String[] {"flat"})
        .node("Dropout", "drop", new String[] {"flat"}, new String[] {"d"})
        .node("MatMul", "mm", new String[] {"d", "mm"}, new String[] {"mmo"})
        .node("Add", "mm_bias", new String[] {"mmo", "mb"}, new String[] {"h"})
        .node("Sigmoid", "sig", new String[] {"h"}, new String[] {"s"})
        .node("Identity", "id", new String[] {"s"}, new String[] {"s2"})
        .node("Gemm", "gemm", new String[] {"s2", "gb", "gc"}, new String[] {"logits"}, "alpha", 0.5f, "beta", 2f)
        .node("Softmax", "softmax", new String[] {"logits"}, new String[] {"prob"}, "axis", -1L)
        .output("prob");
    return m.bytes();
  }

  /** {@code n} rows of standard normal values. */
  public static double[] randomRows(int n, int size, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n * size];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }
}
