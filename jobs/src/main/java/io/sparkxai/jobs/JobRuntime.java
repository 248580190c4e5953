package io.sparkxai.jobs;

import io.sparkxai.conf.SparkSettings;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Starting Spark for a command: the master from the configuration (or spark-submit's), the driver
 * bound to 127.0.0.1 for local masters, quiet logs, and DJL kept offline on the driver.
 */
public final class JobRuntime {

  private static volatile boolean verbose;

  private JobRuntime() {}

  /** Whether {@code --verbose} was given (stack traces on failure). */
  public static boolean verbose() {
    return verbose;
  }

  static void setVerbose(boolean v) {
    verbose = v;
  }

  /** True when spark-submit started this JVM (it sets {@code spark.master} as a system property). */
  public static boolean runningUnderSparkSubmit() {
    return System.getProperty("spark.master") != null;
  }

  /** The library version from the jar manifest, or "dev" when run from classes. */
  public static String libraryVersion() {
    String v = JobRuntime.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * Starts (or joins) the SparkSession. A master set by flag or config file wins; otherwise
   * spark-submit's master, else the default {@code local[*]}.
   */
  public static SparkSession startSpark(SparkSettings settings, String jobName) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.setProperty("ai.djl.default_engine", System.getProperty("ai.djl.default_engine", "PyTorch"));
    SparkSession.Builder b = SparkSession.builder().appName(settings.appName() + " " + jobName);
    String master = settings.masterGiven() || !runningUnderSparkSubmit()
        ? settings.master() : System.getProperty("spark.master");
    b.master(master);
    if (master.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    b.config("spark.ui.showConsoleProgress", "false");
    for (Map.Entry<String, String> e : settings.conf().entrySet()) {
      b.config(e.getKey(), e.getValue());
    }
    SparkSession spark = b.getOrCreate();
    if (!verbose) {
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }
}
