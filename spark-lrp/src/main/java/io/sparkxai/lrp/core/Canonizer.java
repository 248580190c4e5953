package io.sparkxai.lrp.core;

import io.sparkxai.nn.BatchNormFolding;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Graph rewrites that keep the function and make the rules apply as intended (zennit's canonizers).
 */
public enum Canonizer {
  /** Folds each BatchNorm into the Conv2d or Linear before it ({@link BatchNormFolding}). */
  MERGE_BATCH_NORM,
  /**
   * Makes every element-wise {@link Layer.Add} an explicit {@link Layer.Sum} node, which composites
   * give the norm rule: each branch gets its share of the relevance. Without it, the gradient of an
   * addition copies the full relevance into every branch, so a residual block doubles it (zennit's
   * ResNet canonizer does the same for torchvision's blocks).
   */
  RESIDUAL_SUM;

  /** Both canonizers, the default. */
  public static final Set<Canonizer> ALL = Set.of(MERGE_BATCH_NORM, RESIDUAL_SUM);

  /** Applies this canonizer. */
  public Graph apply(Graph g) {
    if (this == MERGE_BATCH_NORM) {
      return BatchNormFolding.fold(g);
    }
    List<Node> nodes = new ArrayList<>();
    boolean changed = false;
    for (Node n : g.nodes()) {
      if (n.layer() instanceof Layer.Add) {
        nodes.add(new Node(n.name(), new Layer.Sum(), n.inputs()));
        changed = true;
      } else {
        nodes.add(n);
      }
    }
    return changed ? g.withNodes(nodes, g.outputName()) : g;
  }

  /** Applies the given canonizers, BatchNorm folding first. */
  public static Graph applyAll(Graph g, Set<Canonizer> canonizers) {
    Graph out = g;
    for (Canonizer c : values()) {
      if (canonizers.contains(c)) {
        out = c.apply(out);
      }
    }
    return out;
  }
}
