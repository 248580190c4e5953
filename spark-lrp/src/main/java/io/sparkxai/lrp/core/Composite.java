package io.sparkxai.lrp.core;

import io.sparkxai.nn.Graph;
import io.sparkxai.nn.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rule each layer gets, in zennit's way ({@code zennit.composites}): a rule by node name wins;
 * otherwise the first layer (in topological order) that matches an entry of the first-layer map
 * takes that entry's rule, once; otherwise the first matching entry of the layer map; a layer
 * matching nothing keeps its gradient (so max pooling is winner-take-all, reshapes route relevance
 * unchanged). Immutable; the {@code with...} methods return new composites whose entries come before
 * the existing ones, as zennit's {@code layer_map}/{@code first_map} arguments do.
 */
public final class Composite {

  /** A layer type and its rule. */
  public record Entry(LayerType type, Rule rule) {}

  private final String name;
  private final List<Entry> layerMap;
  private final List<Entry> firstMap;
  private final Map<String, Rule> nameMap;

  /**
   * @param name a label for logs and metrics
   * @param layerMap entries tried in order for every layer
   * @param firstMap entries tried in order until one layer matched
   * @param nameMap rules by node name
   */
  public Composite(String name, List<Entry> layerMap, List<Entry> firstMap, Map<String, Rule> nameMap) {
    this.name = name;
    this.layerMap = List.copyOf(layerMap);
    this.firstMap = List.copyOf(firstMap);
    this.nameMap = Collections.unmodifiableMap(new LinkedHashMap<>(nameMap));
  }

  /**
   * One rule for every dense, convolutional and pooling layer, as lrp_toolbox applies a rule to all
   * its layers (sum pooling included); activations, softmax and BatchNorm pass relevance, sum nodes
   * get the norm rule, max pooling is winner-take-all.
   */
  public static Composite uniform(Rule rule) {
    return new Composite(rule.describe(), List.of(
        new Entry(LayerType.ACTIVATION, Rule.pass()),
        new Entry(LayerType.SOFTMAX, Rule.pass()),
        new Entry(LayerType.BATCH_NORM, Rule.pass()),
        new Entry(LayerType.SUM, Rule.norm()),
        new Entry(LayerType.LINEAR, rule),
        new Entry(LayerType.AVG_POOL, rule)), List.of(), Map.of());
  }

  /** A label for logs and metrics. */
  public String name() {
    return name;
  }

  /** The layer map, in matching order. */
  public List<Entry> layerMap() {
    return layerMap;
  }

  /** The first-layer map, in matching order. */
  public List<Entry> firstMap() {
    return firstMap;
  }

  /** Rules by node name. */
  public Map<String, Rule> nameMap() {
    return nameMap;
  }

  /** This composite with {@code rule} for the first layer of {@code type} (before the existing first-layer entries). */
  public Composite withFirstRule(LayerType type, Rule rule) {
    List<Entry> first = new ArrayList<>();
    first.add(new Entry(type, rule));
    first.addAll(firstMap);
    return new Composite(name + "+first:" + rule.describe(), layerMap, first, nameMap);
  }

  /** This composite with {@code rule} for layers of {@code type} (before the existing entries). */
  public Composite withLayerRule(LayerType type, Rule rule) {
    List<Entry> layers = new ArrayList<>();
    layers.add(new Entry(type, rule));
    layers.addAll(layerMap);
    return new Composite(name, layers, firstMap, nameMap);
  }

  /** This composite with {@code rule} for the node named {@code node}. */
  public Composite withNameRule(String node, Rule rule) {
    Map<String, Rule> names = new LinkedHashMap<>(nameMap);
    names.put(node, rule);
    return new Composite(name, layerMap, firstMap, names);
  }

  /**
   * The rule of every node that gets one, by node name; nodes absent from the map keep their
   * gradient. Fails when a name in the name map is not a node of {@code graph}.
   */
  public Map<String, Rule> assign(Graph graph) {
    for (String n : nameMap.keySet()) {
      graph.node(n); // throws naming the missing node
    }
    Map<String, Rule> out = new LinkedHashMap<>();
    boolean firstVisited = false;
    for (Node n : graph.nodes()) {
      Rule r = nameMap.get(n.name());
      if (r == null && !firstVisited) {
        for (Entry e : firstMap) {
          if (e.type().matches(n.layer())) {
            r = e.rule();
            firstVisited = true;
            break;
          }
        }
      }
      if (r == null) {
        for (Entry e : layerMap) {
          if (e.type().matches(n.layer())) {
            r = e.rule();
            break;
          }
        }
      }
      if (r != null) {
        out.put(n.name(), r);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return name;
  }
}
