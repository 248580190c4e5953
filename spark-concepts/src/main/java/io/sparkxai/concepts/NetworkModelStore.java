package io.sparkxai.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkxai.concepts.core.ActivationFunction;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.ParameterSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The saved form of a trained concept network, versioned:
 * <pre>
 * PATH/metadata/     Spark's param metadata (DefaultParamsWriter): class, uid, params
 * PATH/network.json  {"format": "sparkxai-concept-network", "formatVersion": 1, "spec": {...},
 *                     "provenance": {...}, plus what the model adds (e.g. explanations)}
 * PATH/parameters/   Parquet: index, name, shape (array&lt;bigint&gt;), values (array&lt;float&gt;)
 * </pre>
 * Everything is written under a temporary sibling folder, then renamed to PATH, so a failed save
 * leaves no half model. No Java serialization anywhere. Readers switch on {@code formatVersion} and
 * reject versions they do not know.
 */
final class NetworkModelStore {

  static final String FORMAT = "sparkxai-concept-network";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private NetworkModelStore() {}

  /** What a load returns. */
  record Loaded(DefaultParamsReader.Metadata metadata, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance, JsonNode document) {}

  /** Saves {@code stage} with its network; {@code extra} adds fields to network.json. */
  static void save(Params stage, String path, SparkSession spark, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance, java.util.function.Consumer<ObjectNode> extra) throws IOException {
    Path target = new Path(path);
    FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".writing-" + UUID.randomUUID());
    try {
      DefaultParamsWriter.saveMetadata(stage, tmp.toString(), spark);
      ObjectNode doc = JSON.createObjectNode();
      doc.put("format", FORMAT);
      doc.put("formatVersion", VERSION);
      doc.set("spec", specJson(spec));
      ObjectNode prov = doc.putObject("provenance");
      provenance.forEach(prov::put);
      extra.accept(doc);
      try (OutputStream out = fs.create(new Path(tmp, "network.json"), false)) {
        out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
      }
      parametersFrame(spark, parameters).coalesce(1).write().parquet(new Path(tmp, "parameters").toString());
      if (!fs.rename(tmp, target)) {
        throw new IOException("could not move the saved model from " + tmp + " to " + target);
      }
    } finally {
      if (fs.exists(tmp)) {
        fs.delete(tmp, true);
      }
    }
  }

  /** Loads a saved network, checking that it was saved by one of {@code classNames}. */
  static Loaded load(String path, SparkSession spark, List<String> classNames) {
    DefaultParamsReader.Metadata metadata = SavedStages.metadata(path, spark, classNames);
    Path root = new Path(path);
    JsonNode doc;
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (InputStream in = fs.open(new Path(root, "network.json"))) {
        doc = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + new Path(root, "network.json") + ": " + e.getMessage(), e);
    }
    if (!FORMAT.equals(doc.path("format").asText())) {
      throw new IllegalArgumentException(path + " is not a saved concept network (format '" + doc.path("format").asText()
          + "', expected '" + FORMAT + "')");
    }
    int version = doc.path("formatVersion").asInt(-1);
    switch (version) {
      case 1:
        break;
      default:
        throw new IllegalArgumentException(path + " has concept-network format version " + version
            + "; this library reads version " + VERSION + " (upgrade the library to read newer models)");
    }
    NetworkSpec spec = specFrom(doc.path("spec"), path);
    ParameterSnapshot params = readParameters(spark, new Path(root, "parameters").toString());
    Map<String, String> provenance = new LinkedHashMap<>();
    doc.path("provenance").fields().forEachRemaining(e -> provenance.put(e.getKey(), e.getValue().asText()));
    return new Loaded(metadata, spec, params, provenance, doc);
  }

  /** Whether {@code path} holds a saved network (a fitted model), not a param-only stage. */
  static boolean hasNetwork(String path, SparkSession spark) {
    Path json = new Path(path, "network.json");
    try {
      return json.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + json + ": " + e.getMessage(), e);
    }
  }

  static ObjectNode specJson(NetworkSpec spec) {
    ObjectNode s = JSON.createObjectNode();
    s.put("kind", spec.kind().id());
    s.put("numFeatures", spec.numFeatures());
    s.put("numConcepts", spec.numConcepts());
    s.put("numClasses", spec.numClasses());
    putInts(s, "encoderHidden", spec.encoderHidden());
    putInts(s, "headHidden", spec.headHidden());
    s.put("activation", spec.activation().paramName());
    s.put("embeddingSize", spec.embeddingSize());
    s.put("temperature", spec.temperature());
    return s;
  }

  static NetworkSpec specFrom(JsonNode s, String path) {
    try {
      NetworkSpec.Kind kind = NetworkSpec.Kind.valueOf(s.path("kind").asText().toUpperCase(java.util.Locale.ROOT));
      return new NetworkSpec(kind, s.path("numFeatures").asInt(), s.path("numConcepts").asInt(),
          s.path("numClasses").asInt(), ints(s.path("encoderHidden")), ints(s.path("headHidden")),
          ActivationFunction.of(s.path("activation").asText()), s.path("embeddingSize").asInt(),
          s.path("temperature").asDouble());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + "/network.json has an invalid network spec: " + e.getMessage(), e);
    }
  }

  /** Puts {@code values} into {@code node} as the array {@code field}; {@link #ints} reads it back. */
  static void putInts(ObjectNode node, String field, int[] values) {
    ArrayNode array = node.putArray(field);
    for (int v : values) {
      array.add(v);
    }
  }

  static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asInt();
    }
    return out;
  }

  private static Dataset<Row> parametersFrame(SparkSession spark, ParameterSnapshot p) {
    StructType schema = new StructType()
        .add("index", DataTypes.IntegerType, false)
        .add("name", DataTypes.StringType, false)
        .add("shape", DataTypes.createArrayType(DataTypes.LongType, false), false)
        .add("values", DataTypes.createArrayType(DataTypes.FloatType, false), false);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      long[] shape = p.shape(i);
      Long[] boxedShape = new Long[shape.length];
      for (int j = 0; j < shape.length; j++) {
        boxedShape[j] = shape[j];
      }
      float[] v = p.values(i);
      Float[] boxed = new Float[v.length];
      for (int j = 0; j < v.length; j++) {
        boxed[j] = v[j];
      }
      rows.add(RowFactory.create(i, p.names().get(i), boxedShape, boxed));
    }
    return spark.createDataFrame(rows, schema);
  }

  private static ParameterSnapshot readParameters(SparkSession spark, String path) {
    List<Row> rows = new ArrayList<>(spark.read().parquet(path).orderBy("index").collectAsList());
    List<String> names = new ArrayList<>();
    List<long[]> shapes = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    for (Row r : rows) {
      names.add(r.getString(r.fieldIndex("name")));
      List<Object> s = r.getList(r.fieldIndex("shape"));
      long[] shape = new long[s.size()];
      for (int j = 0; j < shape.length; j++) {
        shape[j] = (Long) s.get(j);
      }
      List<Object> v = r.getList(r.fieldIndex("values"));
      float[] f = new float[v.size()];
      for (int j = 0; j < f.length; j++) {
        f[j] = (Float) v.get(j);
      }
      shapes.add(shape);
      values.add(f);
    }
    return new ParameterSnapshot(names, shapes, values);
  }
}
