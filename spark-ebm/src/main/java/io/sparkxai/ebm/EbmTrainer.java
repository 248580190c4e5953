package io.sparkxai.ebm;

import io.sparkxai.ebm.core.BagFitter;
import io.sparkxai.ebm.core.BinnedShard;
import io.sparkxai.ebm.core.Binning;
import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.LabelStats;
import io.sparkxai.ebm.core.ModelAssembler;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.ebm.core.PairRanking;
import io.sparkxai.ebm.core.ScanStats;
import io.sparkxai.ebm.core.ShardRound;
import io.sparkxai.ebm.core.ShardScoring;
import io.sparkxai.ebm.core.Task;
import io.sparkxai.ebm.core.TermShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.Partitioner;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a fit on Spark (DESIGN.md section 3). Jobs, each named in the Spark UI:
 * <ol>
 *   <li>scan: per-partition sketches of every feature and facts about the label, merged by tree
 *       reduction (bad labels are refused here, before any boosting);</li>
 *   <li>bin and shard: rows are binned with the driver's cut points, keyed, and moved in blocks to
 *       {@code numShards} shards, each sorted by key and cached compactly;</li>
 *   <li>boost: with one shard, every outer bag boosts exactly in one task (mains, then FAST ranks,
 *       then pairs in a second job); with several, {@link ShardedBoost} runs syncs of per-shard
 *       rounds merged on the driver, one job per sync;</li>
 *   <li>finish: training weights of every term cell (centring, importances), then Newton steps of the
 *       intercept on the full data.</li>
 * </ol>
 * No row is ever collected to the driver; the driver receives sketches, tensors and sums.
 */
