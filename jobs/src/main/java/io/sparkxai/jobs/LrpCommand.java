package io.sparkxai.jobs;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import io.sparkxai.conf.SparkXaiConfig;
import io.sparkxai.lrp.Heatmaps;
import io.sparkxai.lrp.Lrp;
import io.sparkxai.lrp.LrpCounts;
import io.sparkxai.lrp.LrpExplainer;
import io.sparkxai.lrp.core.Canonizer;
import io.sparkxai.lrp.core.Composite;
import io.sparkxai.lrp.core.Composites;
import io.sparkxai.lrp.core.Init;
import io.sparkxai.lrp.core.LayerType;
import io.sparkxai.lrp.core.LrpEngine;
import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.lrp.core.LrpResult;
import io.sparkxai.lrp.core.Rule;
import io.sparkxai.lrp.core.Target;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.nn.ModelFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spark-xai lrp}: relevance maps for the rows of a CSV file, computed in this JVM with the LRP
 * engine (no Spark job: a CSV of inputs is small), or for a folder of images, computed on Spark by
 * {@link io.sparkxai.lrp.LrpExplainer} ({@link LrpImageFolder}). {@code --master} and the other
 * common flags are accepted and validated like everywhere.
 */
@Command(name = "lrp", mixinStandardHelpOptions = true,
    description = "Layer-wise relevance propagation for the rows of a CSV file (one flattened input per row,"
        + " in the model's own layout: H,W,C for lrp_toolbox models, C,H,W for ONNX), or for a folder of images"
        + " (PNG, JPEG, ...) explained on Spark.")
