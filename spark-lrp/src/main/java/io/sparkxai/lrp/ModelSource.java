package io.sparkxai.lrp;

import io.sparkxai.nn.Graph;
import io.sparkxai.nn.ModelFormatException;
import io.sparkxai.nn.onnx.OnnxReader;
import io.sparkxai.nn.toolbox.LrpToolboxReader;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import scala.reflect.ClassTag$;

/**
 * Where executors get a model: the bytes of a model file, or a graph built in memory, broadcast once
 * from the driver, with a key made of the file's path (or the graph's registered name) and the
 * SHA-256 of its content. Executors look the key up in the {@link EngineCache} first and touch the
 * broadcast only on a miss, so a model is read once per executor JVM. The driver parses the model
 * too, to check the input shape and the rules before any task starts.
 */
final class ModelSource implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final String description;
  private final Payload payload;
  private transient Graph parsed;

  /** What travels to the executors: a file's bytes, or a graph. */
  private sealed interface Payload extends Serializable {
    Graph graph(String description);
  }

  /** A model file's bytes, parsed by its name's extension. */
  private record FileBytes(Broadcast<byte[]> bytes, String fileName, int inputLength) implements Payload {
    @Override
    public Graph graph(String description) {
      return parse(bytes.value(), fileName, description, inputLength);
    }
  }

  /** A graph built in memory. */
  private record InMemory(Broadcast<Graph> graph) implements Payload {
    @Override
    public Graph graph(String description) {
      return graph.value();
    }
  }

  private ModelSource(String key, String description, Payload payload, Graph parsed) {
    this.key = key;
    this.description = description;
    this.payload = payload;
    this.parsed = parsed;
  }

  /**
   * Reads a model file (any Hadoop file system path: local, HDFS, S3, ...) on the driver and
   * broadcasts its bytes.
   *
   * @param inputLength values per input, for lrp_toolbox models (which do not declare it); 0 when unknown
   * @throws IllegalArgumentException naming {@code modelPath} when the file is missing or unreadable
   */
  static ModelSource file(SparkSession spark, String path, int inputLength) {
    byte[] content = bytes(spark, path);
    String name = new Path(path).getName();
    Graph g = parse(content, name, path, inputLength);
    Broadcast<byte[]> b = new JavaSparkContext(spark.sparkContext()).broadcast(content);
    return new ModelSource(qualified(spark, path) + "#" + sha256(content), path, new FileBytes(b, name, inputLength),
        g);
  }

  /** The model file's graph, read on the driver and not broadcast (for looking at it: shape, rules). */
  static Graph read(SparkSession spark, String path, int inputLength) {
    return parse(bytes(spark, path), new Path(path).getName(), path, inputLength);
  }

  private static byte[] bytes(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (FSDataInputStream in = fs.open(p)) {
        return in.readAllBytes();
      }
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("modelPath " + path + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("modelPath " + path + ": cannot read it (" + e.getMessage() + ")", e);
    }
  }

  private static String qualified(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
    } catch (IOException e) {
      throw new IllegalArgumentException("modelPath " + path + ": cannot read it (" + e.getMessage() + ")", e);
    }
  }

  /** A graph built in memory, registered under {@code name}; the graph itself is broadcast. */
  static ModelSource graph(SparkSession spark, String name, Graph g) {
    Broadcast<Graph> b = spark.sparkContext().broadcast(g, ClassTag$.MODULE$.apply(Graph.class));
    return new ModelSource("graph:" + name + "#" + sha256(serialize(g)), "registered graph '" + name + "'",
        new InMemory(b), g);
  }

  /** Identifies the model's content: path or name, and SHA-256. */
  String key() {
    return key;
  }

  /** The path or name, for messages. */
  String description() {
    return description;
  }

  /** The graph: parsed on the driver already, or read from the broadcast (on an executor's cache miss). */
  Graph load() {
    Graph g = parsed;
    if (g == null) {
      g = payload.graph(description);
      parsed = g;
    }
    return g;
  }

  private static Graph parse(byte[] content, String fileName, String source, int inputLength) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    try {
      if (lower.endsWith(".onnx")) {
        return OnnxReader.parse(content, source, false);
      }
      if (lower.endsWith(".txt")) {
        if (inputLength <= 0) {
          throw new IllegalArgumentException("modelPath " + source + " is an lrp_toolbox model, which does not"
              + " declare its input size: set inputShape");
        }
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
        return LrpToolboxReader.parse(lines, source, inputLength);
      }
    } catch (ModelFormatException e) {
      throw new IllegalArgumentException("modelPath " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("modelPath " + source + ": unknown model format; expected a .onnx file or an"
        + " lrp_toolbox .txt file");
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static byte[] serialize(Graph g) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ObjectOutputStream o = new ObjectOutputStream(out)) {
      o.writeObject(g);
      o.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
