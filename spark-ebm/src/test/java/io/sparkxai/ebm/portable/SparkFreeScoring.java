package io.sparkxai.ebm.portable;

import io.sparkxai.ebm.core.EbmScorer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A program {@code EbmPortableTest} runs in a JVM of its own whose class path has spark-ebm's classes,
 * Jackson and this class only: it scores a tab-separated file of rows (a header of feature names, empty
 * fields missing) with {@link EbmScorer} and writes one raw score per line, after a first line saying
 * whether Spark could be loaded. Arguments: the model JSON, the rows, the output file.
 */
public final class SparkFreeScoring {

  private SparkFreeScoring() {}

  /** Scores the rows. */
  public static void main(String[] args) throws Exception {
    StringBuilder out = new StringBuilder();
    try {
      Class.forName("org.apache.spark.sql.SparkSession");
      out.append("spark is on the class path\n");
    } catch (ClassNotFoundException e) {
      out.append("no spark\n");
    }
    EbmScorer scorer = EbmScorer.fromJson(Path.of(args[0]));
    List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    String[] header = lines.get(0).split("\t", -1);
    for (int i = 1; i < lines.size(); i++) {
      String[] values = lines.get(i).split("\t", -1);
      Map<String, Object> row = new HashMap<>();
      for (int j = 0; j < header.length; j++) {
        row.put(header[j], values[j].isEmpty() ? null : values[j]);
      }
      for (double raw : scorer.predict(row).rawScores()) {
        out.append(raw).append('\t');
      }
      out.append('\n');
    }
    Files.writeString(Path.of(args[2]), out, StandardCharsets.UTF_8);
  }
}
