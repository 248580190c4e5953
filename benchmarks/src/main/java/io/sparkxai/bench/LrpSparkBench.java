package io.sparkxai.bench;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.sparkxai.lrp.LrpEngines;
import io.sparkxai.lrp.LrpExplainer;
import io.sparkxai.lrp.core.Composites;
import io.sparkxai.lrp.core.LrpEngine;
import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.lrp.core.Target;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.onnx.OnnxReader;
import io.sparkxai.nn.onnx.OnnxWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * LRP throughput per model and composite, three ways in one JVM: the engine's forward pass alone, the
 * engine's LRP, and {@link LrpExplainer} on Spark {@code local[2]} ({@code -Dbench.master} to change
 * it) over a cached DataFrame of the same rows (array&lt;float&gt;, written to Spark's {@code noop}
 * sink). Figures: images per second (wall) and images per CPU-second (the process's CPU time, all threads: robust on a shared machine), the
 * LRP/forward ratio, and Spark's overhead over the engine alone on the same rows
 * ({@code Spark wall / engine wall - 1}). Each figure is the median of {@code reps} rounds after one
 * warm-up round (which also loads the model into the executor's cache); a round runs the three on the
 * same rows back to back, so that they see the same load on a shared machine. The overhead is also
 * given from the fastest round of each (other processes on a shared machine only ever add time), and
 * split: each round also times the same Spark job without {@code LrpExplainer} (the rows read from
 * the cache into Spark's {@code noop} sink: Spark's fixed cost per job plus reading the rows), and
 * the last column is the overhead once that read is taken off.
 *
 * <p>Usage: {@code LrpSparkBench ONNX_DIR [BATCH] [ROWS_28] [ROWS_WIDE] [REPS] [MODELS] [COMPOSITES]}:
 * the models ({@code cnn,resnet,wide} by default) are {@code cnn.onnx} and {@code resnet.onnx} from
 * {@code ONNX_DIR} (ROWS_28 rows per run, default 8192) and the generated wide CNN (3x64x64,
 * {@link LrpRatioBench}; ROWS_WIDE rows, default 1024); COMPOSITES a comma-separated subset. A Spark
 * job has a fixed cost (planning, scheduling) that runs of a few batches do not amortize: the run
 * sizes keep each Spark run at a second or more. Inputs are seeded standard normal values clamped to
 * [-3, 3]. {@code benchmarks/lrp-spark-bench.sh} runs it with the JVM flags Spark needs. Threads: run with
 * {@code -Dai.djl.pytorch.num_threads=N -Dai.djl.pytorch.num_interop_threads=1} and
 * {@code OMP_NUM_THREADS=N}.
 */
public final class LrpSparkBench {

  private LrpSparkBench() {}

  /** Runs the bench and prints a Markdown table. */
  public static void main(String[] args) throws Exception {
    Path onnxDir = Path.of(args[0]);
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    int rowsSmall = args.length > 2 ? Integer.parseInt(args[2]) : 8192;
    int rowsWide = args.length > 3 ? Integer.parseInt(args[3]) : 1024;
    int reps = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    List<String> onlyModels = args.length > 5 ? List.of(args[5].split(",")) : List.of("cnn", "resnet", "wide");
    List<String> onlyComposites = args.length > 6 ? List.of(args[6].split(",")) : null;
    LrpEngines.configureDjl();
    Path tmp = Files.createTempDirectory("lrp-bench");
    Path wide = tmp.resolve("wide-cnn.onnx");
    OnnxWriter.write(LrpRatioBench.wideCnn(), wide);
    Map<String, Path> models = new LinkedHashMap<>();
    if (onlyModels.contains("cnn")) {
      models.put("cnn.onnx (1x28x28)", onnxDir.resolve("cnn.onnx"));
    }
    if (onlyModels.contains("resnet")) {
      models.put("resnet.onnx (1x28x28)", onnxDir.resolve("resnet.onnx"));
    }
    if (onlyModels.contains("wide")) {
      models.put("wide CNN (3x64x64)", wide);
    }
    List<String> composites = onlyComposites != null ? onlyComposites : List.of("EpsilonPlus", "EpsilonPlusFlat",
        "EpsilonGammaBox", "EpsilonAlpha2Beta1", "EpsilonAlpha2Beta1Flat");
    SparkSession spark = SparkSession.builder().master(System.getProperty("bench.master", "local[2]")).appName("LrpSparkBench")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    System.out.printf(Locale.ROOT, "batch %d, %d (28x28) / %d (wide) rows per run (Spark: 2 partitions), %d rounds"
        + " (median) after 1 warm-up, float32, CPU, PyTorch threads %s, %d cores, load average %s%n%n", batch,
        rowsSmall, rowsWide, reps, System.getProperty("ai.djl.pytorch.num_threads", "default"),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    System.out.println("| model | composite | forward img/s | LRP img/s | LRP img/CPU-s | LRP/forward (wall) |"
        + " LRP/forward (CPU) | Spark img/s | Spark img/CPU-s | Spark overhead (wall) | Spark overhead (CPU) |"
        + " Spark overhead (best round) | reading the rows (best, s) | overhead less the read (best) |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    try {
      for (Map.Entry<String, Path> m : models.entrySet()) {
        Graph g = OnnxReader.read(m.getValue());
        int rows = m.getKey().startsWith("wide") ? rowsWide : rowsSmall;
        float[] x = inputs(rows, g.inputSize());
        Dataset<Row> df = dataFrame(spark, x, rows, g.inputSize());
        for (String c : composites) {
          bench(m.getKey(), m.getValue(), g, c, x, rows, batch, reps, df);
        }
        df.unpersist();
      }
    } finally {
      spark.stop();
    }
    System.out.printf(Locale.ROOT, "%nload average at the end: %s%n", loadAverage());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /**
   * One model and composite. Each round times, back to back, the engine's forward pass and its LRP
   * over the same rows as the Spark run (rows / batch batches), then the Spark run; medians over the
   * rounds, so that engine and Spark figures are taken under the same load.
   */
  private static void bench(String model, Path file, Graph g, String composite, float[] x, int rows, int batch,
      int reps, Dataset<Row> df) {
    boolean box = composite.equals("EpsilonGammaBox");
    LrpOptions o = LrpOptions.of(Composites.byName(composite, box ? -3.0 : null, box ? 3.0 : null));
    int size = g.inputSize();
    int batches = rows / batch;
    LrpExplainer lrp = new LrpExplainer().setModelPath(file.toString()).setInputCol("x").setBatchSize(batch)
        .setComposite(composite);
    if (box) {
      lrp.setLow(-3).setHigh(3);
    }
    double[][] t = new double[7][reps]; // forward, LRP, Spark: wall, CPU; reading the rows: wall
    try (LrpEngine e = LrpEngines.engine(g, o, Device.cpu(), DataType.FLOAT32)) {
      float[][] chunks = new float[batches][];
      double[][] chunksD = new double[batches][];
      for (int b = 0; b < batches; b++) {
        chunks[b] = Arrays.copyOfRange(x, b * batch * size, (b + 1) * batch * size);
        chunksD[b] = new double[chunks[b].length];
        for (int i = 0; i < chunks[b].length; i++) {
          chunksD[b][i] = chunks[b][i];
        }
      }
      for (int r = -1; r < reps; r++) {
        long c0 = cpu();
        long t0 = System.nanoTime();
        for (int b = 0; b < batches; b++) {
          e.forward(chunksD[b], batch);
        }
        long c1 = cpu();
        long t1 = System.nanoTime();
        for (int b = 0; b < batches; b++) {
          e.explain(chunks[b], batch, Target.predicted());
        }
        long c2 = cpu();
        long t2 = System.nanoTime();
        lrp.transform(df).write().format("noop").mode("overwrite").save();
        long c3 = cpu();
        long t3 = System.nanoTime();
        // the same job without LrpExplainer: Spark's fixed cost per job plus reading the cached rows
        df.select("x").write().format("noop").mode("overwrite").save();
        long t4 = System.nanoTime();
        if (r >= 0) {
          t[6][r] = (t4 - t3) / 1e9;
          t[0][r] = (t1 - t0) / 1e9;
          t[1][r] = (c1 - c0) / 1e9;
          t[2][r] = (t2 - t1) / 1e9;
          t[3][r] = (c2 - c1) / 1e9;
          t[4][r] = (t3 - t2) / 1e9;
          t[5][r] = (c3 - c2) / 1e9;
        }
      }
    }
    double fw = median(t[0]);
    double fc = median(t[1]);
    double lw = median(t[2]);
    double lc = median(t[3]);
    double sw = median(t[4]);
    double sc = median(t[5]);
    double lBest = min(t[2]);
    double sBest = min(t[4]);
    double readBest = min(t[6]);
    int n = batches * batch;
    System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.2f | %.2f | %.0f | %.0f | %+.1f%% | %+.1f%% |"
        + " %+.1f%% | %.3f | %+.1f%% |%n",
        model, composite, n / fw, n / lw, n / lc, lw / fw, lc / fc, n / sw, n / sc, 100 * (sw / lw - 1),
        100 * (sc / lc - 1), 100 * (sBest / lBest - 1), readBest, 100 * ((sBest - readBest) / lBest - 1));
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static float[] inputs(int rows, int size) {
    Random r = new Random(17);
    float[] x = new float[rows * size];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.max(-3, Math.min(3, r.nextGaussian()));
    }
    return x;
  }

  /**
   * The rows as a cached DataFrame read from Parquet: a DataFrame made from a local list would carry
   * the rows in its plan, and Spark would hash them each time the plan is analysed (measured: a
   * fixed cost per job that a real job reading files does not have).
   */
  private static Dataset<Row> dataFrame(SparkSession spark, float[] x, int rows, int size) throws java.io.IOException {
    List<Row> data = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      data.add(RowFactory.create(i, Arrays.copyOfRange(x, i * size, (i + 1) * size)));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.IntegerType, false),
        DataTypes.createStructField("x", DataTypes.createArrayType(DataTypes.FloatType, false), false)));
    Path dir = Files.createTempDirectory("lrp-bench-rows");
    spark.createDataFrame(data, schema).repartition(2).write().mode("overwrite").parquet(dir.toString());
    Dataset<Row> df = spark.read().parquet(dir.toString()).repartition(2).cache();
    df.count();
    return df;
  }

  /**
   * The fastest round. On a shared machine other processes only ever add time, so the fastest of
   * several rounds is the figure least disturbed by them (the medians are given too).
   */
  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
