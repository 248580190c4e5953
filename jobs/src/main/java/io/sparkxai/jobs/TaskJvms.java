package io.sparkxai.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Which JVMs ran a command's tasks: the tasks that read a data set record their executor id and
 * process id in an accumulator, and {@link #report()} lists them beside the driver's process id.
 * On a cluster this shows the work left the driver (the integration tests check it against the
 * executor processes the workers started); on {@code local[*]} every task reports the driver.
 *
 * <p>Only successful tasks count (Spark merges accumulator updates of failed tasks only when asked
 * to), and a recomputed partition reports again, so the list is a set of JVMs, not a task count.
 */
public final class TaskJvms {

  private final CollectionAccumulator<String> seen;

  private TaskJvms(CollectionAccumulator<String> seen) {
    this.seen = seen;
  }

  /** Registers the accumulator with the session's context. */
  public static TaskJvms register(SparkSession spark) {
    return new TaskJvms(spark.sparkContext().collectionAccumulator("spark-xai task JVMs"));
  }

  /**
   * The same rows, with every task that computes a partition of them recording its JVM once. Typed
   * {@code mapPartitions} keeps the schema (nullability included) and passes the rows through.
   */
  public Dataset<Row> recordedOn(Dataset<Row> df) {
    CollectionAccumulator<String> acc = seen;
    MapPartitionsFunction<Row, Row> record = rows -> {
      acc.add(SparkEnv.get().executorId() + "@" + ProcessHandle.current().pid());
      return rows;
    };
    return df.mapPartitions(record, Encoders.row(df.schema()));
  }

  /**
   * {@code driver_pid} and {@code task_jvms}: the distinct {@code {executor_id, pid}} pairs seen so
   * far, in a stable order.
   */
  public Map<String, Object> report() {
    TreeSet<String> distinct = new TreeSet<>(seen.value());
    List<Map<String, Object>> jvms = new ArrayList<>();
    for (String s : distinct) {
      int at = s.lastIndexOf('@');
      Map<String, Object> jvm = new LinkedHashMap<>();
      jvm.put("executor_id", s.substring(0, at));
      jvm.put("pid", Long.parseLong(s.substring(at + 1)));
      jvms.add(jvm);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("driver_pid", ProcessHandle.current().pid());
    m.put("task_jvms", jvms);
    return m;
  }
}
