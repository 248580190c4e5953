package io.sparkxai.lrp;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * What one {@link LrpExplainer#explain} did, counted by Spark accumulators: rows read, rows explained,
 * invalid rows (and of those, how many were skipped or kept with an error message), batches, model
 * loads, and which JVMs ran partitions and loaded models. The counts are complete once an action on
 * the returned rows has finished; as with every accumulator updated in a transformation, a partition
 * computed twice (a second action without caching, a retried task) counts twice.
 */
public final class LrpCounts implements Serializable {

  private static final long serialVersionUID = 1L;

  private final LongAccumulator rows;
  private final LongAccumulator explained;
  private final LongAccumulator invalid;
  private final LongAccumulator skipped;
  private final LongAccumulator batches;
  private final LongAccumulator modelLoads;
  private final CollectionAccumulator<String> events;

  private LrpCounts(SparkContext sc) {
    rows = sc.longAccumulator("lrp rows");
    explained = sc.longAccumulator("lrp rows explained");
    invalid = sc.longAccumulator("lrp invalid rows");
    skipped = sc.longAccumulator("lrp rows skipped");
    batches = sc.longAccumulator("lrp batches");
    modelLoads = sc.longAccumulator("lrp model loads");
    events = sc.collectionAccumulator("lrp partitions and model loads");
  }

  static LrpCounts register(SparkContext sc) {
    return new LrpCounts(sc);
  }

  /** Rows read. */
  public long rows() { return rows.value(); }
  /** Rows explained. */
  public long explained() { return explained.value(); }
  /** Rows that could not be explained (skipped, kept with an error, or the one that failed the job). */
  public long invalid() { return invalid.value(); }
  /** Invalid rows left out of the output ({@code handleInvalid=skip}). */
  public long skipped() { return skipped.value(); }
  /** Batches run through the engine. */
  public long batches() { return batches.value(); }
  /** Models loaded (read and placed on a device) by the tasks; at most one per JVM and model. */
  public long modelLoads() { return modelLoads.value(); }

  void row() {
    rows.add(1);
  }

  void explained(int n) {
    explained.add(n);
    batches.add(1);
  }

  void invalid(boolean skippedRow) {
    invalid.add(1);
    if (skippedRow) {
      skipped.add(1);
    }
  }

  void partition(boolean loadedModel) {
    String jvm = jvm();
    events.add("partition " + jvm);
    if (loadedModel) {
      modelLoads.add(1);
      events.add("load " + jvm);
    }
  }

  private static String jvm() {
    SparkEnv env = SparkEnv.get();
    return (env == null ? "driver" : env.executorId()) + "@" + ProcessHandle.current().pid();
  }

  /**
   * Per JVM ({@code executorId@pid}): partitions it explained and models it loaded, in a stable
   * order.
   */
  public Map<String, Map<String, Long>> perJvm() {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    List<String> all = events.value();
    for (String e : all) {
      int sp = e.indexOf(' ');
      String kind = e.substring(0, sp).equals("load") ? "model_loads" : "partitions";
      Map<String, Long> m = out.computeIfAbsent(e.substring(sp + 1), k -> {
        Map<String, Long> n = new LinkedHashMap<>();
        n.put("partitions", 0L);
        n.put("model_loads", 0L);
        return n;
      });
      m.merge(kind, 1L, Long::sum);
    }
    return out;
  }

  /** The counts as a map for a metrics file. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", rows());
    m.put("explained", explained());
    m.put("invalid", invalid());
    m.put("skipped", skipped());
    m.put("batches", batches());
    m.put("model_loads", modelLoads());
    m.put("jvms", perJvm());
    return m;
  }

  @Override
  public String toString() {
    return "rows " + rows() + ", explained " + explained() + ", invalid " + invalid() + " (skipped " + skipped()
        + "), batches " + batches() + ", model loads " + modelLoads();
  }
}
