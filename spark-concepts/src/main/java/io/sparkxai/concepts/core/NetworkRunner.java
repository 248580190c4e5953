package io.sparkxai.concepts.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores rows with a trained concept network, in plain Java and double precision, one row at a
 * time. Training runs on DJL; scoring does not, for two reasons: a row's result must not depend on
 * which rows share its batch (PyTorch's CPU kernels round differently for different batch sizes —
 * differences of ~1e-7 were measured between partitionings — so a transform would not be a
 * function of the row alone), and executors then need no native library to score. The forward
 * pass is the blocks' ({@link ConceptBottleneckBlock}, {@link ConceptEmbeddingBlock},
 * {@link EntropyLogicBlock}); a test checks it against DJL's to 1e-5. Transcendental functions
 * come from {@link StrictMath}: {@code Math.exp} may differ in the last bit between interpreted and
 * compiled code, which would make a row's output depend on when the JIT got to it.
 */
public final class NetworkRunner {

  private final NetworkSpec spec;
  private final List<Dense> encoder = new ArrayList<>();
  private final List<Dense> head = new ArrayList<>();
  private Dense contexts;
  private Dense scorer;
  private double[][] attention;
  private double[][] scaled;
  private double[] entropyWeight;
  private double[] entropyBias;

  /** Builds the network with {@code parameters} (names and shapes must be the spec's). */
  public NetworkRunner(NetworkSpec spec, ParameterSnapshot parameters) {
    this.spec = spec;
    Cursor cursor = new Cursor(parameters);
    int d = spec.numFeatures();
    int k = spec.numConcepts();
    switch (spec.kind()) {
      case BOTTLENECK:
        d = layers(cursor, encoder, d, spec.encoderHidden(), k);
        layers(cursor, head, k, spec.headHidden(), spec.taskOutputs());
        break;
      case EMBEDDING:
        for (int h : spec.encoderHidden()) {
          encoder.add(cursor.dense(h, d));
          d = h;
        }
        int m = spec.embeddingSize();
        contexts = cursor.dense(k * 2 * m, d);
        scorer = cursor.dense(1, 2 * m);
        layers(cursor, head, k * m, spec.headHidden(), spec.taskOutputs());
        break;
      default:
        entropy(cursor);
    }
    cursor.requireDone();
  }

  private static int layers(Cursor cursor, List<Dense> out, int in, int[] hidden, int outputs) {
    int width = in;
    for (int h : hidden) {
      out.add(cursor.dense(h, width));
      width = h;
    }
    out.add(cursor.dense(outputs, width));
    return outputs;
  }

  private void entropy(Cursor cursor) {
    int classes = spec.numClasses();
    int k = spec.numConcepts();
    int[] hidden = spec.encoderHidden();
    int width = hidden[0];
    entropyWeight = cursor.next(new long[] {classes, width, k});
    entropyBias = cursor.next(new long[] {classes, 1, width});
    int in = width;
    for (int i = 1; i < hidden.length; i++) {
      head.add(cursor.dense(hidden[i], in));
      in = hidden[i];
    }
    head.add(cursor.dense(1, in));
    // α = softmax(‖W‖₁ over outputs / τ) per class, α̃ = α / max α (Barbiero et al. 2022, eq. 1–3)
    attention = LogicExplanations.attention(entropyWeight, classes, width, k, spec.temperature());
    scaled = new double[classes][k];
    for (int c = 0; c < classes; c++) {
      double top = 0;
      for (int j = 0; j < k; j++) {
        top = Math.max(top, attention[c][j]);
      }
      for (int j = 0; j < k; j++) {
        scaled[c][j] = attention[c][j] / top;
      }
    }
  }

  /** The network's description. */
  public NetworkSpec spec() {
    return spec;
  }

