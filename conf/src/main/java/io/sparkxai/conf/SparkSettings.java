package io.sparkxai.conf;

import java.util.Map;

/**
 * Where and how a command runs Spark.
 *
 * @param master the Spark master URL ({@code local[*]} by default)
 * @param masterGiven whether the master came from a flag or a file rather than the default; a job
 *     started by spark-submit keeps spark-submit's master unless one was given
 * @param appName the application name shown in the Spark UI
 * @param conf further Spark settings passed as they are ({@code sparkxai.spark.conf})
 */
public record SparkSettings(String master, boolean masterGiven, String appName, Map<String, String> conf) {
  public SparkSettings {
    conf = Map.copyOf(conf);
  }
}
