package io.sparkxai.nn.onnx;

import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.ModelFormatException;
import io.sparkxai.nn.Node;
import io.sparkxai.nn.onnx.OnnxTensors.Constant;
import io.sparkxai.nn.onnx.proto.OnnxProto.AttributeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.GraphProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.NodeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.TensorShapeProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.ValueInfoProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One ONNX graph's conversion into a {@link Graph}: constants, tensor names, shapes and nodes as the
 * walk goes, one method per operator.
 */
final class OnnxImporter {
  private final GraphProto graph;
  private final String source;
  private final int opset;
  private final Map<String, Constant> constants = new HashMap<>();
  private final Map<String, String> alias = new HashMap<>(); // ONNX tensor -> our tensor
  private final Map<String, int[]> shapes = new HashMap<>();
  private final Map<String, Integer> uses = new HashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Set<String> names = new TreeSet<>();
  private String inputName;

  OnnxImporter(GraphProto graph, String source, int opset) {
    this.graph = graph;
    this.source = source;
    this.opset = opset;
  }

  Graph build() {
    for (var t : graph.getInitializerList()) {
      constants.put(t.getName(), OnnxTensors.decode(t, source));
    }
    int[] inputShape = null;
    for (ValueInfoProto in : graph.getInputList()) {
      if (constants.containsKey(in.getName())) {
        continue;
      }
      if (inputName != null) {
        throw new ModelFormatException(source + ": the model has more than one input ('" + inputName + "', '"
            + in.getName() + "'); one is supported");
      }
      inputName = in.getName();
      inputShape = inputShape(in);
    }
    if (inputName == null) {
      throw new ModelFormatException(source + ": the model has no input");
    }
    alias.put(inputName, inputName);
    shapes.put(inputName, inputShape);
    names.add(inputName);
    for (NodeProto n : graph.getNodeList()) {
      for (String i : n.getInputList()) {
        uses.merge(i, 1, Integer::sum);
      }
    }
    for (ValueInfoProto o : graph.getOutputList()) {
      uses.merge(o.getName(), 1, Integer::sum);
    }
    for (int k = 0; k < graph.getNodeCount(); k++) {
      NodeProto n = graph.getNode(k);
      String name = n.getName().isEmpty() ? n.getOpType() + "_" + k : n.getName();
      try {
        convert(n, name);
      } catch (ModelFormatException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(source + ": node '" + name + "' (" + n.getOpType() + "): " + e.getMessage(), e);
      }
    }
    if (graph.getOutputCount() == 0) {
      throw new ModelFormatException(source + ": the model declares no output");
    }
    String out = alias.get(graph.getOutput(0).getName());
    if (out == null || out.equals(inputName)) {
      throw new ModelFormatException(source + ": output '" + graph.getOutput(0).getName() + "' is not computed");
    }
    try {
      return new Graph(inputName, inputShape, InputLayout.CHW, nodes, out);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(source + ": " + e.getMessage(), e);
    }
  }

  private int[] inputShape(ValueInfoProto in) {
    if (!in.hasType() || !in.getType().hasTensorType() || !in.getType().getTensorType().hasShape()) {
      throw new ModelFormatException(source + ": input '" + in.getName() + "' has no declared shape");
    }
    List<TensorShapeProto.Dimension> dims = in.getType().getTensorType().getShape().getDimList();
    if (dims.size() < 2) {
      throw new ModelFormatException(source + ": input '" + in.getName() + "' needs a batch axis and a sample"
          + " shape, has rank " + dims.size());
    }
    int[] s = new int[dims.size() - 1];
    for (int i = 1; i < dims.size(); i++) {
      if (!dims.get(i).hasDimValue() || dims.get(i).getDimValue() <= 0) {
        throw new ModelFormatException(source + ": input '" + in.getName() + "' axis " + i
            + " has no fixed size; only the batch axis may be dynamic");
      }
      s[i - 1] = (int) dims.get(i).getDimValue();
    }
    return s;
  }