  /**
   * Runs {@code rows} rows.
   *
   * @param features row-major features (rows × numFeatures); ignored by entropy networks
   * @param concepts row-major concept values: the inputs of an entropy network, else the true values
   *     used where {@code mask} is 1 (may be null without a mask)
   * @param mask row-major 0/1 intervention mask, or null for none
   */
  public Outputs run(int rows, float[] features, float[] concepts, float[] mask) {
    int k = spec.numConcepts();
    int width = spec.taskOutputs();
    double[] task = new double[rows * width];
    double[] predicted = new double[rows * k];
    double[] used = new double[rows * k];
    for (int r = 0; r < rows; r++) {
      if (spec.kind() == NetworkSpec.Kind.ENTROPY) {
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
          c[j] = concepts[r * k + j];
          predicted[r * k + j] = c[j];
          used[r * k + j] = c[j];
        }
        entropyRow(c, task, r);
      } else {
        double[] x = new double[spec.numFeatures()];
        for (int j = 0; j < x.length; j++) {
          x[j] = features[r * x.length + j];
        }
        double[] y = spec.kind() == NetworkSpec.Kind.BOTTLENECK
            ? bottleneckRow(x, concepts, mask, r, predicted, used)
            : embeddingRow(x, concepts, mask, r, predicted, used);
        System.arraycopy(y, 0, task, r * width, width);
      }
    }
    return new Outputs(rows, width, task, predicted, used, attention == null ? null : copy(attention));
  }

  private double[] bottleneckRow(double[] x, float[] concepts, float[] mask, int r, double[] predicted,
      double[] used) {
    double[] h = x;
    for (int i = 0; i < encoder.size(); i++) {
      h = encoder.get(i).apply(h);
      if (i < encoder.size() - 1) {
        activate(h);
      }
    }
    int k = spec.numConcepts();
    double[] seen = new double[k];
    for (int j = 0; j < k; j++) {
      double p = sigmoid(h[j]);
      predicted[r * k + j] = p;
      seen[j] = mix(p, concepts, mask, r * k + j);
      used[r * k + j] = seen[j];
    }
    return headOf(seen);
  }

  private double[] embeddingRow(double[] x, float[] concepts, float[] mask, int r, double[] predicted,
      double[] used) {
    double[] h = x;
    for (Dense layer : encoder) {
      h = layer.apply(h);
      activate(h);
    }
    double[] context = contexts.apply(h);
    activate(context);
    int k = spec.numConcepts();
    int m = spec.embeddingSize();
    double[] embedding = new double[k * m];
    double[] slice = new double[2 * m];
    for (int j = 0; j < k; j++) {
      System.arraycopy(context, j * 2 * m, slice, 0, 2 * m);
      double p = sigmoid(scorer.apply(slice)[0]);
      predicted[r * k + j] = p;
      double s = mix(p, concepts, mask, r * k + j);
      used[r * k + j] = s;
      for (int e = 0; e < m; e++) {
        double active = slice[e];
        double inactive = slice[m + e];
        embedding[j * m + e] = inactive + (active - inactive) * s;
      }
    }
    return headOf(embedding);
  }

  private void entropyRow(double[] c, double[] task, int r) {
    int classes = spec.numClasses();
    int k = c.length;
    int width = spec.encoderHidden()[0];
    for (int cls = 0; cls < classes; cls++) {
      double[] h = new double[width];
      for (int o = 0; o < width; o++) {
        double s = entropyBias[cls * width + o];
        int row = (cls * width + o) * k;
        for (int j = 0; j < k; j++) {
          s += entropyWeight[row + j] * c[j] * scaled[cls][j];
        }
        h[o] = s;
      }
      activate(h);
      task[r * classes + cls] = headOf(h)[0];
    }
  }

  private double[] headOf(double[] input) {
    double[] h = input;
    for (int i = 0; i < head.size(); i++) {
      h = head.get(i).apply(h);
      if (i < head.size() - 1) {
        activate(h);
      }
    }
    return h;
  }

  private static double mix(double p, float[] truth, float[] mask, int at) {
    return mask == null ? p : p + mask[at] * (truth[at] - p);
  }

  private void activate(double[] h) {
    for (int i = 0; i < h.length; i++) {
      double v = h[i];
      switch (spec.activation()) {
        case LEAKY_RELU:
          h[i] = v >= 0 ? v : ActivationFunction.LEAKY_SLOPE * v;
          break;
        case RELU:
          h[i] = Math.max(0, v);
          break;
        case TANH:
          h[i] = StrictMath.tanh(v);
          break;
        default:
          h[i] = sigmoid(v);
      }
    }
  }

  private static double sigmoid(double z) {
    return 1 / (1 + StrictMath.exp(-z));
  }

  private static double[][] copy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }

  /** A linear layer {@code y = W x + b}, W (out × in) row-major as DJL and PyTorch store it. */
  private record Dense(int out, int in, double[] w, double[] b) {
    double[] apply(double[] x) {
      double[] y = new double[out];
      for (int o = 0; o < out; o++) {
        double s = b[o];
        int row = o * in;
        for (int i = 0; i < in; i++) {
          s += w[row + i] * x[i];
        }
        y[o] = s;
      }
      return y;
    }
  }

  /** Reads a snapshot's parameters in order, checking each shape. */
  private static final class Cursor {
    private final ParameterSnapshot p;
    private int at;

    Cursor(ParameterSnapshot p) {
      this.p = p;
    }

    double[] next(long[] shape) {
      if (at >= p.size()) {
        throw new IllegalArgumentException("the parameters end before the network does: " + p);
      }
      if (!java.util.Arrays.equals(p.shape(at), shape)) {
        throw new IllegalArgumentException("parameter " + p.names().get(at) + " has shape "
            + java.util.Arrays.toString(p.shape(at)) + ", the network needs " + java.util.Arrays.toString(shape));
      }
      float[] v = p.values(at++);
      double[] out = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        out[i] = v[i];
      }
      return out;
    }

    Dense dense(int out, int in) {
      double[] w = next(new long[] {out, in});
      double[] b = next(new long[] {out});
      return new Dense(out, in, w, b);
    }

    void requireDone() {
      if (at != p.size()) {
        throw new IllegalArgumentException("the parameters have " + (p.size() - at) + " more arrays than the network: "
            + p.names().subList(at, p.size()));
      }
    }
  }

  /**
   * One batch's results, row-major.
   *
   * @param rows rows scored
   * @param taskWidth task logits per row (1 for a binary head)
   * @param taskLogits the task logits
   * @param predictedConcepts the network's own concept probabilities (the inputs, for an entropy network)
   * @param usedConcepts the concept values the head saw, after interventions
   * @param attention the entropy layer's α (classes × concepts), entropy networks only
   */
  public record Outputs(int rows, int taskWidth, double[] taskLogits, double[] predictedConcepts,
      double[] usedConcepts, double[][] attention) {

    /** The shapes of the results (the values are many; printing an array gives only its identity). */
    @Override
    public String toString() {
      return "Outputs[rows=" + rows + ", taskWidth=" + taskWidth + ", taskLogits=" + size(taskLogits)
          + ", predictedConcepts=" + size(predictedConcepts) + ", usedConcepts=" + size(usedConcepts)
          + ", attention=" + (attention == null ? "none" : attention.length + " classes") + "]";
    }

    private static String size(double[] values) {
      return values == null ? "none" : values.length + " values";
    }

    /** The predicted class of row {@code r}: logit &gt; 0 for a binary head, else the first largest logit. */
    public int predictedClass(int r) {
      if (taskWidth == 1) {
        return taskLogits[r] > 0 ? 1 : 0;
      }
      int best = 0;
      for (int j = 1; j < taskWidth; j++) {
        if (taskLogits[r * taskWidth + j] > taskLogits[r * taskWidth + best]) {
          best = j;
        }
      }
      return best;
    }
  }
}
