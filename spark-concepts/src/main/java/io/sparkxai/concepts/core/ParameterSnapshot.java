package io.sparkxai.concepts.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The values of a network's parameters as plain float arrays, by parameter name in the block's own
 * (deterministic) order: what travels between the driver and the training tasks, what is averaged
 * across shards, and what a saved model stores. Immutable: arrays are copied in and out.
 */
public final class ParameterSnapshot implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> names;
  private final List<long[]> shapes;
  private final List<float[]> values;

  /**
   * @param names parameter names, in the block's order
   * @param shapes each parameter's shape
   * @param values each parameter's values, row-major, as many as the shape holds
   */
  public ParameterSnapshot(List<String> names, List<long[]> shapes, List<float[]> values) {
    if (names.size() != shapes.size() || names.size() != values.size()) {
      throw new IllegalArgumentException("a snapshot needs one shape and one value array per name: " + names.size()
          + " names, " + shapes.size() + " shapes, " + values.size() + " value arrays");
    }
    this.names = List.copyOf(names);
    List<long[]> s = new ArrayList<>();
    List<float[]> v = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      long size = new Shape(shapes.get(i)).size();
      if (size != values.get(i).length) {
        throw new IllegalArgumentException("parameter " + names.get(i) + " has shape "
            + Arrays.toString(shapes.get(i)) + " (" + size + " values) but " + values.get(i).length + " values");
      }
      s.add(shapes.get(i).clone());
      v.add(values.get(i).clone());
    }
    this.shapes = List.copyOf(s);
    this.values = List.copyOf(v);
  }

  /** The current values of {@code block}'s parameters (the block must be initialised). */
  public static ParameterSnapshot of(Block block) {
    List<String> names = new ArrayList<>();
    List<long[]> shapes = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      NDArray a = p.getValue().getArray();
      names.add(p.getKey());
      shapes.add(a.getShape().getShape());
      values.add(a.toFloatArray());
    }
    return new ParameterSnapshot(names, shapes, values);
  }

  /**
   * PyTorch's default initialisation for {@code block}'s parameters (shapes taken from the
   * initialised block), drawn from a generator seeded by {@code seed}: each weight and the bias
   * after it uniform in ±1/√fan_in, with fan_in the product of the weight's dimensions after the
   * first ({@code nn.Linear.reset_parameters}, kaiming_uniform with a = √5; for torch_explain's
   * 3-d entropy weights this is out·in).
   */
  public static ParameterSnapshot pytorchDefault(Block block, long seed) {
    List<String> names = new ArrayList<>();
    List<long[]> shapes = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    long fanIn = 1;
    int index = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      long[] shape = p.getValue().getArray().getShape().getShape();
      if (p.getValue().getType() != Parameter.Type.BIAS) {
        fanIn = 1;
        for (int d = 1; d < shape.length; d++) {
          fanIn *= shape[d];
        }
      }
      double bound = 1.0 / Math.sqrt(Math.max(1, fanIn));
      SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, 17, index++));
      float[] v = new float[Math.toIntExact(new Shape(shape).size())];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
      }
      names.add(p.getKey());
      shapes.add(shape);
      values.add(v);
    }
    return new ParameterSnapshot(names, shapes, values);
  }

  /**
   * Initialises {@code block}'s parameters with these values, in arrays the engine owns (see
   * {@link NetworkTrainer#engineOwned}); names and shapes must match. The block must not be initialised yet.
   */
  public void initialize(Block block, NDManager manager, Shape... inputShapes) {
    int i = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (i >= names.size() || !names.get(i).equals(p.getKey())) {
        throw new IllegalStateException("snapshot does not match the network: expected parameter "
            + (i < names.size() ? names.get(i) : "(none)") + " at position " + i + ", the network has " + p.getKey());
      }
      float[] v = values.get(i);
      long[] expected = shapes.get(i);
      String name = names.get(i);
      p.getValue().setInitializer((m, shape, type) -> {
        if (!Arrays.equals(shape.getShape(), expected)) {
          throw new IllegalStateException("parameter " + name + " has shape " + shape + " in the network but "
              + Arrays.toString(expected) + " in the snapshot");
        }
        return NetworkTrainer.engineOwned(m.create(v).reshape(shape));
      });
      i++;
    }
    if (i != names.size()) {
      throw new IllegalStateException("snapshot has " + names.size() + " parameters, the network " + i);
    }
    block.initialize(manager, DataType.FLOAT32, inputShapes);
  }

  /**
   * Writes these values into {@code block}'s initialised parameters; names and shapes must match.
   * (DJL's {@code set} leaves the parameter reading a Java buffer: for training use {@link #initialize}.)
   */
  public void copyInto(Block block) {
    int i = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (i >= names.size() || !names.get(i).equals(p.getKey())) {
        throw new IllegalStateException("snapshot does not match the network: expected parameter "
            + (i < names.size() ? names.get(i) : "(none)") + " at position " + i + ", the network has " + p.getKey());
      }
      NDArray a = p.getValue().getArray();
      if (!Arrays.equals(a.getShape().getShape(), shapes.get(i))) {
        throw new IllegalStateException("parameter " + names.get(i) + " has shape " + a.getShape()
            + " in the network but " + Arrays.toString(shapes.get(i)) + " in the snapshot");
      }
      a.set(values.get(i));
      i++;
    }
    if (i != names.size()) {
      throw new IllegalStateException("snapshot has " + names.size() + " parameters, the network " + i);
    }
  }

  /** Number of parameters (arrays). */
  public int size() {
    return names.size();
  }

  /** The parameter names in order. */
  public List<String> names() {
    return names;
  }

  /** The shape of parameter {@code i} (a copy). */
  public long[] shape(int i) {
    return shapes.get(i).clone();
  }

  /** The values of parameter {@code i} (a copy). */
  public float[] values(int i) {
    return values.get(i).clone();
  }

  /** The index of parameter {@code name}, or -1. */
  public int indexOf(String name) {
    return names.indexOf(name);
  }

  /** Total number of scalar values. */
  public long totalValues() {
    long n = 0;
    for (float[] v : values) {
      n += v.length;
    }
    return n;
  }

  /**
   * The weighted mean of snapshots with the same names and shapes, summed in list order (so the
   * result depends only on the order of the list, which callers fix by shard index).
   */
  public static ParameterSnapshot weightedMean(List<ParameterSnapshot> parts, double[] weights) {
    if (parts.isEmpty() || parts.size() != weights.length) {
      throw new IllegalArgumentException("need one weight per snapshot: " + parts.size() + " snapshots, "
          + weights.length + " weights");
    }
    ParameterSnapshot first = parts.get(0);
    for (ParameterSnapshot p : parts) {
      if (!p.names.equals(first.names)) {
        throw new IllegalArgumentException("snapshots to average have different parameters: " + first.names
            + " vs. " + p.names);
      }
    }
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      int at = i;
      out.add(weightedMean(parts.size(), weights, s -> parts.get(s).values.get(at), first.names.get(i)));
    }
    return new ParameterSnapshot(first.names, first.shapes, out);
  }

  /**
   * The weighted mean of {@code n} arrays of the same length ({@code array.apply(s)} for s in
   * 0..n-1), accumulated in double in order of s, each weight divided by their sum.
   */
  static float[] weightedMean(int n, double[] weights, java.util.function.IntFunction<float[]> array, String name) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] acc = new double[array.apply(0).length];
    for (int s = 0; s < n; s++) {
      float[] v = array.apply(s);
      if (v == null || v.length != acc.length) {
        throw new IllegalArgumentException("part " + s + " of the average has no " + name + " of " + acc.length
            + " values");
      }
      double w = weights[s] / total;
      for (int j = 0; j < acc.length; j++) {
        acc[j] += w * v[j];
      }
    }
    float[] f = new float[acc.length];
    for (int j = 0; j < f.length; j++) {
      f[j] = (float) acc[j];
    }
    return f;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ParameterSnapshot)) {
      return false;
    }
    ParameterSnapshot s = (ParameterSnapshot) o;
    if (!names.equals(s.names)) {
      return false;
    }
    for (int i = 0; i < names.size(); i++) {
      if (!Arrays.equals(shapes.get(i), s.shapes.get(i)) || !Arrays.equals(values.get(i), s.values.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = names.hashCode();
    for (float[] v : values) {
      h = 31 * h + Arrays.hashCode(v);
    }
    return h;
  }

  @Override
  public String toString() {
    return "ParameterSnapshot" + names + " (" + totalValues() + " values)";
  }
}
