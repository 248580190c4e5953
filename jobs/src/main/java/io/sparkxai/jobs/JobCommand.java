package io.sparkxai.jobs;

import io.sparkxai.conf.SparkXaiConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command has: the common flags ({@link CommonOptions}), its console, and a Spark
 * session started from the checked configuration and stopped when the work ends, however it ends.
 */
abstract class JobCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  /** Work that needs Spark; returns the command's exit code. */
  interface SparkWork {
    int run(SparkSession spark) throws Exception;
  }

  /** The command's console. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Starts Spark (the application is named after the command), runs {@code work}, and stops Spark. */
  int withSpark(SparkXaiConfig config, SparkWork work) throws Exception {
    SparkSession spark = JobRuntime.startSpark(config.spark(), spec.name());
    try {
      return work.run(spark);
    } finally {
      spark.stop();
    }
  }

  /** Seconds since {@code startNanos}, a {@link System#nanoTime()}. */
  static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
