package io.sparkxai.concepts.core;

/**
 * Prepares DJL on whatever JVM the concept networks run in. The launcher and the test build set
 * {@code ai.djl.offline} and {@code ai.djl.default_engine}; an executor started by a cluster may not,
 * so the training and scoring code calls {@link #prepare()} before it first touches DJL (the engine
 * reads these properties once, when it starts). Settings already made are left alone.
 *
 * <p>It also asks for one PyTorch intra-op thread ({@code ai.djl.pytorch.num_threads},
 * {@code ai.djl.pytorch.num_interop_threads}): these networks are a few hundred parameters wide,
 * every op is microseconds long, and OpenMP's thread hand-offs cost more than they save — measured
 * on a loaded 2-core machine, 2001 epochs of the blog recipe took 60 s with two threads and 10 s
 * with one. Spark's task slots are the parallelism. Set the properties yourself to override.
 */
public final class DjlRuntime {

  private DjlRuntime() {}

  /** Sets the DJL properties that are absent: offline mode, the PyTorch engine, one thread. */
  public static void prepare() {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("ai.djl.default_engine", "PyTorch");
    setIfAbsent("ai.djl.pytorch.num_threads", "1");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null && System.getenv(key) == null) {
      System.setProperty(key, value);
    }
  }
}
