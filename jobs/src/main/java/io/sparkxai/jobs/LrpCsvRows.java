package io.sparkxai.jobs;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import io.sparkxai.lrp.Heatmaps;
import io.sparkxai.lrp.LrpEngines;
import io.sparkxai.lrp.LrpExplainer;
import io.sparkxai.lrp.core.LrpEngine;
import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.lrp.core.LrpResult;
import io.sparkxai.lrp.core.Target;
import io.sparkxai.nn.AtomicFile;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.nn.ModelFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code lrp --input FILE}: the rows of a CSV file (one flattened input per row, in the model's own
 * layout) explained in this JVM by the LRP engine, with the engine options, batch size, device and
 * precision of an {@link LrpExplainer}'s params (no Spark job: a CSV of inputs is small).
 */
final class LrpCsvRows {

  private LrpCsvRows() {}

  /**
   * What a run explained.
   *
   * @param graph the model
   * @param rows rows explained
   * @param relevance row after row, each in the model's input layout
   * @param outputs the model's outputs, row after row
 * @param predicted the predicted class of each row
   * @param explained the explained class of each row
   * @param initial the initial relevance of each row
   * @param sums the relevance sum of each row
   * @param rules each layer's rule, as the engine applied it
   * @param device where the engine ran
   * @param lrpNanos time in the engine's explain calls
   * @param forwardNanos time in forward passes of the same batches (the yardstick)
   */
  record Explained(Graph graph, int rows, double[] relevance, double[] outputs, int[] predicted, int[] explained, double[] initial,
      double[] sums, Map<String, String> rules, Device device, long lrpNanos, long forwardNanos) {}

  /** Reads the model and the rows, and explains them in batches of the explainer's batch size. */
  static Explained explain(Path model, Path input, LrpExplainer lrp, LrpOptions options) throws IOException {
    double[][] rows = readRows(input);
    Graph graph;
    try {
      graph = ModelFiles.read(model, rows[0].length, false);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--model " + e.getMessage());
    }
    if (rows[0].length != graph.inputSize()) {
      throw new UsageException("--input " + input + ": rows have " + rows[0].length + " values, the model takes "
          + graph.inputSize() + " (" + Arrays.toString(graph.inputShape()) + ")");
    }
    Target target = target(lrp.getTargetClass(), graph);
    LrpEngines.configureDjl();
    Device device = device(lrp.getDevice());
    try (LrpEngine engine = LrpEngines.engine(graph, options, device, dataType(lrp))) {
      return explain(engine, graph, rows, target, lrp.getBatchSize(), device);
    }
  }

  private static Explained explain(LrpEngine engine, Graph graph, double[][] rows, Target target, int batch,
      Device device) {
    int n = rows.length;
    int in = graph.inputSize();
    double[] relevance = new double[n * in];
    double[] outputs = new double[n * graph.outputSize()];
    int[] predicted = new int[n];
    int[] explained = new int[n];
    double[] initial = new double[n];
    double[] sums = new double[n];
    long lrpNanos = 0;
    long forwardNanos = 0;
    for (int from = 0; from < n; from += batch) {
      int m = Math.min(batch, n - from);
      double[] chunk = new double[m * in];
      for (int r = 0; r < m; r++) {
        System.arraycopy(rows[from + r], 0, chunk, r * in, in);
      }
      long t0 = System.nanoTime();
      LrpResult res = engine.explain(chunk, m, target);
      long t1 = System.nanoTime();
      engine.forward(chunk, m);
      forwardNanos += System.nanoTime() - t1;
      lrpNanos += t1 - t0;
      System.arraycopy(res.relevance(), 0, relevance, from * in, m * in);
      System.arraycopy(res.outputs(), 0, outputs, from * res.outputSize(), m * res.outputSize());
      System.arraycopy(res.predicted(), 0, predicted, from, m);
      System.arraycopy(res.target(), 0, explained, from, m);
      System.arraycopy(res.initial(), 0, initial, from, m);
      System.arraycopy(res.relevanceSum(), 0, sums, from, m);
    }
    Map<String, String> rules = new LinkedHashMap<>();
    engine.rules().forEach((k, v) -> rules.put(k, v.describe()));
    return new Explained(graph, n, relevance, outputs, predicted, explained, initial, sums, rules, device, lrpNanos,
        forwardNanos);
  }

