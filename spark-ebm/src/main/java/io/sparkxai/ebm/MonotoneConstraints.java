package io.sparkxai.ebm;

import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.PredictionTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code monotoneConstraints} param: {@code "feature=direction"} entries, parsed where the value is
 * set (syntax) and resolved against the fit's features once they are known (after the scan): every
 * named feature must exist and be numeric, and the task must have one score per row (libebm and
 * interpretml's {@code monotonize} support neither multiclass nor categorical constraints).
 */
final class MonotoneConstraints {

  private MonotoneConstraints() {}

  /**
   * Feature name to direction (+1, -1, 0), in the given order.
   *
   * @throws IllegalArgumentException naming the entry that is not {@code name=1|+1|-1|0} or a repeated name
   */
  static Map<String, Integer> parse(String[] entries) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String e : entries) {
      int eq = e == null ? -1 : e.lastIndexOf('=');
      String name = eq < 0 ? "" : e.substring(0, eq).trim();
      String d = eq < 0 ? "" : e.substring(eq + 1).trim();
      int direction;
      switch (d) {
        case "1", "+1" -> direction = 1;
        case "-1" -> direction = -1;
        case "0" -> direction = 0;
        default -> direction = 2;
      }
      if (name.isEmpty() || direction == 2) {
        throw new IllegalArgumentException("monotone constraint '" + e + "' must be feature=1, feature=-1 or "
            + "feature=0");
      }
      if (out.put(name, direction) != null) {
        throw new IllegalArgumentException("monotone constraint on feature '" + name + "' is given twice");
      }
    }
    return out;
  }

  /**
   * The direction per feature index.
   *
   * @throws IllegalArgumentException naming an unknown or categorical feature, or a multiclass task
   */
  static int[] resolve(String[] entries, List<FeatureBinning> binnings, PredictionTask task) {
    Map<String, Integer> wanted = parse(entries);
    int[] out = new int[binnings.size()];
    if (wanted.isEmpty()) {
      return out;
    }
    List<String> names = new ArrayList<>();
    binnings.forEach(b -> names.add(b.name()));
    for (Map.Entry<String, Integer> e : wanted.entrySet()) {
      int f = names.indexOf(e.getKey());
      if (f < 0) {
        throw new IllegalArgumentException("monotoneConstraints names feature '" + e.getKey()
            + "', which is not a feature of this fit; features: " + String.join(", ", names));
      }
      if (binnings.get(f).isCategorical() && e.getValue() != 0) {
        throw new IllegalArgumentException("monotoneConstraints: feature '" + e.getKey() + "' is categorical; only "
            + "numeric features can be monotone");
      }
      out[f] = e.getValue();
    }
    for (int d : out) {
      if (d != 0 && task == PredictionTask.MULTICLASS) {
        throw new IllegalArgumentException("monotoneConstraints are not supported for multiclass models (one "
            + "score per class); got " + String.join(", ", entries));
      }
    }
    return out;
  }
}
