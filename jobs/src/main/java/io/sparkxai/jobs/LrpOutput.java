package io.sparkxai.jobs;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code lrp} flags that say where the relevance goes: the CSV of relevance, and heatmap images. */
final class LrpOutput {

  @Option(names = "--output", required = true, paramLabel = "PATH",
      description = "CSV of relevance, one row per input, same layout (images: height, width, channel in the"
          + " stored B,G,R order; an index of the images is written beside it as PATH.index.csv).")
  Path csv;

  @Option(names = "--heatmaps", paramLabel = "DIR", description = "Also write one heatmap PNG per input row.")
  Path heatmaps;

  /** Where the results are, for the summary line: {@code "PATH"}, plus {@code ", heatmaps in DIR"}. */
  String where() {
    return csv + (heatmaps == null ? "" : ", heatmaps in " + heatmaps);
  }
}
