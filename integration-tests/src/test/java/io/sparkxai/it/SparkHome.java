package io.sparkxai.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spark "home" assembled from Maven jars: {@code jars/} (Spark SQL + MLlib and their dependencies,
 * copied by the build) and {@code conf/log4j2.properties} (written here). No {@code bin/} and no
 * {@code RELEASE} file are needed; what a distribution's scripts would add is in {@link #environment()}.
 *
 * @param dir the home folder
 */
public record SparkHome(Path dir) {

  /** The home the build assembled, checked and with its configuration written. */
  public static SparkHome assembled() {
    SparkHome home = new SparkHome(BuildPaths.sparkHome());
    home.check();
    home.writeConf();
    return home;
  }

  /** {@code jars/}. */
  public Path jarsDir() {
    return dir.resolve("jars");
  }

  /** {@code conf/}, first on every class path, so its log4j2.properties wins. */
  public Path confDir() {
    return dir.resolve("conf");
  }

  /** The class path of Spark's own JVMs, as {@code spark-class} builds it. */
  public String classpath() {
    return confDir() + java.io.File.pathSeparator + jarsDir() + "/*";
  }

  /**
   * The environment of every JVM started on this home. Inherited {@code SPARK_*} and Hadoop/YARN
   * settings are dropped so that a developer's own Spark set-up cannot leak in; then:
   * <ul>
   *   <li>{@code SPARK_HOME}: a worker builds its executors' class path from it;</li>
   *   <li>{@code SPARK_SCALA_VERSION=2.13}: without it Spark's launcher looks for
   *       {@code launcher/target/scala-*} build folders and every executor launch fails with
   *       "Cannot find any build directories" (a distribution's scripts set it);</li>
   *   <li>{@code SPARK_LOCAL_IP=127.0.0.1}: the host name resolves oddly on build machines, loopback works;</li>
   *   <li>{@code JAVA_HOME}: executors run on the same Java as the tests.</li>
   * </ul>
   */
  public Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("PYSPARK_") || k.equals("HADOOP_CONF_DIR")
        || k.equals("YARN_CONF_DIR") || k.equals("CLASSPATH"));
    env.put("SPARK_HOME", dir.toString());
    env.put("SPARK_CONF_DIR", confDir().toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // one thread per core for native math libraries: executors here have one core each
    env.put("OMP_NUM_THREADS", "1");
    return env;
  }

  private void check() {
    try (Stream<Path> jars = Files.list(jarsDir())) {
      if (jars.noneMatch(p -> p.getFileName().toString().startsWith("spark-core_"))) {
        throw new IllegalStateException("no spark-core jar in " + jarsDir() + "; the build's copy-dependencies "
            + "step did not run (mvn -B verify -pl integration-tests -am)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + jarsDir() + ": " + e.getMessage(), e);
    }
  }

  private void writeConf() {
    try (InputStream in = SparkHome.class.getResourceAsStream("/spark-home-log4j2.properties")) {
      if (in == null) {
        throw new IllegalStateException("spark-home-log4j2.properties is not on the test class path");
      }
      Files.createDirectories(confDir());
      Path tmp = Files.createTempFile(confDir(), "log4j2", ".tmp");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, confDir().resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + confDir() + "/log4j2.properties: " + e.getMessage(), e);
    }
  }
}
