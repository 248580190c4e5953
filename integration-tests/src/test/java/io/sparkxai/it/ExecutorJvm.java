package io.sparkxai.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An executor JVM a worker launched ({@code CoarseGrainedExecutorBackend}), as read from its command
 * line: which application, which executor id, which driver (by the driver's RPC port).
 *
 * @param pid the process id
 * @param started when the process started (tells it from a later process with the same id)
 * @param appId the application id the master gave ({@code app-...})
 * @param executorId the executor id within the application
 * @param driverPort the port of the driver's RPC endpoint, which names the application's driver
 * @param worker the index (from 1) of the worker that launched it
 */
public record ExecutorJvm(long pid, Instant started, String appId, String executorId, int driverPort, int worker) {

  static final String MAIN_CLASS = "org.apache.spark.executor.CoarseGrainedExecutorBackend";

  /** Reads an executor's command line; empty for any other process (or one still starting). */
  static Optional<ExecutorJvm> of(ProcessHandle p, int worker) {
    ProcessHandle.Info info = p.info();
    Optional<String[]> args = info.arguments();
    Optional<Instant> start = info.startInstant();
    if (args.isEmpty() || start.isEmpty()) {
      return Optional.empty();
    }
    List<String> a = List.of(args.get());
    if (!a.contains(MAIN_CLASS)) {
      return Optional.empty();
    }
    String driverUrl = valueOf(a, "--driver-url");
    String executorId = valueOf(a, "--executor-id");
    String appId = valueOf(a, "--app-id");
    if (driverUrl == null || executorId == null || appId == null) {
      return Optional.empty();
    }
    int port = Integer.parseInt(driverUrl.substring(driverUrl.lastIndexOf(':') + 1));
    return Optional.of(new ExecutorJvm(p.pid(), start.get(), appId, executorId, port, worker));
  }

  private static String valueOf(List<String> args, String flag) {
    int i = args.indexOf(flag);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
  }

  /** The live process, if this executor is still running. */
  public Optional<ProcessHandle> handle() {
    return ProcessHandle.of(pid).filter(h -> h.info().startInstant().map(started::equals).orElse(false));
  }

  /** Whether the executor is still running. */
  public boolean isAlive() {
    return handle().map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * Kills the executor with SIGKILL, as a crash or an out-of-memory kill would, and waits until it
   * is gone.
   */
  public void kill() {
    Optional<ProcessHandle> h = handle();
    if (h.isEmpty()) {
      throw new IllegalStateException("executor " + this + " is not running");
    }
    h.get().destroyForcibly();
    try {
      h.get().onExit().get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("executor " + this + " did not die within 10 s of SIGKILL", e);
    }
  }

  @Override
  public String toString() {
    return appId + "/" + executorId + " (pid " + pid + ", worker " + worker + ")";
  }
}
