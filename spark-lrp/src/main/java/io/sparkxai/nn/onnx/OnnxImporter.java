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
 * One ONNX graph's conversion into a {@link Graph}: the walk over its nodes, with constants, tensor
 * names, shapes and nodes as it goes; the layer each operator makes is {@link OnnxLayers}'.
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
      case "Softmax" -> add(name, n, OnnxLayers.softmax(n, shapes.get(tensor(n, 0, name)), opset));
      case "MaxPool" -> {
        requireUnused(n, 1, name);
        add(name, n, OnnxLayers.maxPool(n, shapes.get(tensor(n, 0, name))));
      }
      case "AveragePool" -> add(name, n, OnnxLayers.avgPool(n, shapes.get(tensor(n, 0, name))));
      case "GlobalAveragePool" -> add(name, n, new Layer.GlobalAvgPool());
      case "BatchNormalization" -> batchNorm(n, name);
      case "Flatten" -> add(name, n, OnnxLayers.flatten(n));
      case "Reshape" -> {
        String x = tensor(n, 0, name);
        add(name, n, OnnxLayers.reshape(n, constant(n, 1, name, "shape").asLongs(), shapes.get(x)));
      }
      case "Add" -> addOp(n, name);
      case "Concat" -> concat(n, name);
      case "Pad" -> pad(n, name);
      default -> throw new IllegalStateException(op);
    }
  }

  private void conv(NodeProto n, String name) {
    String x = tensor(n, 0, name);
    Constant w = constant(n, 1, name, "weight");
    Constant b = n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? constant(n, 2, name, "bias") : null;
    add(name, n, OnnxLayers.conv(n, w, b, shapes.get(x)));
  }

  private void gemm(NodeProto n, String name) {
    String x = tensor(n, 0, name);
    if (OnnxAttributes.intAttr(n, "transA", 0) != 0) {
      throw new IllegalArgumentException("Gemm with transA=1 is not supported");
    }
    Constant bm = constant(n, 1, name, "B");
    Constant c = n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? constant(n, 2, name, "C") : null;
    add(name, n, OnnxLayers.gemm(n, bm, c, shapes.get(x)));
  }

  private void matMul(NodeProto n, String name) {
    String x = tensor(n, 0, name);
    add(name, n, OnnxLayers.matMul(constant(n, 1, name, "right-hand side"), shapes.get(x)));
  }

  private void concat(NodeProto n, String name) {
    Layer.Concat layer = OnnxLayers.concat(n, shapes.get(tensor(n, 0, name)));
    List<String> in = new ArrayList<>();
    for (int i = 0; i < n.getInputCount(); i++) {
      in.add(tensor(n, i, name));
    }
    put(name, n.getOutput(0), new Node(name, layer, in));
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
    Layer folded = OnnxLayers.withExtraBias(producer.layer(), bias.values());
    nodes.set(at, new Node(producer.name(), folded, producer.inputs()));
    alias.put(n.getOutput(0), producer.name());
  }

  private void pad(NodeProto n, String name) {
    String x = tensor(n, 0, name);
    OnnxLayers.requireConstantPad(n);
    long[] p = constant(n, 1, name, "pads").asLongs();
    double value = 0;
    if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
      value = constant(n, 2, name, "constant_value").values()[0];
    }
    if (n.getInputCount() > 3 && !n.getInput(3).isEmpty()) {
      throw new IllegalArgumentException("Pad with an axes input is not supported");
    }
    int[] sample = OnnxLayers.samplePads(p, shapes.get(x));
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
