package io.sparkxai.ebm.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portable JSON form of a fitted EBM, {@code "format": "spark-ebm/model"}: what a saved model keeps
 * in {@code data/model.json}, what {@code toJson()} returns and what {@link EbmScorer} reads. The schema,
 * field by field, is in {@code docs/ebm-json.md}: format name and version, task, classes, intercept,
 * per feature its binning, per term its tensors, and optionally the training summary and the
 * provenance. Readers switch on the version and refuse unknown ones; nothing is Java-deserialised.
 * Doubles that are NaN or infinite are written as strings ({@code "NaN"}). Version 1 grew one optional
 * field per numeric feature, {@code min} and {@code max} (the finite training range, for plots), and one
 * optional object, {@code bags} (the outer bags, {@link EbmBagsJson}); files without them still read,
 * and readers that predate them ignore them. Needs Jackson, not Spark.
 */
public final class EbmJson {

  /** The format name written in every file. */
  public static final String FORMAT = "spark-ebm/model";
  /** The version this library writes. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EbmJson() {}

  /**
   * What a model file holds.
   *
   * @param model the model
   * @param summaryJson the training summary as JSON text, or null when the file has none
   * @param provenance where the model came from (empty when the file says nothing)
   */
  public record Document(EbmModel model, String summaryJson, Map<String, String> provenance) {

    /** Copies the provenance. */
    public Document {
      provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** The class names kept in the provenance under {@code classNames}, or an empty list. */
    public List<String> classNames() {
      String joined = provenance.get("classNames");
      return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n", -1));
    }
  }

  /**
   * A model as JSON text.
   *
   * @param summaryJson the training summary as JSON text (an object), or null
   * @param provenance written as an object of strings
   */
  public static String write(EbmModel m, String summaryJson, Map<String, String> provenance) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("task", m.task().name());
    root.put("classes", m.classes());
    doubles(root.putArray("intercept"), m.intercept());
    ArrayNode features = root.putArray("features");
    for (FeatureBinning b : m.features()) {
      writeFeature(features.addObject(), b);
    }
    ArrayNode terms = root.putArray("terms");
    for (ModelTerm t : m.terms()) {
      ObjectNode o = terms.addObject();
      o.put("name", t.name());
      ArrayNode fs = o.putArray("features");
      for (int f : t.features()) {
        fs.add(f);
      }
      o.put("binsA", t.binsA());
      o.put("binsB", t.binsB());
      doubles(o.putArray("scores"), t.scores());
      doubles(o.putArray("stdevs"), t.stdevs());
      doubles(o.putArray("weights"), t.weights());
      number(o, "importance", t.importance());
    }
    if (m.bags() != null) {
      EbmBagsJson.write(root.putObject("bags"), m.bags());
    }
    try {
      if (summaryJson != null) {
        root.set("summary", JSON.readTree(summaryJson));
      }
      ObjectNode prov = root.putObject("provenance");
      provenance.forEach(prov::put);
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the model as JSON: " + e.getMessage(), e);
    }
  }

  private static void writeFeature(ObjectNode f, FeatureBinning b) {
    f.put("name", b.name());
    f.put("kind", b.kind().name());
    doubles(f.putArray("cuts"), b.cuts());
    ArrayNode pc = f.putArray("pairCutIndexes");
    for (int i : b.pairCutIndexes()) {
      pc.add(i);
    }
    ArrayNode levels = f.putArray("levels");
    b.levels().forEach(levels::add);
    f.put("hasMissing", b.hasMissing());
    f.put("hasOther", b.hasOther());
    if (!Double.isNaN(b.minValue())) { // optional: models saved before bounds were kept have none
      f.put("min", b.minValue());
      f.put("max", b.maxValue());
    }
  }

  /**
   * Reads a model file's JSON.
   *
   * @param where the file, for error messages
   * @throws IllegalArgumentException when the text is not JSON, not this format, of an unknown version
   *     (naming both versions) or damaged
   */
  public static Document read(String text, String where) {
    return read(parse(text, where), where);
  }

