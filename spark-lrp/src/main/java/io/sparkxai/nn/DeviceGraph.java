package io.sparkxai.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph's weights placed on one device in one precision, ready to run batches. The weights live
 * in a manager of their own; once every constant is made, {@link #seal()} caps it so that no batch
 * result can attach to it by mistake (a leak). Each batch runs in a manager the caller opens and
 * closes. Concurrent forwards are safe: the weights are only read.
 */
public final class DeviceGraph implements AutoCloseable {

  private final Graph graph;
  private final DataType dataType;
  private final NDManager weights;
  private final Map<String, NDArray[]> tensors = new HashMap<>();
  private final Map<String, LinearForm> forms = new HashMap<>();

  /**
   * Places the weights of {@code graph} on {@code device}.
   *
   * @param dataType {@link DataType#FLOAT32} or {@link DataType#FLOAT64}
   */
  public DeviceGraph(Graph graph, Device device, DataType dataType) {
    if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT64) {
      throw new IllegalArgumentException("precision must be float32 or float64, got " + dataType);
    }
    this.graph = graph;
    this.dataType = dataType;
    this.weights = NDManager.newBaseManager(device);
    try {
      for (Node n : graph.nodes()) {
        int[] inShape = graph.shape(n.inputs().get(0));
        LinearForm f = LinearForm.of(n.layer(), inShape);
        if (f != null) {
          forms.put(n.name(), f);
        }
        if (n.layer() instanceof Layer.Linear || n.layer() instanceof Layer.Conv2d) {
          tensors.put(n.name(), new NDArray[] {constant(f.weight(), f.weightShape()),
              constant(f.bias(), new long[] {f.bias().length})});
        } else if (n.layer() instanceof Layer.BatchNorm bn) {
          double[][] ab = bn.affine();
          long[] shape = new long[inShape.length];
          shape[0] = inShape[0];
          for (int i = 1; i < shape.length; i++) {
            shape[i] = 1;
          }
          tensors.put(n.name(), new NDArray[] {constant(ab[0], shape), constant(ab[1], shape)});
        }
      }
    } catch (RuntimeException e) {
      weights.close();
      throw e;
    }
  }

  /** The graph. */
  public Graph graph() {
    return graph;
  }

  /** The precision the weights and batches use. */
  public DataType dataType() {
    return dataType;
  }

  /** The device. */
  public Device device() {
    return weights.getDevice();
  }

  /** The manager that owns the weights; batch managers should be opened elsewhere. */
  public NDManager weightManager() {
    return weights;
  }

  /** The affine form of a node, or null when it has none. */
  public LinearForm form(String node) {
    return forms.get(node);
  }

  /** The device tensors of a node (weight and bias, or BatchNorm's a and b), or null. */
  public NDArray[] tensors(String node) {
    return tensors.get(node);
  }

  /** A constant on this graph's device and precision, owned by the weight manager. */
  public NDArray constant(double[] values, long[] shape) {
    NDArray a = dataType == DataType.FLOAT64 ? weights.create(values, new Shape(shape))
        : weights.create(toFloat(values), new Shape(shape));
    return a;
  }

  /**
   * A batch as the graph computes on it, {@code [n, ...inputShape]}, from rows in the model's own
   * layout ({@link Graph#inputLayout()}), owned by {@code batch}.
   */
  public NDArray input(NDManager batch, double[] rows, int n) {
    int size = graph.inputSize();
    if (rows.length < (long) n * size) {
      throw new IllegalArgumentException("a batch of " + n + " rows needs " + ((long) n * size) + " values, got "
          + rows.length);
    }
    double[] chw = graph.inputLayout() == InputLayout.HWC ? Layouts.hwcToChw(rows, n, graph.inputShape()) : rows;
    long[] shape = batchShape(n, graph.inputShape());
    if (dataType == DataType.FLOAT64) {
      return batch.create(chw.length == (long) n * size ? chw : java.util.Arrays.copyOf(chw, n * size),
          new Shape(shape));
    }
    float[] f = new float[n * size];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) chw[i];
    }
    return batch.create(f, new Shape(shape));
  }

  /** As {@link #input(NDManager, double[], int)} for float rows (image pixels, Spark array&lt;float&gt; columns). */
  public NDArray input(NDManager batch, float[] rows, int n) {
    int size = graph.inputSize();
    if (rows.length < (long) n * size) {
      throw new IllegalArgumentException("a batch of " + n + " rows needs " + ((long) n * size) + " values, got "
          + rows.length);
    }
    if (graph.inputLayout() == InputLayout.HWC || dataType == DataType.FLOAT64) {
      double[] d = new double[n * size];
      for (int i = 0; i < d.length; i++) {
        d[i] = rows[i];
      }
      return input(batch, d, n);
    }
    float[] exact = rows.length == (long) n * size ? rows : java.util.Arrays.copyOf(rows, n * size);
    return batch.create(exact, new Shape(batchShape(n, graph.inputShape())));
  }

  /** Runs the graph and returns its output, owned by the input's manager. */
  public NDArray forward(NDArray input) {
    Map<String, NDArray> all = forwardAll(input);
    return all.get(graph.outputName());
  }

  /** Runs the graph and returns every tensor by name (the input included), owned by the input's manager. */
  public Map<String, NDArray> forwardAll(NDArray input) {
    Map<String, NDArray> values = new LinkedHashMap<>();
    values.put(graph.inputName(), input);
    for (Node n : graph.nodes()) {
      List<NDArray> in = new ArrayList<>(n.inputs().size());
      for (String i : n.inputs()) {
        in.add(values.get(i));
      }
      values.put(n.name(), Ops.forward(n.layer(), in, tensors.get(n.name()), forms.get(n.name())));
    }
    return values;
  }

  static long[] batchShape(int n, int[] sample) {
    long[] s = new long[sample.length + 1];
    s[0] = n;
    for (int i = 0; i < sample.length; i++) {
      s[i + 1] = sample[i];
    }
    return s;
  }

  private static float[] toFloat(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  /** Caps the weight manager: from now on nothing may attach to it (a batch result would leak). */
  public void seal() {
    weights.cap();
  }

  /** Frees the weights. */
  @Override
  public void close() {
    weights.close();
  }
}
