package io.sparkxai.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable network: one input, nodes in topological order, one output. Construction checks
 * that names are unique, that every node reads the input or an earlier node, and infers every
 * tensor's per-sample shape; a mismatch fails naming the node and the shapes. Serializable so that
 * Spark can ship a graph built in memory to executors (a broadcast of trusted, in-process data; model
 * files are read with the format readers, never with Java deserialization).
 */
public final class Graph implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final String inputName;
  private final int[] inputShape;
  private final InputLayout inputLayout;
  private final List<Node> nodes;
  private final String outputName;
  private final Map<String, int[]> shapes;
  private final Map<String, Node> byName;

  /**
   * @param inputName name of the input tensor
   * @param inputShape per-sample input shape ({@code [C,H,W]} for images, {@code [F]} for vectors)
   * @param inputLayout how users lay out input rows (the graph itself always computes on C,H,W)
   * @param nodes in topological order
   * @param outputName the node whose output is the model's output; null for the last node
   */
  public Graph(String inputName, int[] inputShape, InputLayout inputLayout, List<Node> nodes, String outputName) {
    this.inputName = inputName;
    this.inputShape = inputShape.clone();
    this.inputLayout = inputLayout;
    this.nodes = List.copyOf(nodes);
    if (this.nodes.isEmpty()) {
      throw new IllegalArgumentException("a graph needs at least one node");
    }
    this.outputName = outputName != null ? outputName : this.nodes.get(this.nodes.size() - 1).name();
    for (int d : inputShape) {
      Shapes.require(d > 0, "input '%s' has a non-positive size in shape %s", inputName, Arrays.toString(inputShape));
    }
    Shapes.require(inputLayout != InputLayout.HWC || inputShape.length == 3,
        "an HWC input needs an image shape [C,H,W], got %s", Arrays.toString(inputShape));
    Map<String, int[]> s = new LinkedHashMap<>();
    Map<String, Node> names = new HashMap<>();
    s.put(inputName, this.inputShape.clone());
    for (Node n : this.nodes) {
      if (s.containsKey(n.name())) {
        throw new IllegalArgumentException("node name '" + n.name() + "' is used twice");
      }
      int arity = n.layer().arity();
      if (arity >= 0 ? n.inputs().size() != arity : n.inputs().size() < 2) {
        throw new IllegalArgumentException("node '" + n.name() + "' (" + n.layer().kind() + ") needs "
            + (arity >= 0 ? arity : "two or more") + " input(s), got " + n.inputs().size());
      }
      List<int[]> in = new ArrayList<>();
      for (String i : n.inputs()) {
        int[] shape = s.get(i);
        if (shape == null) {
          throw new IllegalArgumentException("node '" + n.name() + "' reads '" + i
              + "', which is neither the graph input nor an earlier node");
        }
        in.add(shape);
      }
      try {
        s.put(n.name(), n.layer().outputShape(in));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("node '" + n.name() + "' (" + n.layer().kind() + "): " + e.getMessage(), e);
      }
      names.put(n.name(), n);
    }
    if (!names.containsKey(this.outputName)) {
      throw new IllegalArgumentException("output '" + this.outputName + "' is not a node of the graph");
    }
    this.shapes = Collections.unmodifiableMap(s);
    this.byName = Collections.unmodifiableMap(names);
  }

  /** Name of the input tensor. */
  public String inputName() {
    return inputName;
  }

  /** Per-sample input shape as the graph computes it ({@code [C,H,W]} or {@code [F]}). */
  public int[] inputShape() {
    return inputShape.clone();
  }

  /** How input rows are laid out by the model's users. */
  public InputLayout inputLayout() {
    return inputLayout;
  }

  /** Number of values in one input sample. */
  public int inputSize() {
    return Shapes.size(inputShape);
  }

  /** The nodes in topological order. */
  public List<Node> nodes() {
    return nodes;
  }

  /** The node that produces the output. */
  public String outputName() {
    return outputName;
  }

  /** Per-sample output shape. */
  public int[] outputShape() {
    return shape(outputName);
  }

  /** Number of values in one output sample. */
  public int outputSize() {
    return Shapes.size(shape(outputName));
  }

  /** The per-sample shape of a tensor (the input or a node's output). */
  public int[] shape(String tensor) {
    int[] s = shapes.get(tensor);
    if (s == null) {
      throw new IllegalArgumentException("no tensor named '" + tensor + "' in the graph");
    }
    return s.clone();
  }

  /** The node of that name. */
  public Node node(String name) {
    Node n = byName.get(name);
    if (n == null) {
      throw new IllegalArgumentException("no node named '" + name + "' in the graph");
    }
    return n;
  }

  /** The nodes that read {@code tensor}, in order. */
  public List<Node> consumers(String tensor) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n.inputs().contains(tensor)) {
        out.add(n);
      }
    }
    return out;
  }

  /** The same input and output with other nodes (for graph rewrites). */
  public Graph withNodes(List<Node> newNodes, String newOutput) {
    return new Graph(inputName, inputShape, inputLayout, newNodes, newOutput);
  }

  /** One line per node: name, kind, inputs and output shape. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(inputName).append(' ').append(Arrays.toString(inputShape)).append(' ').append(inputLayout).append('\n');
    for (Node n : nodes) {
      b.append(n.name()).append(" = ").append(n.layer().kind()).append(n.inputs()).append(" -> ")
          .append(Arrays.toString(shapes.get(n.name()))).append('\n');
    }
    return b.toString();
  }
}