final class EbmTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(EbmTrainer.class);

  /** The fitted model, what happened, and its provenance. */
  record Result(EbmModel model, EbmTrainingSummary summary, Map<String, String> provenance) {}

  /**
   * A system property that runs the sharded mode even with one shard: a yardstick for the merge
   * machinery (one shard merged after every sync is plain boosting restarted at round boundaries).
   */
  static final String FORCE_SHARDED = "sparkxai.ebm.forceSharded";

  /** A system property (driver) that sets the threads per bag task instead of {@link #threadsPerBag}. */
  static final String THREADS_PER_BAG = "sparkxai.ebm.threadsPerBag";

  private EbmTrainer() {}

  static Result fit(Dataset<?> dataset, EbmSettings s, EbmModel initial, String stageUid) {
    long began = System.nanoTime();
    Map<String, Double> seconds = new LinkedHashMap<>();
    String fitId = stageUid + "/" + UUID.randomUUID().toString().substring(0, 8);
    SparkContext sc = dataset.sparkSession().sparkContext();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
    EbmInput input = EbmInput.forFit(dataset, s);
    Dataset<Row> selected = dataset.select(input.selection());
    boolean cached = !dataset.storageLevel().useMemory();
    if (cached) {
      selected = selected.persist(StorageLevel.MEMORY_AND_DISK());
    }
    JavaRDD<BinnedShard> shards = null;
    try {
      long t = System.nanoTime();
      describe(sc, "EBM fit: scan " + input.names().size() + " features");
      JavaRDD<Row> rows = selected.javaRDD();
      boolean skip = s.skipInvalid();
      JavaRDD<ScanStats> partial = rows.mapPartitions(it -> List.of(EbmTasks.scan(it, input, skip)).iterator());
      ScanStats stats = partial.getNumPartitions() == 0 ? EbmTasks.scan(List.<Row>of().iterator(), input, skip)
          : partial.treeReduce((a, b) -> {
            a.merge(b);
            return a;
          }, 2);
      seconds.put("scan", (System.nanoTime() - t) / 1e9);
      LabelCheck label = checkLabels(stats, s);
      List<FeatureBinning> binnings = initial != null ? checkInitial(initial, input)
          : Binning.build(input.names(), stats, s.maxBins(), s.maxInteractionBins(), s.boost().minCatSamples());
      long infinite = 0;
      for (int f = 0; f < input.names().size(); f++) {
        if (stats.numeric(f) != null) {
          infinite += stats.numeric(f).infinite();
        }
      }
      int shardCount = s.shards(stats.rows());
      int threads = threadsPerBag(sc, s.outerBags() * shardCount);
      FitPlan plan = new FitPlan(fitId, label.task(), label.classes(), binnings, s, initial, threads);
      LOG.info("EBM {}: {} rows ({} skipped), {} features, task {}{}, {} bag(s), {} shard(s)", fitId, stats.rows(),
          stats.skipped(), binnings.size(), label.task(), label.task() == Task.MULTICLASS ? " (" + label.classes()
              + " classes)" : "", s.outerBags(), shardCount);

      t = System.nanoTime();
      describe(sc, "EBM fit: bin and shard " + stats.rows() + " rows into " + shardCount + " shard(s)");
      shards = shard(jsc, rows, input, binnings, shardCount, s);
      long shardedRows = shards.map(BinnedShard::size).reduce(Integer::sum);
      seconds.put("shard", (System.nanoTime() - t) / 1e9);
      if (shardedRows != stats.rows()) {
        throw new IllegalStateException("the data changed between two passes: " + stats.rows() + " rows scanned, "
            + shardedRows + " binned; cache the input DataFrame or make it deterministic");
      }

      boolean sharded = shardCount > 1 || Boolean.getBoolean(FORCE_SHARDED);
      BoostResult boosted = !sharded ? exact(jsc, shards, plan, seconds)
          : ShardedBoost.run(jsc, shards, plan, shardCount, seconds);

      t = System.nanoTime();
      describe(sc, "EBM fit: term weights and intercept");
      List<int[]> allTerms = boosted.terms();
      Broadcast<FitPlan> planSent = jsc.broadcast(plan);
      double[][] binWeights = shards.map(sh -> EbmTasks.binWeights(sh, planSent.value(), allTerms))
          .reduce(EbmTasks::add);
      List<TermShape> shapes = ShardRound.shapes(allTerms, binnings);
      List<double[][]> bagTensors = new ArrayList<>();
      for (double[][] delta : boosted.bagTensors()) {
        bagTensors.add(withInitial(delta, allTerms, initial));
      }
      EbmModel model = ModelAssembler.assemble(label.task(), label.classes(), binnings, shapes,
          boosted.bagIntercepts(), bagTensors, boosted.bagWeights(), binWeights);
      model = refitIntercept(jsc, shards, model);
      seconds.put("finish", (System.nanoTime() - t) / 1e9);
      seconds.put("total", (System.nanoTime() - began) / 1e9);

      List<String> pairNames = new ArrayList<>();
      for (ModelTerm term : model.terms()) {
        if (term.isPair()) {
          pairNames.add(term.name());
        }
      }
      EbmTrainingSummary summary = new EbmTrainingSummary(stats.rows(), stats.skipped(), infinite, s.outerBags(),
          shardCount, sharded ? "sharded" : "exact", boosted.syncs(), boosted.mainSteps(),
          boosted.pairSteps(), boosted.validationLoss(), pairNames, boosted.kernel(), seconds);
      Map<String, String> provenance = new LinkedHashMap<>();
      provenance.put("library", "spark-ebm");
      provenance.put("libraryVersion", libraryVersion());
      provenance.put("sparkVersion", sc.version());
      provenance.put("kernel", boosted.kernel());
      provenance.put("kernelDetail", boosted.kernelDetail());
      provenance.put("seed", Long.toString(s.seed()));
      provenance.put("rows", Long.toString(stats.rows()));
      provenance.put("skippedRows", Long.toString(stats.skipped()));
      provenance.put("fitId", fitId);
      provenance.put("fittedAt", java.time.Instant.now().toString());
      provenance.put("fitSeconds", String.format("%.3f", seconds.get("total")));
      if (initial != null) {
        provenance.put("warmStartFrom", s.initialModelPath().isEmpty() ? "a model set by setInitialModel"
            : s.initialModelPath());
      }
      LOG.info("EBM {}: fitted in {} s ({} terms, {} steps per bag)", fitId, String.format("%.1f",
          seconds.get("total")), model.terms().size(), String.format("%.0f", summary.stepsPerBag()));
      return new Result(model, summary, provenance);
    } finally {
      if (shards != null) {
        shards.unpersist(false);
      }
      if (cached) {
        selected.unpersist(false);
      }
      describe(sc, null);
    }
  }

  /** The task and class count the labels call for; bad labels are refused with counts and an example. */
  record LabelCheck(Task task, int classes) {}

  static LabelCheck checkLabels(ScanStats stats, EbmSettings s) {
    String col = s.labelCol();
    if (stats.rows() == 0) {
      throw new IllegalArgumentException("the training DataFrame is empty" + (stats.skipped() > 0 ? ": all "
          + stats.skipped() + " rows were skipped for a null, NaN or infinite label or weight" : ""));
    }
    if (stats.badLabels() > 0) {
      throw new IllegalArgumentException("label column '" + col + "' is null, NaN or infinite in " + stats.badLabels()
          + " of " + stats.rows() + " rows; set handleInvalid=skip to train without them");
    }
    if (stats.badWeights() > 0) {
      throw new IllegalArgumentException("weight column '" + s.weightCol() + "' is null, NaN, negative or infinite in "
          + stats.badWeights() + " rows (first: " + stats.firstBadWeight() + "); set handleInvalid=skip to train "
          + "without them");
    }
    if (!(stats.weightSum() > 0)) {
      throw new IllegalArgumentException("weight column '" + s.weightCol() + "' is 0 in every row");
    }
    if (!s.classifier()) {
      return new LabelCheck(Task.REGRESSION, 1);
    }
    LabelStats l = stats.label();
    long odd = l.nonInteger() + l.negative() + l.tooLarge();
    if (odd > 0) {
      throw new IllegalArgumentException("label column '" + col + "' must hold class indexes 0, 1, ..., "
          + (LabelStats.MAX_CLASSES - 1) + "; " + odd + " rows hold other values, e.g. " + l.firstOddValue()
          + " (index string labels with StringIndexer)");
    }
    long[] counts = l.classCounts();
    int present = 0;
    for (long c : counts) {
      if (c > 0) {
        present++;
      }
    }
    if (present < 2) {
      throw new IllegalArgumentException("label column '" + col + "' has a single class ("
          + (counts.length - 1) + ") in all " + stats.rows() + " rows; a classifier needs at least two");
    }
    switch (s.family()) {
      case "binary":
        if (counts.length > 2) {
          throw new IllegalArgumentException("label column '" + col + "' has values outside {0, 1}: class index "
              + (counts.length - 1) + " in " + counts[counts.length - 1] + " rows; family=binary needs labels 0 and 1"
              + " (or use family=multinomial)");
        }
        return new LabelCheck(Task.BINARY, 2);
      case "multinomial":
        return new LabelCheck(Task.MULTICLASS, counts.length);
      default:
        return counts.length == 2 ? new LabelCheck(Task.BINARY, 2) : new LabelCheck(Task.MULTICLASS, counts.length);
    }
  }

  private static List<FeatureBinning> checkInitial(EbmModel initial, EbmInput input) {
    List<String> names = new ArrayList<>();
    for (FeatureBinning b : initial.features()) {
      names.add(b.name());
    }
    if (!names.equals(input.names())) {
      throw new IllegalArgumentException("initial model's features " + names + " differ from this fit's "
          + input.names() + "; warm start needs the same features");
    }
    boolean[] cat = input.categorical();
    for (int f = 0; f < cat.length; f++) {
      if (cat[f] != initial.features().get(f).isCategorical()) {
        throw new IllegalArgumentException("feature '" + names.get(f) + "' is " + (cat[f] ? "categorical" : "numeric")
            + " here but was not in the initial model");
      }
    }
    return initial.features();
  }

  private static JavaRDD<BinnedShard> shard(JavaSparkContext jsc, JavaRDD<Row> rows, EbmInput input,
      List<FeatureBinning> binnings, int shardCount, EbmSettings s) {
    Broadcast<List<FeatureBinning>> sent = jsc.broadcast(binnings);
    boolean weighted = s.weighted();
    boolean flagged = s.flagged();
    int[] mainBins = new int[binnings.size()];
    for (int f = 0; f < mainBins.length; f++) {
      mainBins[f] = binnings.get(f).mainBins();
    }
    JavaPairRDD<Integer, io.sparkxai.ebm.core.RowBlock> blocks = rows.mapPartitionsToPair(
        it -> EbmTasks.shardBlocks(it, input, sent.value(), shardCount, weighted, flagged));
    JavaRDD<BinnedShard> out = blocks.partitionBy(new ShardPartitioner(shardCount))
        .mapPartitionsWithIndex((i, it) -> EbmTasks.buildShard(i, it, mainBins, weighted, flagged), true);
    return out.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** Each bag boosted exactly in one task: one job for the mains (and FAST), one for the pairs. */
  private static BoostResult exact(JavaSparkContext jsc, JavaRDD<BinnedShard> shards, FitPlan plan,
      Map<String, Double> seconds) {
    EbmSettings s = plan.settings();
    int bags = s.outerBags();
    List<Integer> bagIds = new ArrayList<>();
    for (int b = 0; b < bags; b++) {
      bagIds.add(b);
    }
    JavaRDD<Integer> bagRdd = jsc.parallelize(bagIds, bags);
    int requested = plan.initial() != null ? 0 : PairRanking.count(s.interactions(), plan.binnings().size());
    boolean pairs = requested > 0 && s.boost().maxRounds() > 0;
    List<int[]> candidates = pairs ? BagFitter.candidatePairs(plan.binnings()) : List.of();
    long t = System.nanoTime();
    describe(jsc.sc(), "EBM fit: boost mains, " + bags + " bag(s) exactly" + (pairs ? ", rank "
        + candidates.size() + " candidate pairs" : ""));
    Broadcast<FitPlan> planSent = jsc.broadcast(plan);
    List<EbmTasks.BagMains> mains = new ArrayList<>(shards.cartesian(bagRdd)
        .map(p -> EbmTasks.exactMains(p._1(), p._2(), planSent.value(), candidates)).collect());
    mains.sort((a, b) -> Integer.compare(a.bag(), b.bag()));
    seconds.put("mains", (System.nanoTime() - t) / 1e9);

    List<int[]> chosen = new ArrayList<>();
    if (plan.initial() != null) {
      for (int[] f : plan.initialTerms()) {
        if (f.length == 2) {
          chosen.add(f);
        }
      }
    } else if (pairs) {
      List<double[]> strengths = new ArrayList<>();
      for (EbmTasks.BagMains m : mains) {
        strengths.add(m.strengths());
      }
      chosen = PairRanking.choose(candidates, strengths, requested);
    }
    List<EbmTasks.BagPairs> pairResults = new ArrayList<>();
    if (!chosen.isEmpty()) {
      t = System.nanoTime();
      List<int[]> chosenPairs = chosen;
      describe(jsc.sc(), "EBM fit: boost " + chosen.size() + " pairs, " + bags + " bag(s) exactly");
      Broadcast<List<EbmTasks.BagMains>> mainsSent = jsc.broadcast(mains);
      pairResults = new ArrayList<>(shards.cartesian(bagRdd)
          .map(p -> EbmTasks.exactPairs(p._1(), p._2(), planSent.value(), mainsSent.value().get(p._2()),
              chosenPairs)).collect());
      mainsSent.destroy(false);
      pairResults.sort((a, b) -> Integer.compare(a.bag(), b.bag()));
      seconds.put("pairs", (System.nanoTime() - t) / 1e9);
    }

    List<int[]> terms = new ArrayList<>();
    for (int f = 0; f < plan.binnings().size(); f++) {
      terms.add(new int[] {f});
    }
    terms.addAll(chosen);
    List<double[]> intercepts = new ArrayList<>();
    List<double[][]> tensors = new ArrayList<>();
    double[] weights = new double[bags];
    List<Long> mainSteps = new ArrayList<>();
    List<Long> pairSteps = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    for (int b = 0; b < bags; b++) {
      EbmTasks.BagMains m = mains.get(b);
      intercepts.add(m.intercept());
      weights[b] = m.trainWeight();
      double[][] all = new double[terms.size()][];
      System.arraycopy(m.tensors(), 0, all, 0, m.tensors().length);
      if (!chosen.isEmpty()) {
        EbmTasks.BagPairs p = pairResults.get(b);
        System.arraycopy(p.tensors(), 0, all, m.tensors().length, p.tensors().length);
        pairSteps.add(p.steps());
        losses.add(p.metric());
      } else {
        pairSteps.add(0L);
        losses.add(m.metric());
      }
      mainSteps.add(m.steps());
      tensors.add(all);
    }
    return new BoostResult(terms, intercepts, tensors, weights, mainSteps, pairSteps, losses, 0,
        mains.get(0).kernel(), mains.get(0).kernelDetail());
  }

  /** The terms' tensors plus the warm-start model's (which carries the same terms first). */
  private static double[][] withInitial(double[][] delta, List<int[]> terms, EbmModel initial) {
    if (initial == null) {
      return delta;
    }
    double[][] out = new double[delta.length][];
    for (int t = 0; t < delta.length; t++) {
      out[t] = delta[t].clone();
      for (ModelTerm it : initial.terms()) {
        if (Arrays.equals(it.features(), terms.get(t))) {
          double[] s = it.scores();
          for (int i = 0; i < s.length; i++) {
            out[t][i] += s[i];
          }
        }
      }
    }
    return out;
  }

  /**
   * Newton steps on the intercept over all rows until the step is below 1e-12 (interpretml boosts the
   * intercept 100 times with rate 0.25 on the final model, which converges to the same root).
   */
  private static EbmModel refitIntercept(JavaSparkContext jsc, JavaRDD<BinnedShard> shards, EbmModel model) {
    int k = model.scoresPerRow();
    double[] delta = new double[k];
    for (int it = 0; it < (model.task() == Task.REGRESSION ? 1 : 30); it++) {
      double[] d = delta.clone();
      Broadcast<EbmModel> m = jsc.broadcast(model);
      double[] sums = shards.map(sh -> ShardScoring.interceptSums(m.value(), sh, d)).reduce(EbmTasks::add);
      m.destroy(false);
      double[] step = ShardScoring.interceptStep(model.task(), sums, delta);
      double biggest = 0;
      for (int c = 0; c < k; c++) {
        delta[c] += step[c];
        biggest = Math.max(biggest, Math.abs(step[c]));
      }
      if (biggest < 1e-12) {
        break;
      }
    }
    double[] intercept = model.intercept();
    for (int c = 0; c < k; c++) {
      intercept[c] += delta[c];
    }
    if (model.task() == Task.MULTICLASS) {
      double top = Arrays.stream(intercept).max().orElse(0);
      for (int c = 0; c < k; c++) {
        intercept[c] -= top;
      }
    }
    return model.withIntercept(intercept);
  }

  /**
   * Threads per bag task: the cluster's cores shared among the tasks that boost at the same time (a
   * single bag on two cores gets both), at most {@code spark.executor.cores} where set, at least 1.
   * The system property {@value #THREADS_PER_BAG} sets it. The model does not depend on it.
   */
  static int threadsPerBag(SparkContext sc, int concurrentTasks) {
    String forced = System.getProperty(THREADS_PER_BAG);
    if (forced != null && !forced.isBlank()) {
      int t = Integer.parseInt(forced.trim());
      if (t < 1) {
        throw new IllegalArgumentException("-D" + THREADS_PER_BAG + " must be >= 1, got " + forced);
      }
      return t;
    }
    int cores = Math.max(1, sc.defaultParallelism());
    int threads = Math.max(1, cores / Math.max(1, Math.min(concurrentTasks, cores)));
    if (!sc.isLocal() && sc.conf().contains("spark.executor.cores")) {
      threads = Math.min(threads, Math.max(1, sc.conf().getInt("spark.executor.cores", 1)));
    }
    return threads;
  }

  static void describe(SparkContext sc, String what) {
    sc.setJobDescription(what);
  }

  static String libraryVersion() {
    String v = EbmTrainer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * What boosting produced, per bag: the terms (mains then pairs), intercepts, tensors (changes on top
   * of a warm-start model) and training weights, with step counts and validation losses.
   */
  record BoostResult(List<int[]> terms, List<double[]> bagIntercepts, List<double[][]> bagTensors,
      double[] bagWeights, List<Long> mainSteps, List<Long> pairSteps, List<Double> validationLoss, int syncs,
      String kernel, String kernelDetail) {}

  /** Sends block {@code (shard, block)} to partition {@code shard}. */
  static final class ShardPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int shards;

    ShardPartitioner(int shards) {
      this.shards = shards;
    }

    @Override
    public int numPartitions() {
      return shards;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ShardPartitioner && ((ShardPartitioner) o).shards == shards;
    }

    @Override
    public int hashCode() {
      return shards;
    }
  }
}
