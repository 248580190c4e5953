package io.sparkxai.lrp.core;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.sparkxai.nn.DeviceGraph;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.Layouts;
import io.sparkxai.nn.LinearForm;
import io.sparkxai.nn.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layer-wise relevance propagation for one model on one device: canonizes the graph, assigns the
 * composite's rules, places weights and rule tensors on the device once, and then explains batches
 * ({@link #explain}). Each batch runs in its own {@link NDManager}, closed before returning, and
 * costs one forward and one backward pass through a surrogate network ({@link Propagation}); rules
 * that modify weights add affine maps to both. Batches use the JVM's single gradient collector
 * through {@link Autograd}, so concurrent callers take turns.
 */
public final class LrpEngine implements AutoCloseable {

  private final Graph original;
  private final Graph graph;
  private final LrpOptions options;
  private final DeviceGraph dg;
  private final Map<String, Rule> rules;
  private final Propagation propagation;
  private final Autograd autograd;

  private LrpEngine(Graph original, Graph graph, LrpOptions options, DeviceGraph dg, Map<String, Rule> rules,
      Propagation propagation, Autograd autograd) {
    this.original = original;
    this.graph = graph;
    this.options = options;
    this.dg = dg;
    this.rules = rules;
    this.propagation = propagation;
    this.autograd = autograd;
  }

  /**
   * Builds an engine.
   *
   * @param graph the model as read
   * @param options composite, zero bias, canonizers, init
   * @param device where to compute
   * @param dataType {@link DataType#FLOAT32} or {@link DataType#FLOAT64}
   * @param autograd access to the gradient collector
   * @throws IllegalArgumentException when a rule does not fit its layer, naming both
   */
  public static LrpEngine create(Graph graph, LrpOptions options, Device device, DataType dataType,
      Autograd autograd) {
    Graph g = Canonizer.applyAll(graph, options.canonizers());
    Map<String, Rule> rules = Collections.unmodifiableMap(new LinkedHashMap<>(options.composite().assign(g)));
    for (Map.Entry<String, Rule> e : rules.entrySet()) {
      check(g, g.node(e.getKey()), e.getValue());
    }
    DeviceGraph dg = new DeviceGraph(g, device, dataType);
    try {
      Map<String, RuleTensors> tensors = new HashMap<>();
      for (Node n : g.nodes()) {
        Rule r = rules.get(n.name());
        LinearForm f = dg.form(n.name());
        if (r != null && f != null && !(r instanceof Rule.Pass)) {
          tensors.put(n.name(), RuleTensors.make(dg, f, g.shape(n.inputs().get(0)), r));
        }
      }
      dg.seal();
      Propagation p = new Propagation(dg, rules, tensors, nonNegative(g), reluGradientSuffices(g, rules),
          options.zeroBias());
      return new LrpEngine(graph, g, options, dg, rules, p, autograd);
    } catch (RuntimeException e) {
      dg.close();
      throw e;
    }
  }

  private static void check(Graph g, Node n, Rule rule) {
    Layer l = n.layer();
    String where = "rule " + rule.describe() + " does not fit node '" + n.name() + "' (" + l.kind() + "): ";
    if (rule instanceof Rule.Pass) {
      if (n.inputs().size() != 1 || !Arrays.equals(g.shape(n.inputs().get(0)), g.shape(n.name()))) {
        throw new IllegalArgumentException(where + "pass needs one input of the output's shape");
      }
      return;
    }
    boolean simple = rule instanceof Rule.Z || rule instanceof Rule.Epsilon || rule instanceof Rule.Norm;
    if (l instanceof Layer.Sum) {
      if (!simple) {
        throw new IllegalArgumentException(where + "a sum node takes norm, epsilon or z");
      }
      return;
    }
    if (LinearForm.of(l, g.shape(n.inputs().get(0))) != null) {
      return;
    }
    if (simple && l instanceof Layer.AvgPool2d) {
      return;
    }
    throw new IllegalArgumentException(where + "it needs a dense, convolutional or pooling layer");
  }

  /** Tensors known to be >= 0 (after ReLU, sigmoid, softmax, and what keeps signs), so x- terms can be skipped. */
  private static Set<String> nonNegative(Graph g) {
    Set<String> out = new HashSet<>();
    for (Node n : g.nodes()) {
      Layer l = n.layer();
      boolean allIn = n.inputs().stream().allMatch(out::contains);
      if (l instanceof Layer.ReLU || l instanceof Layer.Sigmoid || l instanceof Layer.Softmax
          || (allIn && (l instanceof Layer.MaxPool2d || l instanceof Layer.AvgPool2d || l instanceof Layer.SumPool2d
          || l instanceof Layer.GlobalAvgPool || l instanceof Layer.Flatten || l instanceof Layer.Reshape
          || l instanceof Layer.Identity || l instanceof Layer.Concat || l instanceof Layer.Add
          || l instanceof Layer.Sum || (l instanceof Layer.Pad p && p.value() >= 0)))) {
        out.add(n.name());
      }
    }
    return out;
  }

  /**
   * ReLUs with the pass rule whose plain gradient gives the same relevance: the gradient drops what
   * reaches a dead unit (output 0), and pass keeps it, so they agree when every reader of the output
   * hands a zero input zero relevance (rules proportional to the input: z, epsilon, norm, z+,
   * alpha-beta, gamma), looking through reshapes, padding with zeros, concatenation and max pooling.
   * The plain gradient saves element-wise passes.
   */
  private static Set<String> reluGradientSuffices(Graph g, Map<String, Rule> rules) {
    Set<String> out = new HashSet<>();
    for (Node n : g.nodes()) {
      if (n.layer() instanceof Layer.ReLU && rules.get(n.name()) instanceof Rule.Pass
          && zeroInputGetsZero(g, rules, n.name())) {
        out.add(n.name());
      }
    }
    return out;
  }

  private static boolean zeroInputGetsZero(Graph g, Map<String, Rule> rules, String tensor) {
    if (tensor.equals(g.outputName())) {
      return false;
    }
    for (Node c : g.consumers(tensor)) {
      Rule r = rules.get(c.name());
      Layer l = c.layer();
      boolean proportional = r instanceof Rule.Z || r instanceof Rule.Epsilon || r instanceof Rule.Norm
          || r instanceof Rule.ZPlus || r instanceof Rule.AlphaBeta || r instanceof Rule.Gamma;
      boolean positional = r == null && (l instanceof Layer.Flatten || l instanceof Layer.Reshape
          || l instanceof Layer.Identity || l instanceof Layer.Concat || l instanceof Layer.MaxPool2d
          || (l instanceof Layer.Pad p && p.value() == 0));
      if (!proportional && !(positional && zeroInputGetsZero(g, rules, c.name()))) {
        return false;
      }
    }
    return true;
  }

  /** The graph as given, before canonizing. */
  public Graph originalGraph() { return original; }
  /** The canonized graph the engine computes on. */
  public Graph graph() { return graph; }
  /** The options. */
  public LrpOptions options() { return options; }
  /** The rule of each node that has one (nodes without keep their gradient). */
  public Map<String, Rule> rules() { return rules; }
  /** The precision. */
  public DataType dataType() { return dg.dataType(); }
  /** The device. */
  public Device device() { return dg.device(); }
  /** Values per input row. */
  public int inputSize() { return graph.inputSize(); }
  /** Values per output row. */
  public int outputSize() { return graph.outputSize(); }

  /**
   * The model's outputs for {@code n} rows (row-major, in the model's input layout), without LRP.
   */
  public double[] forward(double[] rows, int n) {
    try (NDManager batch = NDManager.newBaseManager(dg.device())) {
      NDArray x = dg.input(batch, rows, n);
      return dg.forward(x).toType(DataType.FLOAT64, false).toDoubleArray();
    }
  }

  /** As {@link #explain(double[], int, Target)} for float rows. */
  public LrpResult explain(float[] rows, int n, Target target) {
    return explain(batch -> dg.input(batch, rows, n), n, target);
  }

  /**
   * Explains {@code n} rows (row-major, in the model's input layout). Safe to call from several
   * threads: batches take turns at the gradient collector.
   *
   * @param target which output to explain
   */
  public LrpResult explain(double[] rows, int n, Target target) {
    return explain(batch -> dg.input(batch, rows, n), n, target);
  }

  private LrpResult explain(java.util.function.Function<NDManager, NDArray> input, int n, Target target) {
    if (n <= 0) {
      throw new IllegalArgumentException("a batch needs at least one row, got " + n);
    }
    if (target instanceof Target.PerRow pr && pr.indices().length != n) {
      throw new IllegalArgumentException("per-row targets: " + pr.indices().length + " targets for " + n + " rows");
    }
    int outSize = graph.outputSize();
    double[] relevance;
    double[] outputs;
    int[] predicted = new int[n];
    int[] targets = new int[n];
    double[] initial = new double[n];
    try (NDManager batch = NDManager.newBaseManager(dg.device());
         GradientCollector gc = autograd.open()) {
      NDArray x = input.apply(batch);
      x.setRequiresGradient(true);
      Map<String, NDArray> sur = new HashMap<>();
      Map<String, NDArray> val = new HashMap<>();
      sur.put(graph.inputName(), x);
      val.put(graph.inputName(), x.stopGradient());
      for (Node node : graph.nodes()) {
        List<NDArray> s = new ArrayList<>(node.inputs().size());
        List<NDArray> v = new ArrayList<>(node.inputs().size());
        for (String i : node.inputs()) {
          s.add(sur.get(i));
          v.add(val.get(i));
        }
        NDArray out = propagation.node(node, s, v);
        sur.put(node.name(), out);
        val.put(node.name(), out.stopGradient());
      }
      NDArray out = sur.get(graph.outputName());
      outputs = val.get(graph.outputName()).toType(DataType.FLOAT64, false).toDoubleArray();
      double[] seed = seed(outputs, n, outSize, target, predicted, targets, initial);
      NDArray seedArray = batch.create(seed, new Shape(out.getShape().getShape())).toType(dg.dataType(), false);
      gc.backward(out.mul(seedArray).sum());
      relevance = x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
    }
    if (graph.inputLayout() == InputLayout.HWC) {
      relevance = Layouts.chwToHwc(relevance, n, graph.inputShape());
    }
    int inSize = graph.inputSize();
    double[] sums = new double[n];
    for (int r = 0; r < n; r++) {
      double sum = 0;
      for (int i = 0; i < inSize; i++) {
        sum += relevance[r * inSize + i];
      }
      sums[r] = sum;
    }
    return new LrpResult(n, inSize, outSize, relevance, outputs, predicted, targets, initial, sums);
  }

  private double[] seed(double[] outputs, int n, int outSize, Target target, int[] predicted, int[] targets,
      double[] initial) {
    double[] seed = new double[n * outSize];
    for (int r = 0; r < n; r++) {
      int best = 0;
      for (int k = 1; k < outSize; k++) {
        if (outputs[r * outSize + k] > outputs[r * outSize + best]) {
          best = k;
        }
      }
      predicted[r] = best;
      if (target instanceof Target.RawOutput) {
        targets[r] = -1;
        for (int k = 0; k < outSize; k++) {
          seed[r * outSize + k] = outputs[r * outSize + k];
          initial[r] += outputs[r * outSize + k];
        }
        continue;
      }
      int t;
      if (target instanceof Target.Index ix) {
        t = ix.index();
      } else if (target instanceof Target.PerRow pr) {
        t = pr.indices()[r];
      } else {
        t = best;
      }
      if (t < 0 || t >= outSize) {
        throw new IllegalArgumentException("target class " + t + " of row " + r + " is outside the model's "
            + outSize + " outputs");
      }
      targets[r] = t;
      double v = options.init() == Init.OUTPUT ? outputs[r * outSize + t] : 1.0;
      seed[r * outSize + t] = v;
      initial[r] = v;
    }
    return seed;
  }

  /** Frees the device tensors. */
  @Override
  public void close() {
    dg.close();
  }
}