  /**
   * Reads a model's JSON in either form: this format, or interpretml's ({@link InterpretJson}), told
   * apart by their top-level fields.
   *
   * @param where the file, for error messages
   * @throws IllegalArgumentException as {@link #read(String, String)} and {@link InterpretJson#read} do
   */
  public static Document readAny(String text, String where) {
    JsonNode root = parse(text, where);
    if (InterpretJson.isInterpret(root)) {
      return InterpretModelReader.read(root, where);
    }
    if (!root.has("format")) {
      throw new IllegalArgumentException(where + " is neither a spark-ebm model JSON (no \"format\") nor an "
          + "interpretml one (no \"ebm\")");
    }
    return read(root, where);
  }

  /** Reads a parsed model file (see {@link #read(String, String)}). */
  static Document read(JsonNode root, String where) {
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(where + " is not a spark-ebm model file (format \""
          + root.path("format").asText() + "\", expected \"" + FORMAT + "\")");
    }
    int version = root.path("version").asInt(-1);
    switch (version) {
      case 1:
        return readV1(root, where);
      default:
        String library = EbmJson.class.getPackage().getImplementationVersion();
        throw new IllegalArgumentException(where + " has model format version " + root.path("version")
            + "; this library (spark-ebm " + (library == null ? "dev" : library) + ") reads version " + VERSION
            + " (a newer library may read it)");
    }
  }

  /** The JSON tree of a text. */
  static JsonNode parse(String text, String where) {
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException(where + " is not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new IllegalArgumentException(where + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static Document readV1(JsonNode root, String where) {
    try {
      PredictionTask task = PredictionTask.valueOf(root.get("task").asText());
      int classes = root.get("classes").asInt();
      List<FeatureBinning> features = new ArrayList<>();
      for (JsonNode f : root.get("features")) {
        features.add(readFeature(f));
      }
      List<ModelTerm> terms = new ArrayList<>();
      for (JsonNode t : root.get("terms")) {
        terms.add(new ModelTerm(t.get("name").asText(), ints(t.get("features")), t.get("binsA").asInt(),
            t.get("binsB").asInt(), doubles(t.get("scores")), doubles(t.get("stdevs")), doubles(t.get("weights")),
            number(t.get("importance"))));
      }
      EbmModel model = new EbmModel(task, classes, features, terms, doubles(root.get("intercept")),
          root.has("bags") ? EbmBagsJson.read(root.get("bags")) : null);
      String summary = root.hasNonNull("summary") ? JSON.writeValueAsString(root.get("summary")) : null;
      Map<String, String> provenance = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = root.path("provenance").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        provenance.put(e.getKey(), e.getValue().asText());
      }
      return new Document(model, summary, provenance);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(where + " is a damaged model file: " + e.getMessage(), e);
    }
  }

  private static FeatureBinning readFeature(JsonNode f) {
    String name = f.get("name").asText();
    if (f.get("kind").asText().equals("CATEGORICAL")) {
      List<String> levels = new ArrayList<>();
      f.get("levels").forEach(l -> levels.add(l.asText()));
      return FeatureBinning.categorical(name, levels, f.get("hasMissing").asBoolean(), f.get("hasOther").asBoolean());
    }
    FeatureBinning numeric = FeatureBinning.numeric(name, doubles(f.get("cuts")), ints(f.get("pairCutIndexes")),
        f.get("hasMissing").asBoolean());
    return f.has("min") ? numeric.withBounds(f.get("min").asDouble(), f.get("max").asDouble()) : numeric;
  }

  static void doubles(ArrayNode a, double[] values) {
    for (double v : values) {
      if (Double.isFinite(v)) {
        a.add(v);
      } else {
        a.add(Double.toString(v));
      }
    }
  }

  private static void number(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.put(key, Double.toString(v));
    }
  }

  private static double number(JsonNode n) {
    return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
  }

  static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(a.get(i));
    }
    return out;
  }

  private static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asInt();
    }
    return out;
  }
}
