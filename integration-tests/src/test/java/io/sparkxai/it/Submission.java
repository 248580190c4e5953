package io.sparkxai.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run with {@code spark-submit}: by default {@code io.sparkxai.jobs.Main} from the application
 * jar, with the given command-line arguments. Spark settings, extra jars and the driver's JVM are
 * adjustable; {@link StandaloneCluster#submit} adds what every test application needs.
 */
public final class Submission {

  private final List<String> appArgs;
  private final Map<String, String> conf = new LinkedHashMap<>();
  private final List<Path> jars = new ArrayList<>();
  private String name;
  private String mainClass = "io.sparkxai.jobs.Main";
  private Path appJar;
  private String driverHeap = "768m";
  private boolean driverUi;

  private Submission(List<String> appArgs) {
    this.appArgs = List.copyOf(appArgs);
    this.name = appArgs.isEmpty() ? "app" : appArgs.get(0).replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** Runs {@code io.sparkxai.jobs.Main} with {@code args} (e.g. {@code "demo", "--rows", "1000"}). */
  public static Submission of(String... args) {
    return new Submission(List.of(args));
  }

  /** The name of the application's log folder (default: its first argument, the command). */
  public Submission name(String value) {
    if (!value.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("submission name must be letters, digits, - or _, got '" + value + "'");
    }
    name = value;
    return this;
  }

  /** Another main class in the application jar. */
  public Submission mainClass(String value) {
    mainClass = value;
    return this;
  }

  /** Another application jar (default: {@link BuildPaths#appJar()}). */
  public Submission appJar(Path value) {
    appJar = value;
    return this;
  }

  /** Adds a jar for the driver's and executors' class paths ({@code --jars}). */
  public Submission jar(Path value) {
    jars.add(value);
    return this;
  }

  /** Adds the PyTorch CPU natives jar, for jobs that use DJL (the application jar leaves it out). */
  public Submission withPytorchNatives() {
    return jar(BuildPaths.pytorchNativeJar());
  }

  /** A Spark setting ({@code --conf key=value}); it overrides the cluster's defaults. */
  public Submission conf(String key, String value) {
    conf.put(key, value);
    return this;
  }

  /** The driver JVM's maximum heap (default {@code 768m}). */
  public Submission driverHeap(String value) {
    driverHeap = value;
    return this;
  }

  /**
   * Keeps the driver's web UI on (off by default, for speed), on a free port, so that the test can
   * ask the driver's REST API which executors are running tasks ({@link SparkApp#awaitExecutorRunningTask}).
   */
  public Submission withDriverUi() {
    driverUi = true;
    return this;
  }

  String name() {
    return name;
  }

  String mainClass() {
    return mainClass;
  }

  Path appJar() {
    return appJar != null ? appJar : BuildPaths.appJar();
  }

  List<String> appArgs() {
    return appArgs;
  }

  Map<String, String> conf() {
    return conf;
  }

  List<Path> jars() {
    return jars;
  }

  String driverHeap() {
    return driverHeap;
  }

  boolean driverUi() {
    return driverUi;
  }
}
