package io.sparkxai.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a log file, for failure messages: a hung or failed cluster is diagnosed from these. */
public final class LogTail {

  private LogTail() {}

  /** The last {@code lines} lines of {@code file}, headed by its path (or a note that it is absent). */
  public static String of(Path file, int lines) {
    if (!Files.exists(file)) {
      return "--- " + file + ": (no such file)\n";
    }
    try {
      // decode leniently: a log cut mid-character must not hide the rest
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      List<String> all = text.lines().toList();
      List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
      return "--- " + file + " (last " + tail.size() + " of " + all.size() + " lines)\n" + String.join("\n", tail)
          + "\n";
    } catch (IOException e) {
      return "--- " + file + ": cannot read: " + e + "\n";
    }
  }
}
