package io.sparkxai.nn.onnx;

import com.google.protobuf.ByteString;
import io.sparkxai.nn.AtomicFile;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.Node;
import io.sparkxai.nn.onnx.proto.OnnxProto.AttributeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.GraphProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.ModelProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.NodeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.OperatorSetIdProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.TensorProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.TensorShapeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.TypeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.ValueInfoProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Writes a {@link Graph} as an ONNX model (opset 13, float32 weights, a dynamic batch axis), the
 * inverse of {@link OnnxReader}: reading the file back gives the same graph up to float32 rounding of
 * the weights. Every layer the reader makes is written; lrp_toolbox's H,W,C input layout, its sum
 * pooling and channels-last flattening have no ONNX form and fail naming the node. Each node's
 * output tensor carries the node's name.
 */
public final class OnnxWriter {

  /** The opset the files declare. */
  public static final int OPSET = 13;

  private final GraphProto.Builder graph = GraphProto.newBuilder();

  private OnnxWriter() {}

  /** The model as ONNX bytes. */
  public static byte[] toBytes(Graph g) {
    OnnxWriter w = new OnnxWriter();
    w.graph.setName("spark-xai");
    if (g.inputLayout() != InputLayout.CHW) {
      throw new IllegalArgumentException("ONNX takes C,H,W inputs; this graph's input is laid out "
          + g.inputLayout());
    }
    w.graph.addInput(valueInfo(g.inputName(), g.inputShape()));
    for (Node n : g.nodes()) {
      w.node(n, g);
    }
    w.graph.addOutput(valueInfo(g.outputName(), g.outputShape()));
    return ModelProto.newBuilder().setIrVersion(8).setProducerName("spark-xai")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(w.graph).build().toByteArray();
  }

  /** Writes the model to {@code file} atomically (a temporary file beside it, then renamed). */
  public static void write(Graph g, Path file) throws IOException {
    AtomicFile.write(file, toBytes(g));
  }

