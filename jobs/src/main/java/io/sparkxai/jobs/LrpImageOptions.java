package io.sparkxai.jobs;

import io.sparkxai.lrp.LrpExplainer;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code lrp} flags that apply to a folder of images only, and the explainer params they set. */
final class LrpImageOptions {

  @Option(names = "--resize", description = "Images: resample to the model's size (else other sizes are invalid).")
  boolean resize;

  @Option(names = "--channel-order", paramLabel = "RGB|BGR", description = "Images: the model's colour order"
      + " (default RGB).")
  String channelOrder;

  @Option(names = "--scale", paramLabel = "X", description = "Images: pixel (0-255) multiplier (default 1/255).")
  Double scale;

  @Option(names = "--mean", paramLabel = "X[,X...]", split = ",", description = "Images: subtracted after scaling,"
      + " one value or one per channel (default 0).")
  double[] mean;

  @Option(names = "--std", paramLabel = "X[,X...]", split = ",", description = "Images: divides after the mean"
      + " (default 1).")
  double[] std;

  @Option(names = "--input-shape", paramLabel = "C,H,W", split = ",", description = "Images with an lrp_toolbox"
      + " model: its input shape (the text format does not declare it).")
  int[] inputShape;

  @Option(names = "--handle-invalid", paramLabel = "error|skip|keep", description = "Images that cannot be"
      + " explained: fail (default), skip (counted), or keep in the index with the reason.")
  String handleInvalid;

  @Option(names = "--overlay", description = "Images: draw heatmaps over the image.")
  boolean overlay;

  @Option(names = "--partitions", paramLabel = "N", description = "Images: spread over N partitions.")
  Integer partitions;

  @Option(names = "--task-cpus", paramLabel = "N", description = "Images: run the LRP stage with N CPUs per task"
      + " (stage-level scheduling; clusters only).")
  Integer taskCpus;

  @Option(names = "--task-gpus", paramLabel = "X", description = "Images: run the LRP stage with X GPUs per task"
      + " (stage-level scheduling; clusters only).")
  Double taskGpus;

  /** Fails when any of these flags is given: the input is a CSV file. */
  void requireNone() {
    if (resize || channelOrder != null || scale != null || mean != null || std != null || inputShape != null
        || handleInvalid != null || overlay || partitions != null || taskCpus != null || taskGpus != null) {
      throw new UsageException("--resize, --channel-order, --scale, --mean, --std, --input-shape, --handle-invalid,"
          + " --overlay, --partitions, --task-cpus and --task-gpus apply to a folder of images, not to a CSV");
    }
  }

  /** Partitions to spread the images over; 0: as the image source reads them. */
  int partitions() {
    int p = partitions == null ? 0 : partitions;
    if (p < 0) {
      throw new UsageException("--partitions " + p + ": must be >= 1");
    }
    return p;
  }

  /** Sets the image params these flags give on {@code lrp}; bad values are usage errors naming the flag. */
  void applyTo(LrpExplainer lrp) {
    lrp.setResize(resize).setHeatmapOverlay(overlay);
    if (channelOrder != null) {
      String order = channelOrder.toUpperCase(Locale.ROOT);
      if (!order.equals("RGB") && !order.equals("BGR")) {
        throw new UsageException("--channel-order " + channelOrder + ": expected RGB or BGR");
      }
      lrp.setChannelOrder(order);
    }
    if (handleInvalid != null) {
      if (!List.of("error", "skip", "keep").contains(handleInvalid)) {
        throw new UsageException("--handle-invalid " + handleInvalid + ": expected error, skip or keep");
      }
      lrp.setHandleInvalid(handleInvalid);
    }
    Flags.ifGiven(scale, lrp::setScale);
    Flags.ifGiven(mean, lrp::setMean);
    Flags.ifGiven(std, lrp::setStd);
    Flags.ifGiven(inputShape, lrp::setInputShape);
    Flags.ifGiven(taskCpus, lrp::setTaskCpus);
    Flags.ifGiven(taskGpus, lrp::setTaskGpus);
    partitions();
  }
}
