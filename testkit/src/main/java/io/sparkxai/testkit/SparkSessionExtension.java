package io.sparkxai.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one local {@link SparkSession}: {@code local[2]}, UI off, logs at WARN, bound to
 * 127.0.0.1, few shuffle partitions; stopped after the class. Use it either way:
 *
 * <pre>{@code
 * @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();
 * ... SPARK.session() ...
 * }</pre>
 * or {@code @ExtendWith(SparkSessionExtension.class)} and a {@code SparkSession} parameter on a test
 * method, constructor or lifecycle method.
 */
public final class SparkSessionExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private final Map<String, String> conf = new LinkedHashMap<>();
  private SparkSession session;
  private Path warehouse;

  /** A session with the defaults of {@link #defaultConf()}. */
  public SparkSessionExtension() {
    conf.putAll(defaultConf());
  }

  /** The settings every test session starts from. */
  public static Map<String, String> defaultConf() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("spark.master", "local[2]");
    c.put("spark.ui.enabled", "false");
    c.put("spark.ui.showConsoleProgress", "false");
    c.put("spark.driver.bindAddress", "127.0.0.1");
    c.put("spark.driver.host", "127.0.0.1");
    c.put("spark.sql.shuffle.partitions", "4");
    c.put("spark.default.parallelism", "2");
    c.put("spark.sql.session.timeZone", "UTC");
    return c;
  }

  /** Adds or replaces one Spark setting; call before the class starts. */
  public SparkSessionExtension withConf(String key, String value) {
    conf.put(key, value);
    return this;
  }

  /** The session of the running test class. */
  public SparkSession session() {
    if (session == null) {
      throw new IllegalStateException("the SparkSession starts before the test class; use it from a test or @BeforeAll");
    }
    return session;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (session != null) {
      return; // nested class: the outer class's session serves
    }
    warehouse = Files.createTempDirectory("sparkxai-warehouse");
    SparkSession.Builder builder = SparkSession.builder()
        .appName(context.getRequiredTestClass().getSimpleName())
        .config("spark.sql.warehouse.dir", warehouse.toString());
    conf.forEach(builder::config);
    session = builder.getOrCreate();
    session.sparkContext().setLogLevel("WARN");
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (context.getRequiredTestClass().getEnclosingClass() != null && context.getParent().isPresent()
        && context.getParent().get().getTestClass().isPresent()) {
      return; // the outer class stops it
    }
    if (session != null) {
      session.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
      session = null;
    }
    if (warehouse != null) {
      deleteRecursively(warehouse);
      warehouse = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return session();
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
