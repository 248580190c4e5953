package io.sparkxai.jobs;

import io.sparkxai.lrp.LrpExplainer;
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

  @Option(names = "--heatmap-size", paramLabel = "N", description = "Heatmaps at least N pixels on their longer"
      + " side, each pixel repeated as a square (nearest neighbour; default: the model's size, e.g. 28 x 28).")
  Integer heatmapSize;

  /**
   * Sets the heatmap size on {@code lrp} (the folder of images) and checks it: {@code --heatmap-size}
   * goes with {@code --heatmaps} and is 1 to 8192.
   */
  void applyTo(LrpExplainer lrp) {
    if (heatmapSize == null) {
      return;
    }
    if (heatmaps == null) {
      throw new UsageException("--heatmap-size " + heatmapSize + ": goes with --heatmaps DIR");
    }
    if (heatmapSize < 1 || heatmapSize > 8192) {
      throw new UsageException("--heatmap-size " + heatmapSize + ": must be 1 to 8192 pixels");
    }
    lrp.setHeatmapSize(heatmapSize);
  }

  /** Where the results are, for the summary line: {@code "PATH"}, plus {@code ", heatmaps in DIR"}. */
  String where() {
    return csv + (heatmaps == null ? "" : ", heatmaps in " + heatmaps);
  }
}
