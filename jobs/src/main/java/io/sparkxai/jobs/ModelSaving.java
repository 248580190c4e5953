package io.sparkxai.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.spark.ml.util.MLWritable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --model-out DIR} and {@code --overwrite}: where a command saves its model, and whether it may
 * replace a folder that is there. Mixed in with {@code @Mixin}.
 */
final class ModelSaving {

  @Mixin ModelOutOption modelOut;

  @Option(names = "--overwrite", description = "Replace an existing --model-out.")
  boolean overwrite;

  /** The folder of {@code --model-out}, or null when the model is not saved. */
  String dir() {
    return modelOut.dir;
  }

  /** Fails, before any work, when a local {@code --model-out} exists and {@code --overwrite} is not given. */
  void requireFree() {
    String dir = modelOut.dir;
    if (dir != null && !dir.contains("://") && Files.exists(Paths.get(dir)) && !overwrite) {
      throw new UsageException("--model-out " + dir + " exists; remove it, choose another folder or add "
          + "--overwrite");
    }
  }

  /** Saves {@code model} in {@code --model-out}, when given. */
  void save(MLWritable model) throws IOException {
    if (modelOut.dir != null) {
      (overwrite ? model.write().overwrite() : model.write()).save(modelOut.dir);
    }
  }
}