public final class LrpCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "PATH", description = "An .onnx file or an lrp_toolbox .txt.")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "CSV without header, one flattened input per row; or a folder of images.")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "PATH",
      description = "CSV of relevance, one row per input, same layout (images: height, width, channel in the"
          + " stored B,G,R order; an index of the images is written beside it as PATH.index.csv).")
  Path output;

  @Option(names = "--composite", paramLabel = "NAME",
      description = "EpsilonPlus, EpsilonPlusFlat (default), EpsilonGammaBox, EpsilonAlpha2Beta1, EpsilonAlpha2Beta1Flat.")
  String composite;

  @Option(names = "--low", paramLabel = "X", description = "Lowest input value (EpsilonGammaBox).")
  Double low;

  @Option(names = "--high", paramLabel = "X", description = "Highest input value (EpsilonGammaBox).")
  Double high;

  @Option(names = "--rule", paramLabel = "RULE",
      description = "One rule for every layer: z, epsilon:E, gamma:G, alphabeta:A:B, zplus, wsquare, flat, zbox:L:H.")
  String rule;

  @Option(names = "--first-rule", paramLabel = "RULE", description = "The rule of the first dense/conv layer.")
  String firstRule;

  @Option(names = "--zero-bias", description = "Leave biases out of every denominator.")
  boolean zeroBias;

  @Option(names = "--no-canonize", description = "Keep BatchNorm and residual additions as they are.")
  boolean noCanonize;

  @Option(names = "--target", paramLabel = "predicted|INDEX", description = "The explained output (default predicted).")
  String target = "predicted";

  @Option(names = "--init", paramLabel = "one|output", description = "Initial relevance: 1, or the output's value (default one).")
  String init = "one";

  @Option(names = "--batch-size", paramLabel = "N", description = "Rows per batch (default 64).")
  Integer batchSize;

  @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Where to compute (default auto).")
  String device;

  @Option(names = "--precision", paramLabel = "float32|float64", description = "Default float32.")
  String precision;

  @Option(names = "--heatmaps", paramLabel = "DIR", description = "Also write one heatmap PNG per input row.")
  Path heatmaps;

  @Option(names = "--metrics-out", paramLabel = "FILE", description = "Write the run's figures as JSON.")
  Path metricsOut;

  @Mixin ImageOptions images;

  /** Flags that apply to a folder of images only. */
  static final class ImageOptions {
    @Option(names = "--resize", description = "Images: resample to the model's size (else other sizes are invalid).")
    boolean resize;

    @Option(names = "--channel-order", paramLabel = "RGB|BGR", description = "Images: the model's colour order"
        + " (default RGB).")
    String channelOrder;

    @Option(names = "--scale", paramLabel = "X", description = "Images: pixel (0-255) multiplier (default 1/255).")
    Double scale;

    @Option(names = "--mean", paramLabel = "X[,X...]", split = ",", description = "Images: subtracted after scaling,"
        + " one value or one per channel (default 0).")
    double[] mean;

    @Option(names = "--std", paramLabel = "X[,X...]", split = ",", description = "Images: divides after the mean"
        + " (default 1).")
    double[] std;

    @Option(names = "--input-shape", paramLabel = "C,H,W", split = ",", description = "Images with an lrp_toolbox"
        + " model: its input shape (the text format does not declare it).")
    int[] inputShape;

    @Option(names = "--handle-invalid", paramLabel = "error|skip|keep", description = "Images that cannot be"
        + " explained: fail (default), skip (counted), or keep in the index with the reason.")
    String handleInvalid;

    @Option(names = "--overlay", description = "Images: draw heatmaps over the image.")
    boolean overlay;

    @Option(names = "--partitions", paramLabel = "N", description = "Images: spread over N partitions.")
    Integer partitions;

    @Option(names = "--task-cpus", paramLabel = "N", description = "Images: run the LRP stage with N CPUs per task"
        + " (stage-level scheduling; clusters only).")
    Integer taskCpus;

    @Option(names = "--task-gpus", paramLabel = "X", description = "Images: run the LRP stage with X GPUs per task"
        + " (stage-level scheduling; clusters only).")
    Double taskGpus;

    boolean anyGiven() {
      return resize || channelOrder != null || scale != null || mean != null || std != null || inputShape != null
          || handleInvalid != null || overlay || partitions != null || taskCpus != null || taskGpus != null;
    }
  }

  @Override
  public Integer call() throws Exception {
    SparkXaiConfig config = common.load(new Flags()
        .put("sparkxai.lrp.batch-size", batchSize)
        .put("sparkxai.lrp.device", device)
        .put("sparkxai.lrp.precision", precision)
        .asMap());
    if (!Files.isRegularFile(model)) {
      throw new UsageException("--model " + model + ": no such file");
    }
    if (!Files.isRegularFile(input) && !Files.isDirectory(input)) {
      throw new UsageException("--input " + input + ": no such file or folder");
    }
    Init initMode = switch (init.toLowerCase(Locale.ROOT)) {
      case "one" -> Init.ONE;
      case "output" -> Init.OUTPUT;
      default -> throw new UsageException("--init " + init + ": expected one or output");
    };
    Composite comp = composite();
    if (Files.isDirectory(input)) {
      return imageFolder(config);
    }
    if (images.anyGiven()) {
      throw new UsageException("--resize, --channel-order, --scale, --mean, --std, --input-shape, --handle-invalid,"
          + " --overlay, --partitions, --task-cpus and --task-gpus apply to a folder of images, not to a CSV");
    }
    int batch = config.getInt("sparkxai.lrp.batch-size");
    DataType type = config.getString("sparkxai.lrp.precision").equals("float64") ? DataType.FLOAT64 : DataType.FLOAT32;
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
    Target tgt = target(graph);
    Lrp.configureDjl();
    Device dev = device(config.getString("sparkxai.lrp.device"));
    LrpOptions options = new LrpOptions(comp, zeroBias, noCanonize ? Set.of() : Canonizer.ALL, initMode);
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    int n = rows.length;
    int in = graph.inputSize();
    double[] relevance = new double[n * in];
    List<Integer> predicted = new ArrayList<>();
    List<Integer> targets = new ArrayList<>();
    List<Double> sums = new ArrayList<>();
    List<Double> initial = new ArrayList<>();
    long lrpNanos = 0;
    long forwardNanos = 0;
    try (LrpEngine engine = Lrp.engine(graph, options, dev, type)) {
      for (int from = 0; from < n; from += batch) {
        int m = Math.min(batch, n - from);
        double[] chunk = new double[m * in];
        for (int r = 0; r < m; r++) {
          System.arraycopy(rows[from + r], 0, chunk, r * in, in);
        }
        long t0 = System.nanoTime();
        LrpResult res = engine.explain(chunk, m, tgt);
        long t1 = System.nanoTime();
        engine.forward(chunk, m);
        forwardNanos += System.nanoTime() - t1;
        lrpNanos += t1 - t0;
        System.arraycopy(res.relevance(), 0, relevance, from * in, m * in);
        for (int r = 0; r < m; r++) {
          predicted.add(res.predicted()[r]);
          targets.add(res.target()[r]);
          sums.add(res.relevanceSum()[r]);
          initial.add(res.initial()[r]);
        }
      }
      writeCsv(output, relevance, n, in, type == DataType.FLOAT64 ? "%.17g" : "%.9g");
      if (heatmaps != null) {
        writeHeatmaps(graph, relevance, n);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", model.toString());
      m.put("rows", n);
      m.put("input_shape", graph.inputShape());
      m.put("input_layout", graph.inputLayout().name());
      m.put("composite", comp.name());
      Map<String, String> rules = new LinkedHashMap<>();
      engine.rules().forEach((k, v) -> rules.put(k, v.describe()));
      m.put("rules", rules);
      m.put("zero_bias", zeroBias);
      m.put("canonize", !noCanonize);
      m.put("init", initMode.name().toLowerCase(Locale.ROOT));
      m.put("target", target);
      m.put("precision", type == DataType.FLOAT64 ? "float64" : "float32");
      m.put("device", dev.toString());
      m.put("batch_size", batch);
      m.put("predicted", predicted);
      m.put("explained", targets);
      m.put("initial_relevance", initial);
      m.put("relevance_sum", sums);
      m.put("lrp_seconds", lrpNanos / 1e9);
      m.put("forward_seconds", forwardNanos / 1e9);
      m.put("lrp_forward_ratio", forwardNanos == 0 ? null : (double) lrpNanos / forwardNanos);
      m.put("seconds", seconds);
      if (metricsOut != null) {
        MetricsFile.write(metricsOut, m);
      }
      out.printf(Locale.ROOT, "lrp: %d row(s) of %s explained with %s on %s (%s), relevance in %s%s; %.2f s"
          + " (LRP %.3f s = %.1fx the forward pass)%n", n, model.getFileName(), comp.name(), dev,
          m.get("precision"), output, heatmaps == null ? "" : ", heatmaps in " + heatmaps, seconds, lrpNanos / 1e9,
          forwardNanos == 0 ? Double.NaN : (double) lrpNanos / forwardNanos);
      return 0;
    }
  }

  /** A folder of images: explained on Spark by LrpExplainer, written from the driver in file-name order. */
  private int imageFolder(SparkXaiConfig config) throws Exception {
    LrpExplainer lrp = new LrpExplainer().setModelPath(model.toString())
        .setBatchSize(config.getInt("sparkxai.lrp.batch-size"))
        .setDevice(config.getString("sparkxai.lrp.device"))
        .setPrecision(config.getString("sparkxai.lrp.precision"))
        .setZeroBias(zeroBias).setCanonize(!noCanonize).setInit(init.toLowerCase(Locale.ROOT));
    if (rule != null) {
      lrp.setRule(rule);
    } else {
      lrp.setComposite(composite == null ? "EpsilonPlusFlat" : composite);
      if (low != null) {
        lrp.setLow(low);
      }
      if (high != null) {
        lrp.setHigh(high);
      }
    }
    if (firstRule != null) {
      lrp.setFirstRule(firstRule);
    }
    if (!target.equalsIgnoreCase("predicted")) {
      try {
        lrp.setTargetClass(Integer.parseInt(target));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--target " + target + ": expected predicted or a class index");
      }
    }
    ImageOptions o = images;
    lrp.setResize(o.resize).setHeatmapOverlay(o.overlay);
    if (o.channelOrder != null) {
      String order = o.channelOrder.toUpperCase(Locale.ROOT);
      if (!order.equals("RGB") && !order.equals("BGR")) {
        throw new UsageException("--channel-order " + o.channelOrder + ": expected RGB or BGR");
      }
      lrp.setChannelOrder(order);
    }
    if (o.handleInvalid != null) {
      if (!List.of("error", "skip", "keep").contains(o.handleInvalid)) {
        throw new UsageException("--handle-invalid " + o.handleInvalid + ": expected error, skip or keep");
      }
      lrp.setHandleInvalid(o.handleInvalid);
    }
    if (o.scale != null) {
      lrp.setScale(o.scale);
    }
    if (o.mean != null) {
      lrp.setMean(o.mean);
    }
    if (o.std != null) {
      lrp.setStd(o.std);
    }
    if (o.inputShape != null) {
      lrp.setInputShape(o.inputShape);
    }
    if (o.taskCpus != null) {
      lrp.setTaskCpus(o.taskCpus);
    }
    if (o.taskGpus != null) {
      lrp.setTaskGpus(o.taskGpus);
    }
    int partitions = o.partitions == null ? 0 : o.partitions;
    if (partitions < 0) {
      throw new UsageException("--partitions " + partitions + ": must be >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    SparkSession spark = JobRuntime.startSpark(config.spark(), "lrp");
    try {
      LrpImageFolder.Written w;
      try {
        w = LrpImageFolder.run(spark, lrp, input, partitions, output, heatmaps);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage()); // params checked on the driver, before any task
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      LrpCounts c = w.counts();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", model.toString());
      m.put("input", input.toString());
      m.put("images", w.images());
      m.put("explained", w.explained());
      m.put("counts", c.toMap());
      m.put("stage_resource_profiles", w.resourceProfiles());
      m.put("composite", rule != null ? "rule " + rule : lrp.getComposite());
      m.put("zero_bias", zeroBias);
      m.put("canonize", !noCanonize);
      m.put("init", lrp.getInit());
      m.put("target", target);
      m.put("precision", lrp.getPrecision());
      m.put("device", lrp.getDevice());
      m.put("batch_size", lrp.getBatchSize());
      m.put("master", spark.sparkContext().master());
      m.put("index", w.index());
      m.put("seconds", seconds);
      if (metricsOut != null) {
        MetricsFile.write(metricsOut, m);
      }
      out.printf(Locale.ROOT, "lrp: %d image(s) in %s, %d explained, %d invalid (%d skipped), with %s on %s; %d model"
          + " load(s) in %d JVM(s); relevance in %s%s; %.1f s%n", c.rows(), input, w.explained(), c.invalid(),
          c.skipped(), m.get("composite"), spark.sparkContext().master(), c.modelLoads(), c.perJvm().size(), output,
          heatmaps == null ? "" : ", heatmaps in " + heatmaps, seconds);
      return 0;
    } finally {
      spark.stop();
    }
  }

  private Composite composite() {
    if (rule != null && composite != null) {
      throw new UsageException("--rule and --composite exclude each other; give one");
    }
    if ((low != null || high != null) && (composite == null
        || !composite.toLowerCase(Locale.ROOT).replace("_", "").equals("epsilongammabox"))) {
      throw new UsageException("--low and --high go with --composite EpsilonGammaBox");
    }
    try {
      Composite c;
      if (rule != null) {
        c = Composite.uniform(Rule.parse(rule));
      } else {
        c = Composites.byName(composite == null ? "EpsilonPlusFlat" : composite, low, high);
      }
      return firstRule == null ? c : c.withFirstRule(LayerType.LINEAR, Rule.parse(firstRule));
    } catch (IllegalArgumentException e) {
      throw new UsageException((rule != null ? "--rule " : "--composite ") + e.getMessage());
    }
  }

  private Target target(Graph graph) {
    if (target.equalsIgnoreCase("predicted")) {
      return Target.predicted();
    }
    try {
      int k = Integer.parseInt(target);
      if (k < 0 || k >= graph.outputSize()) {
        throw new UsageException("--target " + target + ": the model has outputs 0 to " + (graph.outputSize() - 1));
      }
      return Target.index(k);
    } catch (NumberFormatException e) {
      throw new UsageException("--target " + target + ": expected predicted or a class index");
    }
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
      double[] v = new double[parts.length];
      for (int k = 0; k < parts.length; k++) {
        try {
          v[k] = Double.parseDouble(parts[k].strip());
        } catch (NumberFormatException e) {
          throw new UsageException("--input " + file + ": row " + (i + 1) + " column " + (k + 1) + " has '"
              + parts[k].strip() + "', not a number");
        }
        if (!Double.isFinite(v[k])) {
          throw new UsageException("--input " + file + ": row " + (i + 1) + " column " + (k + 1) + " is " + v[k]);
        }
      }
      rows.add(v);
    }
    if (rows.isEmpty()) {
      throw new UsageException("--input " + file + ": no rows");
    }
    return rows.toArray(new double[0][]);
  }

  private static void writeCsv(Path target, double[] values, int n, int width, String format) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (int r = 0; r < n; r++) {
          for (int i = 0; i < width; i++) {
            if (i > 0) {
              w.write(',');
            }
            w.write(String.format(Locale.ROOT, format, values[r * width + i]));
          }
          w.write('\n');
        }
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void writeHeatmaps(Graph graph, double[] relevance, int n) throws IOException {
    int[] s = graph.inputShape();
    if (s.length != 3) {
      throw new UsageException("--heatmaps needs an image model; this one takes " + Arrays.toString(s));
    }
    int size = graph.inputSize();
    for (int r = 0; r < n; r++) {
      double[] row = Arrays.copyOfRange(relevance, r * size, (r + 1) * size);
      Heatmaps.writePng(Heatmaps.render(row, s[0], s[1], s[2], graph.inputLayout() == InputLayout.HWC),
          heatmaps.resolve(String.format(Locale.ROOT, "relevance_%05d.png", r)));
    }
  }
}