  private void convert(NodeProto n, String name) {
    String op = n.getOpType();
    if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
      throw new ModelFormatException(source + ": node '" + name + "' uses operator '" + op + "' of domain '"
          + n.getDomain() + "', which is not supported");
    }
    if (!OnnxReader.SUPPORTED.contains(op)) {
      throw new ModelFormatException(source + ": unsupported ONNX operator '" + op + "' at node '" + name
          + "'; supported: " + String.join(", ", new TreeSet<>(OnnxReader.SUPPORTED)));
    }
    switch (op) {
      case "Constant" -> constants.put(n.getOutput(0), constantNode(n, name));
      case "Identity", "Dropout" -> {
        requireUnused(n, 1, name);
        alias.put(n.getOutput(0), tensor(n, 0, name));
      }
      case "Conv" -> conv(n, name);
      case "Gemm" -> gemm(n, name);
      case "MatMul" -> matMul(n, name);
      case "Relu" -> add(name, n, new Layer.ReLU());
      case "LeakyRelu" -> add(name, n, new Layer.LeakyReLU(OnnxAttributes.floatAttr(n, "alpha", 0.01f)));
      case "Tanh" -> add(name, n, new Layer.Tanh());
      case "Sigmoid" -> add(name, n, new Layer.Sigmoid());
      case "Softmax" -> softmax(n, name);
      case "MaxPool" -> maxPool(n, name);
      case "AveragePool" -> avgPool(n, name);
      case "GlobalAveragePool" -> add(name, n, new Layer.GlobalAvgPool());
      case "BatchNormalization" -> batchNorm(n, name);
      case "Flatten" -> {
        long axis = OnnxAttributes.intAttr(n, "axis", 1);
        if (axis != 1) {
          throw new IllegalArgumentException("Flatten with axis " + axis + " is not supported (only axis 1, which"
              + " keeps the batch axis)");
        }
        add(name, n, new Layer.Flatten(false));
      }
      case "Reshape" -> reshape(n, name);
      case "Add" -> addOp(n, name);
      case "Concat" -> {
        int[] s = shapes.get(tensor(n, 0, name));
        int axis = (int) OnnxAttributes.intAttr(n, "axis", 1);
        int sampleAxis = axis < 0 ? s.length + 1 + axis - 1 : axis - 1;
        if (sampleAxis < 0) {
          throw new IllegalArgumentException("Concat along the batch axis is not supported");
        }
        List<String> in = new ArrayList<>();
        for (int i = 0; i < n.getInputCount(); i++) {
          in.add(tensor(n, i, name));
        }
        put(name, n.getOutput(0), new Node(name, new Layer.Concat(sampleAxis), in));
      }
      case "Pad" -> pad(n, name);
      default -> throw new IllegalStateException(op);
    }
  }

  private void conv(NodeProto n, String name) {
    String x = tensor(n, 0, name);
    Constant w = constant(n, 1, name, "weight");
    Constant b = n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? constant(n, 2, name, "bias") : null;
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
    int[] s = shapes.get(x);
    int[] pads = OnnxAttributes.pads(n, s, new int[] {kh, kw}, stride, dilation);
    add(name, n, new Layer.Conv2d(inC, outC, kh, kw, stride, pads, dilation, groups, w.values(),
        b == null ? null : b.values()));
  }

  private void gemm(NodeProto n, String name) {
    String x = tensor(n, 0, name);
    if (OnnxAttributes.intAttr(n, "transA", 0) != 0) {
      throw new IllegalArgumentException("Gemm with transA=1 is not supported");
    }
    Constant bm = constant(n, 1, name, "B");
    boolean transB = OnnxAttributes.intAttr(n, "transB", 0) != 0;
    double alpha = OnnxAttributes.floatAttr(n, "alpha", 1f);
    double beta = OnnxAttributes.floatAttr(n, "beta", 1f);
    int rows = (int) bm.dims()[0];
    int cols = (int) bm.dims()[1];
    int in = transB ? cols : rows;
    int out = transB ? rows : cols;
    double[] w = new double[in * out];
    double[] v = bm.values();
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        w[o * in + i] = alpha * (transB ? v[o * in + i] : v[i * out + o]);
      }
    }
    double[] bias = new double[out];
    if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
      Constant c = constant(n, 2, name, "C");
      double[] cv = c.values();
      if (cv.length != 1 && cv.length != out) {
        throw new IllegalArgumentException("Gemm C must have 1 or " + out + " values, has " + cv.length);
      }
      for (int o = 0; o < out; o++) {
        bias[o] = beta * cv[cv.length == 1 ? 0 : o];
      }
    }
    requireVector(x, in, name);
    add(name, n, new Layer.Linear(in, out, w, bias));
  }

  private void matMul(NodeProto n, String name) {
    String x = tensor(n, 0, name);
    Constant bm = constant(n, 1, name, "right-hand side");
    if (bm.dims().length != 2) {
      throw new IllegalArgumentException("MatMul needs a 2-D constant right-hand side, got dims "
          + Arrays.toString(bm.dims()));
    }
    int in = (int) bm.dims()[0];
    int out = (int) bm.dims()[1];
    double[] w = new double[in * out];
    double[] v = bm.values();
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        w[o * in + i] = v[i * out + o];
      }
    }
    requireVector(x, in, name);
    add(name, n, new Layer.Linear(in, out, w, null));
  }

  private void requireVector(String x, int in, String name) {
    int[] s = shapes.get(x);
    if (s.length != 1 || s[0] != in) {
      throw new IllegalArgumentException("expects a vector of " + in + " per sample, got shape "
          + Arrays.toString(s) + " (add a Flatten before it)");
    }
  }

  private void softmax(NodeProto n, String name) {
    int[] s = shapes.get(tensor(n, 0, name));
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
    add(name, n, new Layer.Softmax(a - 1));
  }

  private void maxPool(NodeProto n, String name) {
    requireUnused(n, 1, name);
    int[] k = OnnxAttributes.ints(n, "kernel_shape", null);
    int[] dil = OnnxAttributes.ints(n, "dilations", new int[] {1, 1});
    if (dil[0] != 1 || dil[1] != 1) {
      throw new IllegalArgumentException("MaxPool with dilations is not supported");
    }
    if (OnnxAttributes.intAttr(n, "storage_order", 0) != 0) {
      throw new IllegalArgumentException("MaxPool with storage_order 1 is not supported");
    }
    int[] stride = OnnxAttributes.ints(n, "strides", new int[] {1, 1});
    int[] s = shapes.get(tensor(n, 0, name));
    int[] pads = OnnxAttributes.pads(n, s, k, stride, dil);
    add(name, n, new Layer.MaxPool2d(k[0], k[1], stride, pads, OnnxAttributes.intAttr(n, "ceil_mode", 0) != 0));
  }

  private void avgPool(NodeProto n, String name) {
    int[] k = OnnxAttributes.ints(n, "kernel_shape", null);
    int[] stride = OnnxAttributes.ints(n, "strides", new int[] {1, 1});
    int[] s = shapes.get(tensor(n, 0, name));
    int[] pads = OnnxAttributes.pads(n, s, k, stride, new int[] {1, 1});
    boolean include = OnnxAttributes.intAttr(n, "count_include_pad", 0) != 0;
    if (!include && (pads[0] != pads[2] || pads[1] != pads[3])) {
      throw new IllegalArgumentException("AveragePool with asymmetric pads and count_include_pad=0 is not"
          + " supported");
    }
    add(name, n, new Layer.AvgPool2d(k[0], k[1], stride, pads, include, OnnxAttributes.intAttr(n, "ceil_mode", 0) != 0));
  }

  private void batchNorm(NodeProto n, String name) {
    if (OnnxAttributes.intAttr(n, "training_mode", 0) != 0) {
      throw new IllegalArgumentException("BatchNormalization in training mode is not supported");
    }
    for (int o = 1; o < n.getOutputCount(); o++) {
      requireUnused(n, o, name);
    }
    add(name, n, new Layer.BatchNorm(constant(n, 1, name, "scale").values(), constant(n, 2, name, "B").values(),
        constant(n, 3, name, "mean").values(), constant(n, 4, name, "var").values(),
        OnnxAttributes.floatAttr(n, "epsilon", 1e-5f)));
  }

  private void reshape(NodeProto n, String name) {
    String x = tensor(n, 0, name);
    long[] target = constant(n, 1, name, "shape").asLongs();
    boolean allowZero = OnnxAttributes.intAttr(n, "allowzero", 0) != 0;
    int[] s = shapes.get(x);
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
    add(name, n, new Layer.Reshape(sample));
  }

  private void addOp(NodeProto n, String name) {
    boolean c0 = constants.containsKey(n.getInput(0));
    boolean c1 = constants.containsKey(n.getInput(1));
    if (c0 && c1) {
      throw new IllegalArgumentException("Add of two constants is not supported");
    }
    if (!c0 && !c1) {
      put(name, n.getOutput(0), new Node(name, new Layer.Add(), List.of(tensor(n, 0, name), tensor(n, 1, name))));
      return;
    }
    // a bias: fold it into the affine layer that makes the other operand
    String other = tensor(n, c0 ? 1 : 0, name);
    Constant bias = constants.get(n.getInput(c0 ? 0 : 1));
    int at = indexOf(other);
    Node producer = at < 0 ? null : nodes.get(at);
    if (producer == null || uses.getOrDefault(n.getInput(c0 ? 1 : 0), 0) != 1
        || !(producer.layer() instanceof Layer.Linear || producer.layer() instanceof Layer.Conv2d)) {
      throw new IllegalArgumentException("Add of a constant is supported only as the bias of a Conv, Gemm or MatMul"
          + " whose output nothing else reads");
    }
    Layer folded = withExtraBias(producer.layer(), bias.values());
    nodes.set(at, new Node(producer.name(), folded, producer.inputs()));
    alias.put(n.getOutput(0), producer.name());
  }

  private Layer withExtraBias(Layer layer, double[] extra) {
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

  private void pad(NodeProto n, String name) {
    String x = tensor(n, 0, name);
    String mode = OnnxAttributes.stringAttr(n, "mode", "constant");
    if (!mode.equals("constant")) {
      throw new IllegalArgumentException("Pad mode '" + mode + "' is not supported (only constant)");
    }
    long[] p = constant(n, 1, name, "pads").asLongs();
    double value = 0;
    if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
      value = constant(n, 2, name, "constant_value").values()[0];
    }
    if (n.getInputCount() > 3 && !n.getInput(3).isEmpty()) {
      throw new IllegalArgumentException("Pad with an axes input is not supported");
    }
    int rank = p.length / 2;
    if (rank != shapes.get(x).length + 1 || p[0] != 0 || p[rank] != 0) {
      throw new IllegalArgumentException("Pad needs pads for every axis and none on the batch axis, got "
          + Arrays.toString(p));
    }
    int[] sample = new int[2 * (rank - 1)];
    for (int i = 1; i < rank; i++) {
      sample[i - 1] = (int) p[i];
      sample[i - 1 + rank - 1] = (int) p[i + rank];
    }
    if (Arrays.stream(sample).allMatch(v -> v == 0)) {
      alias.put(n.getOutput(0), x);
      return;
    }
    add(name, n, new Layer.Pad(sample, value));
  }

  private Constant constantNode(NodeProto n, String name) {
    for (AttributeProto a : n.getAttributeList()) {
      switch (a.getName()) {
        case "value":
          return OnnxTensors.decode(a.getT(), source + ": node '" + name + "'");
        case "value_float":
          return new Constant(new long[0], new double[] {a.getF()});
        case "value_int":
          return new Constant(new long[0], new double[] {a.getI()});
        case "value_floats":
          return new Constant(new long[] {a.getFloatsCount()},
              a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray());
        case "value_ints":
          return new Constant(new long[] {a.getIntsCount()},
              a.getIntsList().stream().mapToDouble(Long::doubleValue).toArray());
        default:
          break;
      }
    }
    throw new IllegalArgumentException("Constant without a supported value attribute");
  }

  private void add(String name, NodeProto n, Layer layer) {
    put(name, n.getOutput(0), new Node(name, layer, List.of(tensor(n, 0, name))));
  }

  private void put(String name, String onnxOutput, Node node) {
    String unique = name;
    for (int k = 2; names.contains(unique); k++) {
      unique = name + "_" + k;
    }
    Node named = unique.equals(name) ? node : new Node(unique, node.layer(), node.inputs());
    List<int[]> in = new ArrayList<>();
    for (String i : named.inputs()) {
      in.add(shapes.get(i));
    }
    shapes.put(unique, named.layer().outputShape(in));
    nodes.add(named);
    names.add(unique);
    alias.put(onnxOutput, unique);
  }

  private int indexOf(String tensor) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).name().equals(tensor)) {
        return i;
      }
    }
    return -1;
  }

  private String tensor(NodeProto n, int i, String name) {
    if (i >= n.getInputCount()) {
      throw new IllegalArgumentException("input " + i + " is missing");
    }
    String t = alias.get(n.getInput(i));
    if (t == null) {
      if (constants.containsKey(n.getInput(i))) {
        throw new IllegalArgumentException("input " + i + " ('" + n.getInput(i) + "') is a constant where a"
            + " computed tensor is expected");
      }
      throw new IllegalArgumentException("input '" + n.getInput(i) + "' is not computed before it (nodes must be"
          + " in topological order)");
    }
    return t;
  }

  private Constant constant(NodeProto n, int i, String name, String what) {
    if (i >= n.getInputCount()) {
      throw new IllegalArgumentException(what + " input is missing");
    }
    Constant c = constants.get(n.getInput(i));
    if (c == null) {
      throw new IllegalArgumentException(what + " ('" + n.getInput(i) + "') must be a constant (an initializer or"
          + " a Constant node)");
    }
    return c;
  }

  private void requireUnused(NodeProto n, int output, String name) {
    if (n.getOutputCount() > output && !n.getOutput(output).isEmpty()
        && uses.getOrDefault(n.getOutput(output), 0) > 0) {
      throw new IllegalArgumentException("output " + output + " ('" + n.getOutput(output) + "') is used; only the"
          + " first output is supported");
    }
  }


}
