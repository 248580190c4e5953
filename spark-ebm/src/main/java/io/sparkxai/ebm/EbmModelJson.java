package io.sparkxai.ebm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.ebm.core.PredictionTask;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a fitted EBM (the data part of a saved model): format name and version, task,
 * intercept, per feature its binning, per term its tensors, the training summary and the provenance.
 * Readers switch on the version and refuse unknown ones; nothing is Java-deserialised. Doubles that
 * are NaN or infinite are written as strings ({@code "NaN"}). Version 1 grew one optional field per
 * numeric feature, {@code min} and {@code max} (the finite training range, for plots), and one optional
 * object, {@code bags} (the outer bags, {@link EbmBagsJson}); files without them still read, and
 * readers that predate them ignore them.
 */
final class EbmModelJson {

  /** The format name written in every file. */
  static final String FORMAT = "spark-ebm/model";
  /** The version this library writes. */
  static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EbmModelJson() {}

  /** A model, summary and provenance as JSON text. */
  static String write(EbmModel m, EbmTrainingSummary summary, Map<String, String> provenance) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("task", m.task().name());
    root.put("classes", m.classes());
    doubles(root.putArray("intercept"), m.intercept());
    ArrayNode features = root.putArray("features");
    for (FeatureBinning b : m.features()) {
      ObjectNode f = features.addObject();
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
    if (summary != null) {
      root.set("summary", JSON.valueToTree(summary));
    }
    ObjectNode prov = root.putObject("provenance");
    provenance.forEach(prov::put);
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the model as JSON", e);
    }
  }

  /** What a model file holds. */
  record Parsed(EbmModel model, EbmTrainingSummary summary, Map<String, String> provenance) {}

  /**
   * Reads a model file's JSON.
   *
   * @param where the file, for error messages
   */
  static Parsed read(String text, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + " is not valid JSON: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(where + " is not a spark-ebm model file (format \""
          + root.path("format").asText() + "\", expected \"" + FORMAT + "\")");
    }
    int version = root.path("version").asInt(-1);
    switch (version) {
      case 1:
        return readV1(root, where);
      default:
        throw new IllegalArgumentException(where + " has model format version " + version + "; this library ("
            + LibraryVersion.get() + ") reads version " + VERSION);
    }
  }

  private static Parsed readV1(JsonNode root, String where) {
    try {
      PredictionTask task = PredictionTask.valueOf(root.get("task").asText());
      int classes = root.get("classes").asInt();
      List<FeatureBinning> features = new ArrayList<>();
      for (JsonNode f : root.get("features")) {
        String name = f.get("name").asText();
        if (f.get("kind").asText().equals("CATEGORICAL")) {
          List<String> levels = new ArrayList<>();
          f.get("levels").forEach(l -> levels.add(l.asText()));
          features.add(FeatureBinning.categorical(name, levels, f.get("hasMissing").asBoolean(),
              f.get("hasOther").asBoolean()));
        } else {
          FeatureBinning numeric = FeatureBinning.numeric(name, doubles(f.get("cuts")), ints(f.get("pairCutIndexes")),
              f.get("hasMissing").asBoolean());
          features.add(f.has("min") ? numeric.withBounds(f.get("min").asDouble(), f.get("max").asDouble()) : numeric);
        }
      }
      List<ModelTerm> terms = new ArrayList<>();
      for (JsonNode t : root.get("terms")) {
        terms.add(new ModelTerm(t.get("name").asText(), ints(t.get("features")), t.get("binsA").asInt(),
            t.get("binsB").asInt(), doubles(t.get("scores")), doubles(t.get("stdevs")), doubles(t.get("weights")),
            number(t.get("importance"))));
      }
      EbmModel model = new EbmModel(task, classes, features, terms, doubles(root.get("intercept")),
          root.has("bags") ? EbmBagsJson.read(root.get("bags")) : null);
      EbmTrainingSummary summary = root.has("summary")
          ? JSON.treeToValue(root.get("summary"), EbmTrainingSummary.class) : null;
      Map<String, String> provenance = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = root.path("provenance").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        provenance.put(e.getKey(), e.getValue().asText());
      }
      return new Parsed(model, summary, provenance);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(where + " is a damaged model file: " + e.getMessage(), e);
    }
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
