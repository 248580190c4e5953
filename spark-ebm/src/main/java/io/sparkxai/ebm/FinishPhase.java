package io.sparkxai.ebm;

import io.sparkxai.ebm.core.ArraySums;
import io.sparkxai.ebm.core.BinnedShard;
import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.ModelAssembler;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.ebm.core.MonotoneSteps;
import io.sparkxai.ebm.core.PredictionTask;
import io.sparkxai.ebm.core.ScanStats;
import io.sparkxai.ebm.core.ShardRound;
import io.sparkxai.ebm.core.ShardScoring;
import io.sparkxai.ebm.core.TermShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 4 of a fit, finish: one job sums the training weight of every term cell over the shards
 * (for centring and importances), monotone-constrained terms are made monotone where merged shards or a
 * warm start left them otherwise ({@link MonotoneSteps#project}), the bags are averaged into one model
 * ({@link ModelAssembler}), and
 * Newton steps on the intercept over all rows refit it to the final model; the summary and the
 * provenance record what happened.
 */
final class FinishPhase {

  private static final Logger LOG = LoggerFactory.getLogger(FinishPhase.class);

  private FinishPhase() {}

  /** Assembles the boosted bags into the fitted model. */
  static FittedEbm run(BoostedTerms boosted) {
    long began = System.nanoTime();
    FitPlan plan = boosted.binned().plan();
    JavaRDD<BinnedShard> shards = boosted.binned().shards();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(shards.context());
    jsc.sc().setJobDescription("EBM fit: term weights and intercept");
    List<int[]> terms = boosted.terms();
    Broadcast<FitPlan> planSent = jsc.broadcast(plan);
    double[][] binWeights = withInitialWeights(
        shards.map(sh -> binWeights(sh, planSent.value(), terms)).reduce(ArraySums::add), terms, plan.initial());
    List<TermShape> shapes = ShardRound.shapes(terms, plan.binnings());
    List<double[][]> bagTensors = new ArrayList<>();
    for (double[][] delta : boosted.bagTensors()) {
      bagTensors.add(MonotoneSteps.project(withInitial(delta, terms, plan.initial()), terms, plan.binnings(),
          plan.settings().boost(), binWeights));
    }
    EbmModel model = ModelAssembler.assemble(plan.task(), plan.classes(), plan.binnings(), shapes,
        boosted.bagIntercepts(), bagTensors, boosted.bagWeights(), binWeights);
    // the bags only follow the intercept: leave them out of the model the refit jobs broadcast
    model = model.withIntercept(refitIntercept(jsc, shards, model.withBags(null)).intercept());
    Map<String, Double> seconds = new LinkedHashMap<>(boosted.seconds());
    seconds.put("finish", (System.nanoTime() - began) / 1e9);
    seconds.put("total", (System.nanoTime() - boosted.binned().scanned().startedNanos()) / 1e9);
    EbmTrainingSummary summary = summary(boosted, model, seconds);
    LOG.info("EBM {}: fitted in {} s ({} terms, {} steps per bag)", plan.fitId(), String.format("%.1f",
        seconds.get("total")), model.terms().size(), String.format("%.0f", summary.stepsPerBag()));
    return new FittedEbm(model, summary, provenance(boosted, jsc.sc().version(), seconds.get("total")));
  }

  /** Training weight per term cell on one shard. */
  private static double[][] binWeights(BinnedShard shard, FitPlan plan, List<int[]> terms) {
    return ShardScoring.binWeights(shard, plan.binnings(), ShardRound.shapes(terms, plan.binnings()));
  }

  /**
   * This fit's training weight per term cell plus the warm-start model's for the same term: a model
   * trained batch by batch keeps the weight of every batch it saw (for centring, importances and merges).
   */
  private static double[][] withInitialWeights(double[][] weights, List<int[]> terms, EbmModel initial) {
    if (initial == null) {
      return weights;
    }
    for (int t = 0; t < weights.length; t++) {
      for (ModelTerm it : initial.terms()) {
        if (Arrays.equals(it.features(), terms.get(t))) {
          double[] w = it.weights();
          for (int i = 0; i < w.length; i++) {
            weights[t][i] += w[i];
          }
        }
      }
    }
    return weights;
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
    for (int it = 0; it < (model.task() == PredictionTask.REGRESSION ? 1 : 30); it++) {
      double[] d = delta.clone();
      Broadcast<EbmModel> m = jsc.broadcast(model);
      double[] sums = shards.map(sh -> ShardScoring.interceptSums(m.value(), sh, d)).reduce(ArraySums::add);
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
    if (model.task() == PredictionTask.MULTICLASS) {
      double top = Arrays.stream(intercept).max().orElse(0);
      for (int c = 0; c < k; c++) {
        intercept[c] -= top;
      }
    }
    return model.withIntercept(intercept);
  }

  private static EbmTrainingSummary summary(BoostedTerms boosted, EbmModel model, Map<String, Double> seconds) {
    ScanStats stats = boosted.binned().scanned().stats();
    List<String> pairNames = new ArrayList<>();
    for (ModelTerm term : model.terms()) {
      if (term.isPair()) {
        pairNames.add(term.name());
      }
    }
    return new EbmTrainingSummary(stats.rows(), stats.skipped(), stats.infiniteValues(),
        boosted.binned().plan().settings().outerBags(), boosted.binned().scanned().shardCount(), boosted.mode(), boosted.syncs(), boosted.mainSteps(),
        boosted.pairSteps(), boosted.validationLoss(), pairNames, boosted.kernel(), seconds);
  }

  private static Map<String, String> provenance(BoostedTerms boosted, String sparkVersion, double totalSeconds) {
    FitPlan plan = boosted.binned().plan();
    EbmSettings s = plan.settings();
    ScanStats stats = boosted.binned().scanned().stats();
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("library", "spark-ebm");
    provenance.put("libraryVersion", LibraryVersion.get());
    provenance.put("sparkVersion", sparkVersion);
    provenance.put("kernel", boosted.kernel());
    provenance.put("kernelDetail", boosted.kernelDetail());
    provenance.put("seed", Long.toString(s.seed()));
    provenance.put("rows", Long.toString(stats.rows()));
    provenance.put("skippedRows", Long.toString(stats.skipped()));
    provenance.put("fitId", plan.fitId());
    provenance.put("fittedAt", java.time.Instant.now().toString());
    provenance.put("fitSeconds", String.format("%.3f", totalSeconds));
    EbmInput input = boosted.binned().scanned().input();
    String levels = input.slotLevels() == null ? null : VectorAttributes.toProvenance(input.names(), input.slotLevels());
    if (levels != null) {
      provenance.put(VectorAttributes.PROVENANCE_KEY, levels);
    }
    if (plan.initial() != null) {
      provenance.put("warmStartFrom", s.initialModelPath().isEmpty() ? "a model set by setInitialModel"
          : s.initialModelPath());
    }
    return provenance;
  }
}
