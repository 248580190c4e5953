package io.sparkxai.nn;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: into a temporary file beside the target, then renamed over it,
 * so a reader never sees half a model, half a picture or half a table, and a failed write leaves
 * the old file in place.
 */
public final class AtomicFile {

  /** Text that goes into a file. */
  @FunctionalInterface
  public interface Text {
    /** Writes the text. */
    void writeTo(BufferedWriter w) throws IOException;
  }

  private AtomicFile() {}

  /** Writes {@code bytes} to {@code target}, creating its folder when missing. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = temporaryBeside(target);
    try {
      Files.write(tmp, bytes);
      replace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes {@code text} to {@code target} as UTF-8, creating its folder when missing. */
  public static void write(Path target, Text text) throws IOException {
    Path tmp = temporaryBeside(target);
    try {
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        text.writeTo(w);
      }
      replace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path temporaryBeside(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
  }

  private static void replace(Path tmp, Path target) throws IOException {
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
