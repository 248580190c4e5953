package io.sparkxai.bench.ebm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sparkxai.ebm.ExplainableBoostingClassificationModel;
import io.sparkxai.ebm.ExplainableBoostingClassifier;
import io.sparkxai.ebm.kernel.Kernels;
import io.sparkxai.ebm.synthetic.SyntheticEbmDataFrames;
import io.sparkxai.jobs.BinaryLabel;
import io.sparkxai.jobs.Tables;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The end-to-end EBM bench: fit seconds and test AUC on UCI Adult and on the synthetic set (1M train
 * rows by default), for mains only with one bag (exact single shard and sharded), with pairs, and with
 * interpretml's defaults; optionally a JFR profile of one fit split into kernel, tree fitting, the rest
 * of the booster, and Spark/JVM.
 *
 * <p>Usage: {@code EbmBench [--suite adult|synthetic|all] [--repeats N] [--rows N] [--master URL]
 * [--profile] [--defaults-synthetic] [--only KEY,KEY] [--kernels NAME,NAME] [--out FILE]} ({@code --only}
 * runs the named configurations, e.g. {@code mains_1bag_exact,pairs_fast}; {@code --kernels} fits each
 * configuration with each named histogram kernel, e.g. {@code java,vector,native}, interleaved: every
 * repeat fits once with each kernel in turn, so a shared machine's load falls on all of them alike). Each configuration's figures are medians over
 * {@code --repeats} fits (fit = {@code estimator.fit} wall time; process CPU seconds beside it, the
 * steadier figure on a shared machine); data reading and generation are excluded.
 */
public final class EbmBench {

  private final SparkSession spark;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private List<String> only = List.of();
  private List<String> kernels = List.of();

  private EbmBench(SparkSession spark) {
    this.spark = spark;
  }

  /** Runs the bench. */
  public static void main(String[] args) throws Exception {
    String suite = "all";
    int repeats = 1;
    long rows = 1_000_000;
    String master = "local[2]";
    List<String> only = List.of();
    List<String> kernels = List.of();
    boolean profile = false;
    boolean syntheticDefaults = false;
    Path out = Paths.get("benchmarks/results/ebm-bench.json");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--suite" -> suite = args[++i];
        case "--repeats" -> repeats = Integer.parseInt(args[++i]);
        case "--rows" -> rows = Long.parseLong(args[++i]);
        case "--master" -> master = args[++i];
        case "--profile" -> profile = true;
        case "--defaults-synthetic" -> syntheticDefaults = true;
        case "--out" -> out = Paths.get(args[++i]);
        case "--only" -> only = List.of(args[++i].split(","));
        case "--kernels" -> kernels = List.of(args[++i].split(","));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    SparkSession spark = SparkSession.builder().master(master).appName("ebm-bench")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    EbmBench bench = new EbmBench(spark);
    bench.only = only;
    bench.kernels = kernels;
    bench.results.put("machine", machine(master));
    try {
      if (suite.equals("adult") || suite.equals("all")) {
        bench.adult(repeats, profile);
      }
      if (suite.equals("synthetic") || suite.equals("all")) {
        bench.synthetic(rows, repeats, profile && suite.equals("synthetic"), syntheticDefaults);
      }
    } finally {
      spark.stop();
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), bench.results);
    System.out.println("results in " + out);
  }

  private void adult(int repeats, boolean profile) {
    String data = System.getProperty("sparkxai.shared.data", "../shared/data");
    Dataset<Row> train = Tables.read(spark, "--train", data + "/adult/adult.data", List.of("?"));
    Dataset<Row> test = Tables.read(spark, "--test", data + "/adult/adult.test", List.of("?"));
    BinaryLabel label = BinaryLabel.of(train, "ltgt50k", null);
    adultRuns(label.apply(train, "train").cache(), label.apply(test, "test").cache(), repeats, profile);
  }

  private void adultRuns(Dataset<Row> train, Dataset<Row> test, int repeats, boolean profile) {
    System.out.printf("adult: %d train rows, %d test rows%n", train.count(), test.count());
    String[] features = features(train, "ltgt50k");
    Map<String, Object> adult = new LinkedHashMap<>();
    maybe(adult, "mains_1bag_exact", () -> run("adult mains-only, 1 bag, exact (1 shard)",
        base(features).setOuterBags(1).setInteractions("0").setNumShards(1), train, test, repeats, profile));
    maybe(adult, "mains_1bag_sharded2", () -> run("adult mains-only, 1 bag, 2 shards",
        base(features).setOuterBags(1).setInteractions("0").setNumShards(2), train, test, repeats, false));
    maybe(adult, "pairs_fast", () -> run("adult 3x pairs, 1 bag, learning rate 0.1",
        base(features).setOuterBags(1).setLearningRate(0.1), train, test, repeats, false));
    maybe(adult, "pairs_10_fast", () -> run("adult 10 pairs, 1 bag, learning rate 0.1",
        base(features).setOuterBags(1).setLearningRate(0.1).setInteractions("10"), train, test, repeats, false));
    maybe(adult, "defaults", () -> run("adult interpretml defaults (14 bags, 3x pairs)", base(features), train,
        test, 1, false));
    results.put("adult", adult);
  }

  private void synthetic(long rows, int repeats, boolean profile, boolean defaults) {
    Dataset<Row> train = SyntheticEbmDataFrames.generate(spark, 20240611, SyntheticEbmDataFrames.TRAIN, rows, 8)
        .cache();
    Dataset<Row> test = SyntheticEbmDataFrames.generate(spark, 20240611, SyntheticEbmDataFrames.TEST, 200_000, 4)
        .cache();
    System.out.printf("synthetic: %d train rows, %d test rows%n", train.count(), test.count());
    String[] features = features(train, "y");
    Map<String, Object> syn = new LinkedHashMap<>();
    maybe(syn, "mains_1bag_exact", () -> run("synthetic mains-only, 1 bag, exact (1 shard)", base(features)
        .setLabelCol("y").setOuterBags(1).setInteractions("0").setNumShards(1), train, test, repeats, profile));
    maybe(syn, "mains_1bag_sharded2", () -> run("synthetic mains-only, 1 bag, 2 shards",
        base(features).setLabelCol("y").setOuterBags(1).setInteractions("0").setNumShards(2), train, test, repeats,
        false));
    maybe(syn, "pairs_fast", () -> run("synthetic 10 pairs, 1 bag, learning rate 0.1, exact", base(features)
        .setLabelCol("y").setOuterBags(1).setLearningRate(0.1).setInteractions("10").setNumShards(1), train, test,
        repeats, false));
    if (defaults) {
      maybe(syn, "defaults", () -> run("synthetic interpretml defaults (14 bags, 3x pairs)",
          base(features).setLabelCol("y"), train, test, 1, false));
    }
    results.put("synthetic_" + rows, syn);
  }

  /** Runs a configuration unless {@code --only} leaves it out. */
  private void maybe(Map<String, Object> into, String key, java.util.function.Supplier<Map<String, Object>> config) {
    if (only.isEmpty() || only.contains(key)) {
      into.put(key, config.get());
    }
  }

  private static ExplainableBoostingClassifier base(String[] features) {
    return new ExplainableBoostingClassifier().setInputCols(features).setLabelCol(BinaryLabel.OUTPUT).setLogEvery(0);
  }

  private static String[] features(Dataset<Row> df, String label) {
    List<String> out = new ArrayList<>();
    for (String c : df.columns()) {
      if (!c.equals(label) && !c.equals(BinaryLabel.OUTPUT)) {
        out.add(c);
      }
    }
    return out.toArray(new String[0]);
  }

  /**
   * Fits a configuration {@code repeats} times and summarises; with {@code --kernels}, once per kernel
   * and repeat (kernels interleaved within a repeat), summarised per kernel under {@code by_kernel}.
   */
  private Map<String, Object> run(String name, ExplainableBoostingClassifier est, Dataset<Row> train,
      Dataset<Row> test, int repeats, boolean profile) {
    List<String> names = kernels.isEmpty() ? java.util.Collections.singletonList(null) : kernels;
    Map<String, Fits> fits = new LinkedHashMap<>();
    String before = System.getProperty(Kernels.PROPERTY);
    try {
      for (int rep = 0; rep < repeats; rep++) {
        for (String k : names) {
          if (k != null) {
            System.setProperty(Kernels.PROPERTY, k); // read by every fit's tasks (local mode: this JVM)
          }
          fits.computeIfAbsent(k, x -> new Fits()).fit(est, train, profile && rep == repeats - 1);
        }
      }
    } finally {
      if (before == null) {
        System.clearProperty(Kernels.PROPERTY);
      } else {
        System.setProperty(Kernels.PROPERTY, before);
      }
    }
    if (kernels.isEmpty()) {
      return fits.get(null).summary(name, test, est.getLabelCol());
    }
    Map<String, Object> byKernel = new LinkedHashMap<>();
    for (String k : kernels) {
      byKernel.put(k, fits.get(k).summary(name + " [" + k + "]", test, est.getLabelCol()));
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", name);
    r.put("by_kernel", byKernel);
    return r;
  }

  /** The fits of one configuration with one kernel. */
  private static final class Fits {
    final List<Double> wall = new ArrayList<>();
    final List<Double> cpu = new ArrayList<>();
    final Map<String, Object> extra = new LinkedHashMap<>();
    ExplainableBoostingClassificationModel model;

    void fit(ExplainableBoostingClassifier est, Dataset<Row> train, boolean profile) {
      Recording recording = null;
      if (profile) {
        recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
        // threads in native code (the native kernel) are sampled by this event only
        recording.enable("jdk.NativeMethodSample").withPeriod(java.time.Duration.ofMillis(10));
        recording.start();
      }
      long cpu0 = processCpu();
      long t0 = System.nanoTime();
      model = est.fit(train);
      wall.add((System.nanoTime() - t0) / 1e9);
      cpu.add((processCpu() - cpu0) / 1e9);
      if (recording != null) {
        recording.stop();
        extra.put("profile", profile(recording));
        recording.close();
      }
    }

    Map<String, Object> summary(String name, Dataset<Row> test, String label) {
      double auc = new BinaryClassificationEvaluator().setLabelCol(label).setRawPredictionCol("rawPrediction")
          .setMetricName("areaUnderROC").evaluate(model.transform(test));
      Map<String, Object> r = new LinkedHashMap<>(extra);
      r.put("name", name);
      r.put("fit_seconds_median", median(wall));
      r.put("fit_seconds", wall);
      r.put("process_cpu_seconds_median", median(cpu));
      r.put("test_auc", auc);
      r.put("steps_per_bag", model.summary().stepsPerBag());
      r.put("phase_seconds", model.summary().seconds());
      r.put("mode", model.summary().mode());
      r.put("shards", model.summary().shards());
      r.put("syncs", model.summary().syncs());
      r.put("outer_bags", model.summary().outerBags());
      r.put("pairs", model.summary().pairs().size());
      r.put("kernel", model.summary().kernel());
      r.put("kernel_detail", model.provenance().get("kernelDetail"));
      System.out.printf(Locale.ROOT, "%-58s fit %6.1f s (cpu %6.1f s)  test AUC %.4f  steps/bag %8.0f  %s%n", name,
          median(wall), median(cpu), auc, model.summary().stepsPerBag(), model.summary().seconds());
      return r;
    }
  }

  /** Samples of executor threads by the category of their top frame, in percent. */
  private static Map<String, Object> profile(Recording recording) {
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Integer> methods = new TreeMap<>();
    int total = 0;
    try {
      File f = File.createTempFile("ebm-bench", ".jfr");
      recording.dump(f.toPath());
      for (RecordedEvent e : RecordingFile.readAllEvents(f.toPath())) {
        String event = e.getEventType().getName();
        boolean sample = event.equals("jdk.ExecutionSample") || event.equals("jdk.NativeMethodSample");
        if (!sample || e.getStackTrace() == null
            || e.getThread("sampledThread") == null
            || !isExecutorThread(String.valueOf(e.getThread("sampledThread").getJavaName()))) {
          continue;
        }
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        if (frames.isEmpty()) {
          continue;
        }
        RecordedFrame top = frames.get(0);
        String type = top.getMethod().getType().getName();
        String method = type.substring(type.lastIndexOf('.') + 1) + "." + top.getMethod().getName();
        counts.merge(category(type), 1, Integer::sum);
        methods.merge(method, 1, Integer::sum);
        total++;
      }
      f.delete();
    } catch (Exception ex) {
      return Map.of("error", ex.toString());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("executor_samples", total);
    Map<String, Double> pct = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      pct.put(c.getKey(), Math.round(1000.0 * c.getValue() / Math.max(1, total)) / 10.0);
    }
    out.put("percent_by_category", pct);
    List<Map.Entry<String, Integer>> top = new ArrayList<>(methods.entrySet());
    top.sort((a, b) -> b.getValue() - a.getValue());
    Map<String, Double> topMethods = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(10, top.size()); i++) {
      topMethods.put(top.get(i).getKey(), Math.round(1000.0 * top.get(i).getValue() / Math.max(1, total)) / 10.0);
    }
    out.put("percent_by_top_method", topMethods);
    System.out.println("profile: " + out);
    return out;
  }

  /** Spark's task threads and the threads a task starts for its kernel work. */
  private static boolean isExecutorThread(String name) {
    return name.startsWith("Executor task launch") || name.startsWith("ebm-kernel");
  }

  private static String category(String type) {
    if (type.startsWith("io.sparkxai.ebm.kernel.") || type.startsWith("jdk.incubator.vector")
        || type.startsWith("jdk.internal.vm.vector")) {
      return "kernel (apply, gradients, histograms, validation loss)";
    }
    if (type.contains("TreeFitter") || type.contains("PairGrid") || type.contains("InteractionStrength")
        || type.contains("RandomCuts") || type.contains("IndexSort") || type.contains("SplitFinder")
        || type.contains("TreeNode") || type.contains("PooledCategories") || type.contains("NewtonStep")) {
      return "tree fitting on histograms";
    }
    if (type.startsWith("io.sparkxai.ebm.core.")) {
      return "booster, bag data, binning, scoring (core)";
    }
    if (type.startsWith("io.sparkxai.")) {
      return "Spark layer (row reading, shards)";
    }
    return "Spark, serialisation, JVM";
  }

  private static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Map<String, Object> machine(String master) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("master", master);
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.version"));
    m.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    m.put("kernel_property", System.getProperty("sparkxai.kernel", ""));
    m.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("--add-opens")).toList());
    m.put("time", java.time.Instant.now().toString());
    m.put("args", Arrays.asList());
    return m;
  }
}