  private void node(Node n, Graph g) {
    String name = n.name();
    String[] in = n.inputs().toArray(new String[0]);
    Layer l = n.layer();
    if (l instanceof Layer.Linear d) {
      floats(name + ".weight", d.weight(), d.out(), d.in());
      floats(name + ".bias", d.bias(), d.out());
      op("Gemm", name, new String[] {in[0], name + ".weight", name + ".bias"}, attr("transB", 1));
    } else if (l instanceof Layer.Conv2d c) {
      floats(name + ".weight", c.weight(), c.outChannels(), c.inChannels() / c.groups(), c.kh(), c.kw());
      floats(name + ".bias", c.bias(), c.outChannels());
      op("Conv", name, new String[] {in[0], name + ".weight", name + ".bias"}, ints("kernel_shape", c.kh(), c.kw()),
          ints("strides", c.stride()), ints("pads", c.pads()), ints("dilations", c.dilation()),
          attr("group", c.groups()));
    } else if (l instanceof Layer.ReLU) {
      op("Relu", name, in);
    } else if (l instanceof Layer.LeakyReLU r) {
      op("LeakyRelu", name, in, attr("alpha", (float) r.alpha()));
    } else if (l instanceof Layer.Tanh) {
      op("Tanh", name, in);
    } else if (l instanceof Layer.Sigmoid) {
      op("Sigmoid", name, in);
    } else if (l instanceof Layer.Softmax s) {
      op("Softmax", name, in, attr("axis", s.axis() + 1));
    } else if (l instanceof Layer.MaxPool2d p) {
      op("MaxPool", name, in, ints("kernel_shape", p.kh(), p.kw()), ints("strides", p.stride()),
          ints("pads", p.pads()), attr("ceil_mode", p.ceilMode() ? 1 : 0));
    } else if (l instanceof Layer.AvgPool2d p) {
      op("AveragePool", name, in, ints("kernel_shape", p.kh(), p.kw()), ints("strides", p.stride()),
          ints("pads", p.pads()), attr("ceil_mode", p.ceilMode() ? 1 : 0),
          attr("count_include_pad", p.countIncludePad() ? 1 : 0));
    } else if (l instanceof Layer.GlobalAvgPool) {
      op("GlobalAveragePool", name, in);
    } else if (l instanceof Layer.BatchNorm b) {
      int c = b.scale().length;
      floats(name + ".scale", b.scale(), c);
      floats(name + ".bias", b.bias(), c);
      floats(name + ".mean", b.mean(), c);
      floats(name + ".var", b.variance(), c);
      op("BatchNormalization", name, new String[] {in[0], name + ".scale", name + ".bias", name + ".mean",
          name + ".var"}, attr("epsilon", (float) b.epsilon()));
    } else if (l instanceof Layer.Flatten f && !f.channelsLast()) {
      op("Flatten", name, in, attr("axis", 1));
    } else if (l instanceof Layer.Reshape r) {
      long[] target = new long[r.shape().length + 1];
      for (int i = 0; i < r.shape().length; i++) {
        target[i + 1] = r.shape()[i];
      }
      longs(name + ".shape", target);
      op("Reshape", name, new String[] {in[0], name + ".shape"});
    } else if (l instanceof Layer.Pad p) {
      int[] s = p.pads();
      int r = s.length / 2;
      long[] pads = new long[2 * (r + 1)];
      for (int i = 0; i < r; i++) {
        pads[i + 1] = s[i];
        pads[r + 2 + i] = s[r + i];
      }
      longs(name + ".pads", pads);
      floats(name + ".value", new double[] {p.value()});
      op("Pad", name, new String[] {in[0], name + ".pads", name + ".value"}, attr("mode", "constant"));
    } else if (l instanceof Layer.Add || l instanceof Layer.Sum) {
      if (in.length != 2) {
        throw new IllegalArgumentException("node '" + name + "': ONNX Add takes two inputs, this one has "
            + in.length);
      }
      op("Add", name, in);
    } else if (l instanceof Layer.Concat c) {
      op("Concat", name, in, attr("axis", c.axis() + 1));
    } else if (l instanceof Layer.Identity) {
      op("Identity", name, in);
    } else {
      throw new IllegalArgumentException("node '" + name + "' (" + l.kind() + ") has no ONNX form");
    }
  }

  private void op(String type, String name, String[] inputs, AttributeProto... attrs) {
    NodeProto.Builder b = NodeProto.newBuilder().setOpType(type).setName(name).addOutput(name);
    for (String i : inputs) {
      b.addInput(i);
    }
    for (AttributeProto a : attrs) {
      b.addAttribute(a);
    }
    graph.addNode(b);
  }

  private void floats(String name, double[] values, long... dims) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      b.putFloat((float) v);
    }
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(1).setRawData(
        ByteString.copyFrom(b.array()));
    for (long d : dims) {
      t.addDims(d);
    }
    graph.addInitializer(t);
  }

  private void longs(String name, long[] values) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(7).addDims(values.length);
    for (long v : values) {
      t.addInt64Data(v);
    }
    graph.addInitializer(t);
  }

  private static AttributeProto attr(String name, long v) {
    return AttributeProto.newBuilder().setName(name).setI(v).setType(AttributeProto.AttributeType.INT).build();
  }

  private static AttributeProto attr(String name, float v) {
    return AttributeProto.newBuilder().setName(name).setF(v).setType(AttributeProto.AttributeType.FLOAT).build();
  }

  private static AttributeProto attr(String name, String v) {
    return AttributeProto.newBuilder().setName(name).setS(ByteString.copyFromUtf8(v))
        .setType(AttributeProto.AttributeType.STRING).build();
  }

  private static AttributeProto ints(String name, int... v) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (int x : v) {
      a.addInts(x);
    }
    return a.build();
  }

  private static ValueInfoProto valueInfo(String name, int[] sample) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    s.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
    for (int d : sample) {
      s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(1).setShape(s))).build();
  }
}
