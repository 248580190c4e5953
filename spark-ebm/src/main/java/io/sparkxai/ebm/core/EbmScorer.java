package io.sparkxai.ebm.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores rows with a fitted EBM without Spark: a model's portable JSON ({@link EbmJson}, what
 * {@code toJson()} and {@code bin/spark-xai ebm-export} write) or interpretml's ({@link InterpretJson})
 * is read, and each row — a map from feature name to value — gets the same raw scores, probabilities,
 * prediction and contributions as the model's {@code transform} on Spark, bit for bit. It needs the
 * spark-ebm jar and Jackson (jackson-databind, -core, -annotations 2.x), nothing else.
 *
 * <pre>{@code
 * EbmScorer scorer = EbmScorer.fromJson(Path.of("adult.json"));
 * EbmScorer.Prediction p = scorer.predict(Map.of("age", 39, "workclass", "State-gov", "hours_per_week", 40));
 * p.probabilities()[1];  // P(class 1); p.prediction() is the class index (regression: the value)
 * }</pre>
 *
 * <p>Values: a number for a numeric feature (a string is parsed; null, NaN, a missing key or a blank
 * string is missing); a string for a categorical one (a number stands for its level, {@code 3} for
 * {@code "3"}, as on Spark). Unseen categories score like the pooled rare ones. Immutable and
 * thread-safe.
 */
public final class EbmScorer {

  private final EbmModel model;
  private final List<String> classNames;
  private final List<String> featureNames;

  private EbmScorer(EbmModel model, List<String> classNames) {
    this.model = model;
    this.classNames = List.copyOf(classNames);
    List<String> names = new ArrayList<>();
    model.features().forEach(f -> names.add(f.name()));
    this.featureNames = List.copyOf(names);
  }

  /**
   * A scorer of the model in a JSON file (spark-ebm's or interpretml's form).
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it is no model JSON, or of a version this library does not read
   */
  public static EbmScorer fromJson(Path file) throws IOException {
    return fromJsonText(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * A scorer of a model's JSON text (spark-ebm's or interpretml's form).
   *
   * @param where a name of the text's origin, for messages
   */
  public static EbmScorer fromJsonText(String json, String where) {
    EbmJson.Document d = EbmJson.readAny(json, where);
    return new EbmScorer(d.model(), d.classNames());
  }

  /** A scorer of a model in memory, with its class names (may be empty). */
  public static EbmScorer of(EbmModel model, List<String> classNames) {
    return new EbmScorer(model, classNames);
  }

  /** The model. */
  public EbmModel model() {
    return model;
  }

  /** The features a row may hold, in model order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The class names (index order) when the model has them, else empty. */
  public List<String> classNames() {
    return classNames;
  }

  /**
   * One row's prediction.
   *
   * @param rawScores intercept plus the contributions (binary: the logit; multiclass: per class)
   * @param probabilities per class (empty for regression)
   * @param prediction the class index with the highest probability, or the regression value
   * @param contributions per term and score, {@code [t * k + c]}, in {@link EbmModel#termNames()} order
   */
  public record Prediction(double[] rawScores, double[] probabilities, double prediction, double[] contributions) {}

  /**
   * Scores one row.
   *
   * @param row feature name to value; features the row lacks are missing, keys that are no feature are ignored
   * @throws IllegalArgumentException naming the feature when a numeric feature holds text that is no number
   */
  public Prediction predict(Map<String, ?> row) {
    int n = featureNames.size();
    double[] numbers = new double[n];
    String[] levels = new String[n];
    for (int f = 0; f < n; f++) {
      Object v = row.get(featureNames.get(f));
      FeatureBinning b = model.features().get(f);
      numbers[f] = Double.NaN;
      if (b.isCategorical()) {
        levels[f] = v == null ? null : v instanceof Number num ? FeatureBinning.levelOf(num.doubleValue())
            : v.toString();
      } else {
        numbers[f] = number(featureNames.get(f), v);
      }
    }
    int k = model.scoresPerRow();
    double[] contributions = new double[model.terms().size() * k];
    double[] raw = new double[k];
    model.explain(model.bins(numbers, levels), contributions, raw);
    if (model.task() == PredictionTask.REGRESSION) {
      return new Prediction(raw, new double[0], raw[0], contributions);
    }
    double[] p = model.probabilities(raw);
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return new Prediction(raw, p, best, contributions);
  }

  private static double number(String feature, Object v) {
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof Number num) {
      return num.doubleValue();
    }
    String s = v.toString().trim();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("feature '" + feature + "' is numeric; got \"" + v + "\", which is no number");
    }
  }
}
