package io.sparkxai.jobs;

import java.util.Map;

/**
 * One capability's part of {@code spark-xai demo}. Each part runs on data the project makes itself
 * (or on the user's {@code --train/--test} where it takes tabular data), prints what it found, and
 * returns its metrics for the demo's JSON.
 */
interface DemoPart {

  /** The part's name, as {@code --parts} takes it. */
  String name();

  /** Runs the part and returns its metrics. */
  Map<String, Object> run(DemoContext context) throws Exception;
}
