package io.sparkxai.lrp.core;

import io.sparkxai.nn.Graph;
import io.sparkxai.nn.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rule each layer of a model gets, as data for people to read (a report's table, a log): the
 * composite's name, whether biases are left out, the initial relevance, and one entry per node of the
 * canonized graph the engine computes on, in topological order. Nodes without a rule keep their
 * gradient (max pooling: winner takes all; reshapes: relevance routed unchanged).
 *
 * @param composite the composite's name, e.g. {@code EpsilonGammaBox} or {@code epsilon:0.01+first:wsquare}
 * @param zeroBias whether biases are left out of every denominator
 * @param init the initial relevance
 * @param layers one entry per node, in the engine's order
 */
public record LayerRules(String composite, boolean zeroBias, Init init, List<LayerRules.Entry> layers) {

  /** What {@link Entry#display()} says for a node without a rule. */
  public static final String GRADIENT = "gradient (no rule)";

  /**
   * One node and its rule.
   *
   * @param index the node's position in the canonized graph, from 0
   * @param name the node's name
   * @param type the node's operation, e.g. {@code Conv2d}, {@code ReLU}
   * @param rule its rule, or null when it keeps its gradient
   */
  public record Entry(int index, String name, String type, Rule rule) {
    /** The rule for people to read ({@link Rule#display()}), or {@link #GRADIENT}. */
    public String display() {
      return rule == null ? GRADIENT : rule.display();
    }
  }

  /** Copies the list. */
  public LayerRules {
    layers = List.copyOf(layers);
  }

  /**
   * The rules {@code options} give each node of {@code graph}, after the canonizers, exactly as
   * {@link LrpEngine#create} assigns them.
   *
   * @throws IllegalArgumentException when a rule of the composite's name map names no node
   */
  public static LayerRules of(Graph graph, LrpOptions options) {
    Graph g = Canonizer.applyAll(graph, options.canonizers());
    Map<String, Rule> rules = options.composite().assign(g);
    List<Entry> out = new ArrayList<>();
    for (Node n : g.nodes()) {
      out.add(new Entry(out.size(), n.name(), n.layer().kind(), rules.get(n.name())));
    }
    return new LayerRules(options.composite().name(), options.zeroBias(), options.init(), out);
  }

  /** The entries that have a rule. */
  public List<Entry> withRules() {
    return layers.stream().filter(e -> e.rule() != null).toList();
  }
}
