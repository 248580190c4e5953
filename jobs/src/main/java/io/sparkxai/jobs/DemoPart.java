package io.sparkxai.jobs;

import java.util.Map;

/**
 * One capability's part of {@code spark-xai demo}. Each part runs on data the project makes itself
 * (or on the user's {@code --train/--test} where it takes tabular data), prints what it found, and
 * returns its metrics for the demo's JSON.
 *
 * @param name the part's name, as {@code --parts} takes it and the demo's JSON keys its metrics
 * @param body what the part runs
 */
record DemoPart(String name, Body body) {

  /** What a part runs: it returns its metrics. */
  interface Body {
    Map<String, Object> run(DemoContext context) throws Exception;
  }

  /** Runs the part and returns its metrics. */
  Map<String, Object> run(DemoContext context) throws Exception {
    return body.run(context);
  }
}
