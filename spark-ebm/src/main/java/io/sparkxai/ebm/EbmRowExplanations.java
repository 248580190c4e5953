package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@link EbmModelBase#explainRows}: per row, the kept columns, one column per term named exactly as
 * {@link EbmModelBase#termNames()}, then {@code raw_score}, {@code probability} (classifiers) and
 * {@code prediction}. A term's column holds its contribution (multiclass: an array of one score per
 * class, in class order); the intercept plus the contributions is the raw score.
 */
final class EbmRowExplanations {
  /** The columns after the terms, in order (classifiers; a regressor has no probability). */
  static final List<String> SCORE_COLUMNS = List.of("raw_score", "probability", "prediction");

  private EbmRowExplanations() {}

  static Dataset<Row> of(EbmModelBase<?> model, Dataset<?> dataset, String... keep) {
    EbmModel m = model.ebm();
    List<String> columns = Arrays.asList(dataset.columns());
    Set<String> taken = new HashSet<>();
    for (String k : keep) {
      if (!columns.contains(k)) {
        throw new IllegalArgumentException("explainRows: no column '" + k + "' to keep; columns: "
            + String.join(", ", columns));
      }
      if (!taken.add(k)) {
        throw new IllegalArgumentException("explainRows: column '" + k + "' is kept twice");
      }
    }
    for (String name : m.termNames()) {
      if (!taken.add(name)) {
        throw new IllegalArgumentException("explainRows: kept column '" + name + "' has the name of a term");
      }
    }
    boolean classifier = model instanceof ExplainableBoostingClassificationModel;
    for (String name : SCORE_COLUMNS) {
      if ((classifier || !name.equals("probability")) && !taken.add(name)) {
        throw new IllegalArgumentException("explainRows: '" + name + "' is a kept column or a term; the output "
            + "names its " + name.replace('_', ' ') + " so; rename it before explaining");
      }
    }
    String prefix = free(columns, "__ebm_explain");
    EbmModelBase<?> scorer = model.copy(ParamMap.empty());
    scorer.set(scorer.contributionsCol(), prefix + "_contributions");
    scorer.set(scorer.predictionCol(), prefix + "_prediction");
    scorer.set(scorer.uncertaintyCol(), "");
    if (scorer instanceof ExplainableBoostingClassificationModel c) {
      c.set(c.rawPredictionCol(), prefix + "_raw");
      c.set(c.probabilityCol(), prefix + "_probability");
    }
    Dataset<Row> scored = scorer.transform(dataset);
    List<Column> out = new ArrayList<>();
    for (String k : keep) {
      out.add(scored.col(EbmInput.quote(k)));
    }
    int k = m.scoresPerRow();
    Column contributions = functions.col(prefix + "_contributions");
    List<String> terms = m.termNames();
    for (int t = 0; t < terms.size(); t++) {
      out.add(contributions.getItem(t).as(terms.get(t)));
    }
    Column prediction = functions.col(prefix + "_prediction");
    if (classifier) {
      Column raw = org.apache.spark.ml.functions.vector_to_array(functions.col(prefix + "_raw"), "float64");
      Column p = org.apache.spark.ml.functions.vector_to_array(functions.col(prefix + "_probability"), "float64");
      out.add((k == 1 ? raw.getItem(1) : raw).as("raw_score"));
      out.add((k == 1 ? p.getItem(1) : p).as("probability"));
    } else {
      out.add(prediction.as("raw_score"));
    }
    out.add(prediction.as("prediction"));
    return scored.select(out.toArray(new Column[0]));
  }

  /** {@code name}, or {@code name2}, {@code name3}, ...: a prefix no column of the dataset starts with. */
  private static String free(List<String> columns, String name) {
    String free = name;
    for (int i = 2; startsAny(columns, free); i++) {
      free = name + i;
    }
    return free;
  }

  private static boolean startsAny(List<String> columns, String prefix) {
    return columns.stream().anyMatch(c -> c.startsWith(prefix));
  }
}
