package io.sparkxai.concepts.core;

/**
 * Keeps DJL offline on whatever JVM the concept networks run in. The launcher and the test build set
 * {@code ai.djl.offline} and {@code ai.djl.default_engine}; an executor started by a cluster may not,
 * so the training and scoring code calls {@link #ensureOffline()} before it first touches DJL (the
 * engine reads the properties once, when it starts). Settings already made are left alone.
 */
public final class DjlRuntime {

  private DjlRuntime() {}

  /** Sets the DJL properties that are absent: offline mode and the PyTorch engine. */
  public static void ensureOffline() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (System.getProperty("ai.djl.default_engine") == null) {
      System.setProperty("ai.djl.default_engine", "PyTorch");
    }
  }
}
