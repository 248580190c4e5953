package io.sparkxai.ebm.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * interpretml's JSON form of an EBM ({@code to_json} of interpret 0.7.8: {@code {"version": "1.0",
 * "ebm": {...}}}), read into an {@link EbmModel} and written from one. interpretml and spark-ebm lay out
 * bins alike (missing first, unseen or "other" last, a value equal to a cut goes up, scores cell by cell
 * with the class last), so predictions carry over exactly; what differs is mapped:
 * <ul>
 *   <li>reading: binnings become ours as {@link InterpretFeature} says (cuts of mains and pairs merged,
 *       grouped categories split), each term's scores, standard deviations and bin weights are spread
 *       onto our bins (a bin's weight goes to the first of ours inside it), a feature without a main
 *       term gets a zero one, and terms are ordered mains first; the links {@code logit},
 *       {@code mlogit} and {@code identity} are read, others and terms of three or more features are
 *       refused; the class labels go into the provenance's {@code classNames};</li>
 *   <li>writing: the same tensors under interpretml's names, with what interpretml's own reader
 *       ({@code _from_json}) requires: one "bag" (the averaged model) in {@code bagged_scores},
 *       {@code bag_weights} {@code [1]}, a one-bin {@code histogram_weights} per numeric feature
 *       (missing, all values, unseen: we keep no equal-width histogram), {@code num_unique_vals} the
 *       number of value bins, and {@code "nan"} where a value is unknown.</li>
 * </ul>
 * The format is documented in {@code docs/ebm-json.md}. Needs Jackson, not Spark.
 */
public final class InterpretJson {

  /** The interpretml JSON version read and written (interpret 0.7.x). */
  public static final String VERSION = "1.0";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private InterpretJson() {}

  /** Whether a parsed JSON object is interpretml's form (an {@code "ebm"} object, no {@code "format"}). */
  static boolean isInterpret(JsonNode root) {
    return root.has("ebm") && !root.has("format");
  }

  /**
   * Reads interpretml's JSON.
   *
   * @param where the file, for messages
   * @throws IllegalArgumentException naming what cannot be read: another version, link or feature type,
   *     a term of three features, scores of the wrong shape
   */
  public static EbmJson.Document read(String text, String where) {
    return InterpretModelReader.read(EbmJson.parse(text, where), where);
  }

  /**
   * A model in interpretml's JSON form.
   *
   * @param classNames the class labels in index order (empty: the indexes 0, 1, ...)
   */
  public static String write(EbmModel m, List<String> classNames) {
    int k = m.scoresPerRow();
    ObjectNode ebm = JSON.createObjectNode();
    ObjectNode output = ebm.putArray("outputs").addObject();
    output.put("task", m.task() == PredictionTask.REGRESSION ? "regression" : "classification");
    if (m.task() == PredictionTask.REGRESSION) {
      output.put("min_target", "nan");
      output.put("max_target", "nan");
    } else {
      ArrayNode classes = output.putArray("classes");
      for (int c = 0; c < m.classes(); c++) {
        if (classNames.size() == m.classes()) {
          classes.add(classNames.get(c));
        } else {
          classes.add(c);
        }
      }
    }
    output.put("link", switch (m.task()) {
      case BINARY -> "logit";
      case MULTICLASS -> "mlogit";
      default -> "identity";
    });
    output.put("link_param", "nan");
    EbmJson.doubles(ebm.putArray("intercept"), m.intercept());
    ebm.putArray("bag_weights").add(1.0);
    ebm.putArray("best_iteration").addArray().add(0);
    ebm.put("implementation", "spark-xai");
    ebm.putObject("implementation_params");
    ArrayNode features = ebm.putArray("features");
    for (int f = 0; f < m.features().size(); f++) {
      writeFeature(features.addObject(), m, f);
    }
    ArrayNode terms = ebm.putArray("terms");
    for (ModelTerm t : m.terms()) {
      ObjectNode o = terms.addObject();
      ArrayNode names = o.putArray("term_features");
      for (int f : t.features()) {
        names.add(m.features().get(f).name());
      }
      int[] shape = shape(t, k);
      tensor(o.putArray("scores"), t.scores(), shape);
      tensor(o.putArray("standard_deviations"), t.stdevs(), shape);
      tensor(o.putArray("bagged_scores").addArray(), t.scores(), shape);
      tensor(o.putArray("bin_weights"), t.weights(), shape(t, 1));
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    root.set("ebm", ebm);
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the model as interpretml JSON: " + e.getMessage(), e);
    }
  }

  private static void writeFeature(ObjectNode o, EbmModel m, int f) {
    FeatureBinning b = m.features().get(f);
    o.put("name", b.name());
    o.put("type", b.isCategorical() ? "nominal" : "continuous");
    o.put("num_unique_vals", b.isCategorical() ? b.levels().size() : b.cuts().length + 1);
    if (b.isCategorical()) {
      ArrayNode level = o.putArray("categories").addArray();
      b.levels().forEach(level::add);
      return;
    }
    ArrayNode cuts = o.putArray("cuts");
    double[] main = b.cuts();
    EbmJson.doubles(cuts.addArray(), main);
    if (b.pairCutIndexes().length != main.length && usedInPairs(m, f)) {
      double[] pair = new double[b.pairCutIndexes().length];
      for (int i = 0; i < pair.length; i++) {
        pair[i] = main[b.pairCutIndexes()[i]];
      }
      EbmJson.doubles(cuts.addArray(), pair);
    }
    jsonNumber(o, "min", b.minValue());
    jsonNumber(o, "max", b.maxValue());
    double[] w = new double[3];
    for (ModelTerm t : m.terms()) {
      if (!t.isPair() && t.features()[0] == f) {
        double[] tw = t.weights();
        for (int i = 0; i < tw.length; i++) {
          w[i == 0 ? 0 : i == tw.length - 1 ? 2 : 1] += tw[i];
        }
      }
    }
    EbmJson.doubles(o.putArray("histogram_weights"), w);
  }

  private static boolean usedInPairs(EbmModel m, int f) {
    for (ModelTerm t : m.terms()) {
      if (t.isPair() && (t.features()[0] == f || t.features()[1] == f)) {
        return true;
      }
    }
    return false;
  }

  /** interpretml's shape of a term's tensor: its axes, then the classes when {@code k > 1}. */
  static int[] shape(ModelTerm t, int k) {
    int[] axes = t.isPair() ? new int[] {t.binsA(), t.binsB()} : new int[] {t.binsA()};
    if (k == 1) {
      return axes;
    }
    int[] out = java.util.Arrays.copyOf(axes, axes.length + 1);
    out[axes.length] = k;
    return out;
  }

  /** A flat row-major tensor as nested lists of the given shape. */
  private static void tensor(ArrayNode out, double[] flat, int[] shape) {
    nest(out, flat, shape, 0, 0);
  }

  private static void nest(ArrayNode out, double[] flat, int[] shape, int axis, int offset) {
    int stride = 1;
    for (int a = axis + 1; a < shape.length; a++) {
      stride *= shape[a];
    }
    for (int i = 0; i < shape[axis]; i++) {
      if (axis == shape.length - 1) {
        jsonNumber(out, flat[offset + i]);
      } else {
        nest(out.addArray(), flat, shape, axis + 1, offset + i * stride);
      }
    }
  }

  /** interpretml's spelling of non-finite numbers: "nan", "+inf", "-inf". */
  private static void jsonNumber(ArrayNode a, double v) {
    if (Double.isFinite(v)) {
      a.add(v);
    } else {
      a.add(Double.isNaN(v) ? "nan" : v > 0 ? "+inf" : "-inf");
    }
  }

  private static void jsonNumber(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.put(key, Double.isNaN(v) ? "nan" : v > 0 ? "+inf" : "-inf");
    }
  }

  /** A number as interpretml writes it: a JSON number, or "nan", "+inf", "-inf" (any case). */
  static double number(JsonNode n) {
    if (n == null || n.isNull()) {
      return Double.NaN;
    }
    if (!n.isTextual()) {
      return n.asDouble();
    }
    String s = n.asText().trim().toLowerCase(java.util.Locale.ROOT);
    return switch (s) {
      case "nan" -> Double.NaN;
      case "+inf", "inf", "infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  /** The numbers of a nested list, flattened in row-major order, and its shape. */
  static double[] flatten(JsonNode n, List<Integer> shape) {
    List<Double> out = new ArrayList<>();
    flatten(n, 0, shape, out);
    double[] a = new double[out.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = out.get(i);
    }
    return a;
  }

  private static void flatten(JsonNode n, int depth, List<Integer> shape, List<Double> out) {
    if (!n.isArray()) {
      out.add(number(n));
      return;
    }
    if (shape.size() == depth) {
      shape.add(n.size());
    } else if (shape.get(depth) != n.size()) {
      shape.set(depth, -1); // ragged: never the shape a term asks for
    }
    for (JsonNode c : n) {
      flatten(c, depth + 1, shape, out);
    }
  }
}
