package io.sparkxai.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes sure every process the tests start is stopped: the ones still running at JVM exit (a failed
 * test, an interrupted build, failsafe's timeout) by a shutdown hook; the ones a killed test JVM
 * left behind by the next run, from a list of process ids and start times kept in
 * {@code target/it-work/started-processes.tsv}. A process is stopped with its descendants (a
 * worker's executors): SIGTERM first so that Spark shuts down cleanly, SIGKILL after a grace time.
 */
final class ProcessReaper {

  private static final Map<Long, JvmProcess> RUNNING = new LinkedHashMap<>();
  private static boolean started;

  private ProcessReaper() {}

  /** Remembers a started process until {@link #forget}. */
  static synchronized void register(JvmProcess p) {
    startOnce();
    RUNNING.put(p.pid(), p);
    save();
  }

  /** Forgets a process that was stopped or has exited. */
  static synchronized void forget(JvmProcess p) {
    RUNNING.remove(p.pid());
    save();
  }

  /** Stops {@code roots} and all their descendants; see {@link #stopTrees}. */
  static void stopTree(ProcessHandle root, Duration grace) {
    stopTrees(List.of(root), grace);
  }

  /**
   * Sends SIGTERM to each root, waits up to {@code grace} for the roots and the descendants they had
   * to exit, then sends SIGKILL to what is left. Descendants are listed first: once a parent is gone
   * its children are no longer its descendants.
   */
  static void stopTrees(List<ProcessHandle> roots, Duration grace) {
    List<ProcessHandle> all = new ArrayList<>();
    for (ProcessHandle root : roots) {
      all.add(root);
      root.descendants().forEach(all::add);
    }
    roots.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle p : all) {
      awaitExit(p, Math.max(0, deadline - System.nanoTime()));
    }
    for (ProcessHandle p : all) {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    for (ProcessHandle p : all) {
      awaitExit(p, TimeUnit.SECONDS.toNanos(5));
    }
  }

  private static void awaitExit(ProcessHandle p, long nanos) {
    try {
      p.onExit().get(nanos, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      // still alive: the caller kills it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void startOnce() {
    if (started) {
      return;
    }
    started = true;
    killLeftovers();
    Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::stopAll, "it-process-reaper"));
  }

  /** At JVM exit: everything still running, in one sweep so that it fits in failsafe's exit timeout. */
  private static void stopAll() {
    List<ProcessHandle> roots;
    synchronized (ProcessReaper.class) {
      roots = RUNNING.values().stream().map(JvmProcess::handle).filter(ProcessHandle::isAlive).toList();
    }
    if (!roots.isEmpty()) {
      System.err.println("[it] stopping " + roots.size() + " process(es) the integration tests left running");
      stopTrees(roots, Duration.ofSeconds(5));
    }
  }

  private static Path pidFile() {
    return BuildPaths.workDir().resolve("started-processes.tsv");
  }

  /** Processes listed by an earlier test JVM that was killed before it could stop them. */
  private static void killLeftovers() {
    Path file = pidFile();
    if (!Files.exists(file)) {
      return;
    }
    try (Stream<String> lines = Files.lines(file)) {
      for (String line : lines.toList()) {
        String[] f = line.split("\t", 3);
        if (f.length < 3) {
          continue;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(f[0]));
        // the start time tells a leftover from an unrelated process that got the same id
        if (p.isPresent() && p.get().info().startInstant().map(i -> i.toEpochMilli() == Long.parseLong(f[1]))
            .orElse(false)) {
          System.err.println("[it] stopping " + f[2] + " (pid " + f[0] + "), left running by an earlier test run");
          stopTree(p.get(), Duration.ofSeconds(2));
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("[it] cannot read " + file + ": " + e);
    }
  }

  private static void save() {
    StringBuilder sb = new StringBuilder();
    for (JvmProcess p : RUNNING.values()) {
      long start = p.handle().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
      sb.append(p.pid()).append('\t').append(start).append('\t').append(p.name()).append('\n');
    }
    try {
      Files.createDirectories(pidFile().getParent());
      Files.writeString(pidFile(), sb);
    } catch (IOException e) {
      System.err.println("[it] cannot write " + pidFile() + ": " + e);
    }
  }
}
