package io.sparkxai.jobs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a text file into a temporary file beside it, then renames it into place, so that a failed
 * job never leaves half a file and readers see the old file or the new one.
 */
final class AtomicFile {

  /** What goes into the file. */
  interface Content {
    void write(BufferedWriter w) throws IOException;
  }

  private AtomicFile() {}

  /** Writes {@code content} to {@code target} (UTF-8), creating its folder, replacing a file there. */
  static void write(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        content.write(w);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
