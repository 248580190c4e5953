package io.sparkxai.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the tests started, with its output in files: {@code NAME.log} (stderr, where Spark logs; also
 * stdout when the process has no separate output), {@code NAME.out} (stdout, when kept apart) and
 * {@code NAME.cmd} (the command line). Registered with {@link ProcessReaper} until stopped.
 */
public final class JvmProcess {

  private final String name;
  private final Process process;
  private final Path log;
  private final Path out;

  private JvmProcess(String name, Process process, Path log, Path out) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.out = out;
  }

  /**
   * Starts {@code command} in {@code dir}; with {@code separateStdout} its stdout goes to
   * {@code NAME.out}, else into {@code NAME.log} with stderr.
   */
  public static JvmProcess start(String name, JavaCommand command, Map<String, String> env, Path dir,
      boolean separateStdout) {
    try {
      Files.createDirectories(dir);
      Path log = dir.resolve(name + ".log");
      Path out = separateStdout ? dir.resolve(name + ".out") : log;
      Files.writeString(dir.resolve(name + ".cmd"), String.join(" ", command.toList()) + "\n");
      ProcessBuilder pb = new ProcessBuilder(command.toList()).directory(dir.toFile());
      pb.environment().clear();
      pb.environment().putAll(env);
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.redirectOutput(out.toFile());
      if (separateStdout) {
        pb.redirectError(log.toFile());
      } else {
        pb.redirectErrorStream(true);
      }
      JvmProcess p = new JvmProcess(name, pb.start(), log, out);
      ProcessReaper.register(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + command.mainClass() + "): " + e.getMessage(), e);
    }
  }

  /** The name its files carry. */
  public String name() {
    return name;
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** The process handle (to list its children). */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** Whether it is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits up to {@code timeout}; the exit code, or empty if it is still running. */
  public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      ProcessReaper.forget(this);
      return OptionalInt.of(process.exitValue());
    }
    return OptionalInt.empty();
  }

  /** Stops it and its descendants: SIGTERM, then SIGKILL after {@code grace}. */
  public void stop(Duration grace) {
    if (process.isAlive()) {
      ProcessReaper.stopTree(process.toHandle(), grace);
    }
    ProcessReaper.forget(this);
  }

  /** {@code NAME.log}: stderr (and stdout, unless kept apart). */
  public Path log() {
    return log;
  }

  /** {@code NAME.out}: stdout (the same file as {@link #log()} unless kept apart). */
  public Path out() {
    return out;
  }

  /** Its stdout so far. */
  public String stdout() {
    return read(out);
  }

  /** Its stderr so far. */
  public String stderr() {
    return read(log);
  }

  /** The last {@code lines} lines of {@link #log()}, headed by the file's path. */
  public String logTail(int lines) {
    return LogTail.of(log, lines);
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ")";
  }
}
