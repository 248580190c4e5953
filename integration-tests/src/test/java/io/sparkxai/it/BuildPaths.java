package io.sparkxai.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * What the build hands to the integration tests, as system properties set by failsafe (see this
 * module's pom): the assembled Spark home, the application jar, the PyTorch native jar, where to
 * write logs, and the Java 17 flags Spark's JVMs need. A missing one fails with what to run.
 */
public final class BuildPaths {

  private BuildPaths() {}

  /** {@code target/spark-home}: Spark's jars, copied by maven-dependency-plugin. */
  public static Path sparkHome() {
    return existing("sparkxai.it.spark-home", "the Spark home (copied in pre-integration-test)");
  }

  /** {@code jobs/target/spark-xai-app.jar}: our code and its dependencies but Spark and the PyTorch natives. */
  public static Path appJar() {
    return existing("sparkxai.it.app-jar", "the application jar (built by the jobs module)");
  }

  /** The PyTorch CPU natives jar in the local Maven repository; pass it with {@code --jars} to jobs using DJL. */
  public static Path pytorchNativeJar() {
    return existing("sparkxai.it.pytorch-native-jar", "the pytorch-native-cpu jar");
  }

  /** {@code target/it-work}: each cluster's logs, work folders and the applications' output go here. */
  public static Path workDir() {
    return Paths.get(property("sparkxai.it.work-dir", "the integration tests' work folder")).toAbsolutePath();
  }

  /** The Java 17 {@code --add-opens} and related flags from the root pom, for the JVMs the tests start. */
  public static List<String> javaOpens() {
    String flags = property("sparkxai.it.java-opens", "the Java 17 opens for Spark");
    return Arrays.stream(flags.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  private static Path existing(String key, String what) {
    Path p = Paths.get(property(key, what)).toAbsolutePath();
    if (!Files.exists(p)) {
      throw new IllegalStateException(what + " is missing: " + p + " (-D" + key + "); build it with "
          + "'mvn -B verify' from the project root, or 'mvn -B verify -pl integration-tests -am'");
    }
    return p;
  }

  private static String property(String key, String what) {
    String v = System.getProperty(key);
    if (v == null || v.isBlank() || v.startsWith("${")) {
      throw new IllegalStateException("system property " + key + " (" + what + ") is not set; the integration "
          + "tests run under failsafe: 'mvn -B verify -pl integration-tests -am'");
    }
    return v;
  }
}