  /** The engine's number type for the explainer's precision. */
  static DataType dataType(LrpExplainer lrp) {
    return lrp.getPrecision().equals("float64") ? DataType.FLOAT64 : DataType.FLOAT32;
  }

  private static Target target(int classIndex, Graph graph) {
    if (classIndex < 0) {
      return Target.predicted();
    }
    if (classIndex >= graph.outputSize()) {
      throw new UsageException("--target " + classIndex + ": the model has outputs 0 to " + (graph.outputSize() - 1));
    }
    return Target.index(classIndex);
  }

  private static Device device(String name) {
    int gpus = Engine.getInstance().getGpuCount();
    return switch (name) {
      case "cpu" -> Device.cpu();
      case "gpu" -> {
        if (gpus == 0) {
          throw new UsageException("--device gpu: DJL sees no GPU on this machine (CUDA natives and a GPU are needed)");
        }
        yield Device.gpu();
      }
      default -> gpus > 0 ? Device.gpu() : Device.cpu();
    };
  }

  static double[][] readRows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<double[]> rows = new ArrayList<>();
    int width = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(",");
      if (width < 0) {
        width = parts.length;
      } else if (parts.length != width) {
        throw new UsageException("--input " + file + ": row " + (i + 1) + " has " + parts.length + " values, row 1 has "
            + width);
      }
      rows.add(parse(file, i + 1, parts));
    }
    if (rows.isEmpty()) {
      throw new UsageException("--input " + file + ": no rows");
    }
    return rows.toArray(new double[0][]);
  }

  private static double[] parse(Path file, int row, String[] parts) {
    double[] v = new double[parts.length];
    for (int k = 0; k < parts.length; k++) {
      try {
        v[k] = Double.parseDouble(parts[k].strip());
      } catch (NumberFormatException e) {
        throw new UsageException("--input " + file + ": row " + row + " column " + (k + 1) + " has '"
            + parts[k].strip() + "', not a number");
      }
      if (!Double.isFinite(v[k])) {
        throw new UsageException("--input " + file + ": row " + row + " column " + (k + 1) + " is " + v[k]);
      }
    }
    return v;
  }

  /** Writes the relevance as CSV, one row per input, with as many digits as the precision holds. */
  static void writeCsv(Explained e, Path target, DataType type) throws IOException {
    String format = type == DataType.FLOAT64 ? "%.17g" : "%.9g";
    int width = e.graph().inputSize();
    AtomicFile.write(target, w -> {
      for (int r = 0; r < e.rows(); r++) {
        for (int i = 0; i < width; i++) {
          if (i > 0) {
            w.write(',');
          }
          w.write(String.format(Locale.ROOT, format, e.relevance()[r * width + i]));
        }
        w.write('\n');
      }
    });
  }

  /**
   * Writes one heatmap PNG per row into {@code dir}, at least {@code size} pixels on its longer side
   * (0: the model's size); the model must take images.
   */
  static void writeHeatmaps(Explained e, Path dir, int size) throws IOException {
    Graph graph = e.graph();
    int[] s = graph.inputShape();
    if (s.length != 3) {
      throw new UsageException("--heatmaps needs an image model; this one takes " + Arrays.toString(s));
    }
    int n = graph.inputSize();
    for (int r = 0; r < e.rows(); r++) {
      double[] row = Arrays.copyOfRange(e.relevance(), r * n, (r + 1) * n);
      Heatmaps.writePng(Heatmaps.upscale(Heatmaps.render(row, s[0], s[1], s[2],
          graph.inputLayout() == InputLayout.HWC), size),
          dir.resolve(String.format(Locale.ROOT, "relevance_%05d.png", r)));
    }
  }
}
