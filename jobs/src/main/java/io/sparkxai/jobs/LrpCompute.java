package io.sparkxai.jobs;

import io.sparkxai.conf.SparkXaiConfig;
import io.sparkxai.lrp.LrpExplainer;
import picocli.CommandLine.Option;

/**
 * The {@code lrp} flags that say how relevance is computed: rows per batch, the device and the
 * floating-point precision. They override {@code sparkxai.lrp.*} in the configuration, which then
 * sets the {@link LrpExplainer}'s params.
 */
final class LrpCompute {

  @Option(names = "--batch-size", paramLabel = "N", description = "Rows per batch (default 64).")
  Integer batchSize;

  @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Where to compute (default auto).")
  String device;

  @Option(names = "--precision", paramLabel = "float32|float64", description = "Default float32.")
  String precision;

  /** The configuration keys of the flags given. */
  Flags flags() {
    return new Flags()
        .put("sparkxai.lrp.batch-size", batchSize)
        .put("sparkxai.lrp.device", device)
        .put("sparkxai.lrp.precision", precision);
  }

  /** Sets the explainer's compute params from the loaded {@code config} (flags, file, defaults). */
  static LrpExplainer applyTo(LrpExplainer lrp, SparkXaiConfig config) {
    return lrp.setBatchSize(config.getInt("sparkxai.lrp.batch-size"))
        .setDevice(config.getString("sparkxai.lrp.device"))
        .setPrecision(config.getString("sparkxai.lrp.precision"));
  }
}
