package io.sparkxai.jobs;

import io.sparkxai.lrp.LrpExplainer;
import io.sparkxai.lrp.core.LrpOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of an {@code lrp} run, as {@code --metrics-out} writes them: what was explained, with
 * which settings (from the explainer's params), and how long it took.
 */
final class LrpMetrics {

  private LrpMetrics() {}

  /** The metrics of rows of a CSV file explained on the driver. */
  static Map<String, Object> ofRows(Path model, LrpCsvRows.Explained e, LrpExplainer lrp, LrpOptions options,
      String target, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model.toString());
    m.put("rows", e.rows());
    m.put("input_shape", e.graph().inputShape());
    m.put("input_layout", e.graph().inputLayout().name());
    m.put("composite", options.composite().name());
    m.put("rules", e.rules());
    putSettings(m, lrp, target, e.device().toString());
    m.put("predicted", e.predicted());
    m.put("explained", e.explained());
    m.put("initial_relevance", e.initial());
    m.put("relevance_sum", e.sums());
    m.put("lrp_seconds", e.lrpNanos() / 1e9);
    m.put("forward_seconds", e.forwardNanos() / 1e9);
    m.put("lrp_forward_ratio", e.forwardNanos() == 0 ? null : (double) e.lrpNanos() / e.forwardNanos());
    m.put("seconds", seconds);
    return m;
  }

  /** The metrics of a folder of images explained on Spark. */
  static Map<String, Object> ofImages(Path model, Path input, LrpImageFolder.Written w, LrpExplainer lrp,
      String target, String master, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model.toString());
    m.put("input", input.toString());
    m.put("images", w.images());
    m.put("explained", w.explained());
    m.put("counts", w.counts().toMap());
    m.put("stage_resource_profiles", w.resourceProfiles());
    m.put("composite", rules(lrp));
    putSettings(m, lrp, target, lrp.getDevice());
    m.put("master", master);
    m.put("index", w.index());
    m.put("seconds", seconds);
    return m;
  }

  /** The rules in a word: the composite's name, or {@code rule R}. */
  static String rules(LrpExplainer lrp) {
    return lrp.getRule() != null ? "rule " + lrp.getRule() : lrp.getComposite();
  }

  private static void putSettings(Map<String, Object> m, LrpExplainer lrp, String target, String device) {
    m.put("zero_bias", lrp.getZeroBias());
    m.put("canonize", lrp.getCanonize());
    m.put("init", lrp.getInit());
    m.put("target", target);
    m.put("precision", lrp.getPrecision());
    m.put("device", device);
    m.put("batch_size", lrp.getBatchSize());
  }
}
