package io.sparkxai.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sparkxai.nn.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a command's metrics JSON atomically: into a temporary file beside the target, then renamed,
 * so that a failed job never leaves half a file.
 */
public final class MetricsFile {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private MetricsFile() {}

  /** Writes {@code metrics} (maps, lists, numbers, strings) to {@code target}. */
  public static void write(Path target, Map<String, ?> metrics) {
    try {
      AtomicFile.write(target, w -> JSON.writeValue(w, metrics));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics to " + target + ": " + e.getMessage(), e);
    }
  }

  /** The JSON text of {@code value}. */
  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
