package io.sparkxai.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.ml.util.MLWritable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --model-out DIR} and {@code --overwrite}: where a command saves its model, and whether it may
 * replace a folder that is there. Mixed in with {@code @Mixin}.
 *
 * <p>A local folder is written whole or not at all: the model is saved into a hidden folder beside
 * the target, then swapped in (the old folder renamed away, the new one renamed in, the old one
 * deleted), so a failure at any point leaves the old model or the new one complete. Only a folder
 * that holds a saved Spark ML stage (its {@code metadata/}) is ever replaced, and only with
 * {@code --overwrite}; anything else there is refused before any work starts. A URL ({@code hdfs://},
 * {@code s3a://}, ...) is handed to Spark's writer as it is.
 */
final class ModelSaving {

  @Mixin ModelOutOption modelOut;

  @Option(names = "--overwrite", description = "Replace an existing --model-out.")
  boolean overwrite;

  /** The folder of {@code --model-out}, or null when the model is not saved. */
  String dir() {
    return modelOut.dir;
  }

  /**
   * Fails, before any work, when a local {@code --model-out} exists and {@code --overwrite} is not
   * given, or when what is there is not a saved model.
   */
  void requireFree() {
    Path dir = local();
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    if (!overwrite) {
      throw new UsageException("--model-out " + modelOut.dir + " exists; remove it, choose another folder or add "
          + "--overwrite");
    }
    if (!isSavedStage(dir)) {
      throw new UsageException("--model-out " + modelOut.dir + " is not a saved model (no metadata/ folder); it is "
          + "never replaced: choose another folder");
    }
  }

  /** Saves {@code model} in {@code --model-out}, when given. */
  void save(MLWritable model) throws IOException {
    if (modelOut.dir == null) {
      return;
    }
    Path target = local();
    if (target == null) {
      (overwrite ? model.write().overwrite() : model.write()).save(modelOut.dir);
      return;
    }
    requireFree();
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    String stamp = Long.toHexString(System.nanoTime());
    Path fresh = parent.resolve("." + target.getFileName() + ".new-" + stamp);
    Path old = parent.resolve("." + target.getFileName() + ".old-" + stamp);
    try {
      model.write().save(fresh.toString());
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      if (Files.exists(old) && !Files.exists(target)) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    } finally {
      deleteTree(fresh);
      deleteTree(old);
    }
  }

  private Path local() {
    String dir = modelOut.dir;
    if (dir == null || dir.contains("://")) {
      return null;
    }
    return Paths.get(dir.startsWith("file:") ? dir.substring("file:".length()) : dir);
  }

  /** A folder Spark's ML writers made: it has {@code metadata/}. */
  static boolean isSavedStage(Path dir) {
    return Files.isDirectory(dir.resolve("metadata"));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
