package io.sparkxai.it;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code java} command line on a {@link SparkHome}: the tests' own Java, Spark's class path, the
 * Java 17 opens, small-footprint JVM flags, then the main class and its arguments.
 */
public final class JavaCommand {

  /**
   * Flags for the short-lived JVMs of a test cluster: C1 only and the serial GC start JVMs about
   * twice as fast on two cores and keep their memory small. Never for benchmarks.
   */
  public static final List<String> SMALL_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final String mainClass;
  private final List<String> jvmArgs = new ArrayList<>();
  private final List<String> args = new ArrayList<>();
  private String classpath;

  private JavaCommand(String mainClass) {
    this.mainClass = mainClass;
  }

  /** A command running {@code mainClass} on the home's class path with the opens and {@link #SMALL_JVM}. */
  public static JavaCommand on(SparkHome home, String mainClass, String maxHeap) {
    JavaCommand c = new JavaCommand(mainClass);
    c.classpath = home.classpath();
    c.jvmArgs.add("-Xmx" + maxHeap);
    c.jvmArgs.addAll(SMALL_JVM);
    c.jvmArgs.addAll(BuildPaths.javaOpens());
    return c;
  }

  /** Adds JVM flags ({@code -Dkey=value}, {@code -X...}). */
  public JavaCommand jvm(String... flags) {
    jvmArgs.addAll(List.of(flags));
    return this;
  }

  /** Adds program arguments. */
  public JavaCommand args(String... values) {
    args.addAll(List.of(values));
    return this;
  }

  /** Adds program arguments. */
  public JavaCommand args(List<String> values) {
    args.addAll(values);
    return this;
  }

  /** The command line. */
  public List<String> toList() {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable().toString());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** The main class. */
  public String mainClass() {
    return mainClass;
  }

  /** The java executable's path. */
  static Path javaExecutable() {
    return Paths.get(System.getProperty("java.home"), "bin", "java");
  }
}
