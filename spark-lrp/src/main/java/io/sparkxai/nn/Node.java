package io.sparkxai.nn;

import java.util.List;

/**
 * A named layer applied to the outputs of earlier nodes (or the graph input), by name. The node's
 * own output carries the node's name.
 *
 * @param name unique in its graph
 * @param layer the operation
 * @param inputs names of the tensors it reads: the graph input or earlier nodes
 */
public record Node(String name, Layer layer, List<String> inputs) implements java.io.Serializable {
  /** Checks and copies. */
  public Node {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a node needs a name");
    }
    inputs = List.copyOf(inputs);
  }

  /** A node with a single input. */
  public static Node of(String name, Layer layer, String input) {
    return new Node(name, layer, List.of(input));
  }
}
