package io.sparkxai.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The real data sets and model files in {@code ../shared/data}, read in place (never copied into the
 * project). The build passes the folder as {@code -Dsparkxai.shared.data}; the environment variable
 * {@code SPARKXAI_SHARED_DATA} overrides it. Tests that need a file call {@link #require(String)},
 * which skips the test with the reason when the folder is absent.
 */
public final class SharedData {

  private SharedData() {}

  /** The shared data folder as configured (it may not exist). */
  public static Path root() {
    String env = System.getenv("SPARKXAI_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      return Paths.get(env);
    }
    String prop = System.getProperty("sparkxai.shared.data");
    if (prop != null && !prop.isBlank()) {
      return Paths.get(prop);
    }
    return Paths.get("..", "..", "shared", "data");
  }

  /** The file {@code relative} under the shared data folder; skips the calling test if it is missing. */
  public static Path require(String relative) {
    Path p = root().resolve(relative).normalize();
    assumeTrue(Files.exists(p), () -> "needs the shared data file " + p + " (set SPARKXAI_SHARED_DATA)");
    return p;
  }
}
