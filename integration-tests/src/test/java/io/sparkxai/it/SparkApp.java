package io.sparkxai.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An application submitted to a {@link StandaloneCluster}: its driver is a {@code spark-submit} JVM
 * (client mode) that the tests started; its executors are JVMs the workers launched, told apart from
 * other applications' by the driver's RPC port in their command lines. Output goes to the app's
 * folder: {@code driver.out} (the job's stdout), {@code driver.log} (Spark's log), {@code driver.cmd}.
 */
public final class SparkApp implements AutoCloseable {

  /** What every test application gets; a {@link Submission}'s settings override them. */
  private static Map<String, String> defaults(StandaloneCluster cluster, int driverPort, int uiPort) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.driver.host", "127.0.0.1");
    conf.put("spark.driver.bindAddress", "127.0.0.1");
    // a known port names the driver in its executors' command lines; no silent move to the next one
    conf.put("spark.driver.port", String.valueOf(driverPort));
    conf.put("spark.port.maxRetries", "0");
    conf.put("spark.ui.enabled", String.valueOf(uiPort > 0));
    if (uiPort > 0) {
      conf.put("spark.ui.port", String.valueOf(uiPort));
    }
    conf.put("spark.ui.showConsoleProgress", "false");
    // The first tasks wait until every worker's executor has registered, so that an application's
    // tasks spread over all executors every time (by default they start with the first executor).
    conf.put("spark.cores.max", String.valueOf(cluster.totalCores()));
    conf.put("spark.scheduler.minRegisteredResourcesRatio", "1.0");
    conf.put("spark.scheduler.maxRegisteredResourcesWaitingTime", "120s");
    conf.put("spark.executor.extraJavaOptions", String.join(" ", JavaCommand.SMALL_JVM));
    return conf;
  }

  private final StandaloneCluster cluster;
  private final Path dir;
  private final int driverPort;
  private final int uiPort;
  private final JvmProcess driver;
  private Result result;

  private SparkApp(StandaloneCluster cluster, Path dir, int driverPort, int uiPort, JvmProcess driver) {
    this.cluster = cluster;
    this.dir = dir;
    this.driverPort = driverPort;
    this.uiPort = uiPort;
    this.driver = driver;
  }

  static SparkApp start(StandaloneCluster cluster, Submission s, Path dir) {
    int driverPort = FreePorts.next();
    int uiPort = s.driverUi() ? FreePorts.next() : 0;
    Map<String, String> conf = defaults(cluster, driverPort, uiPort);
    conf.putAll(s.conf());
    List<String> args = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--deploy-mode", "client",
        "--class", s.mainClass()));
    conf.forEach((k, v) -> {
      args.add("--conf");
      args.add(k + "=" + v);
    });
    if (!s.jars().isEmpty()) {
      args.add("--jars");
      args.add(String.join(",", s.jars().stream().map(Path::toString).toList()));
    }
    args.add(s.appJar().toString());
    args.addAll(s.appArgs());
    // client mode: spark-submit runs the driver in its own JVM, so this heap is the driver's
    JavaCommand command = JavaCommand.on(cluster.home(), "org.apache.spark.deploy.SparkSubmit", s.driverHeap())
        .args(args);
    JvmProcess driver = JvmProcess.start("driver", command, cluster.home().environment(), dir, true);
    return new SparkApp(cluster, dir, driverPort, uiPort, driver);
  }

  /** The exit code and output of a finished application. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** The process id of the driver JVM (the spark-submit JVM: client mode). */
  public long driverPid() {
    return driver.pid();
  }

  /** The driver's RPC port. */
  public int driverPort() {
    return driverPort;
  }

  /** The application's folder of output and logs. */
  public Path dir() {
    return dir;
  }

  /** The driver JVM. */
  public JvmProcess driver() {
    return driver;
  }

  /** The master's id of the application, once one of its executors has been seen. */
  public Optional<String> appId() {
    return executorJvmsSeen().stream().map(ExecutorJvm::appId).findFirst();
  }

  /** Every executor JVM launched for this application so far, in launch order. */
  public List<ExecutorJvm> executorJvmsSeen() {
    return cluster.executorJvmsSeen().stream().filter(e -> e.driverPort() == driverPort).toList();
  }

  /** The application's executor JVMs running now. */
  public List<ExecutorJvm> executorJvms() {
    return executorJvmsSeen().stream().filter(ExecutorJvm::isAlive).toList();
  }

  /**
   * Waits until {@code n} executor JVMs of this application are running and returns them. Fails with
   * the logs if the driver exits first or they do not all start within {@code timeout}.
   */
  public List<ExecutorJvm> awaitExecutors(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<ExecutorJvm> running = executorJvms();
      if (running.size() >= n) {
        return running;
      }
      if (!driver.isAlive()) {
        throw new AssertionError("the driver exited with " + running.size() + " of " + n + " executors started\n"
            + diagnostics());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("fewer than " + n + " executors started within " + timeout + ": " + executorJvms()
        + "\n" + diagnostics());
  }

  /**
   * GETs {@code /api/v1/applications/APP-ID/RELATIVE} from the driver's REST API ({@link
   * Submission#withDriverUi()} needed), e.g. {@code "executors"} or
   * {@code "stages?details=true&taskStatus=FAILED"}; only while the driver runs.
   */
  public JsonNode driverRest(String relative) throws IOException, InterruptedException {
    URI api = driverApi();
    for (JsonNode app : SparkRest.get(api)) {
      return SparkRest.get(api.resolve(app.path("id").asText() + "/" + relative));
    }
    throw new IOException("the driver lists no application yet");
  }

  private URI driverApi() {
    if (uiPort == 0) {
      throw new IllegalStateException("submit with Submission.withDriverUi() to use the driver's REST API");
    }
    return URI.create("http://127.0.0.1:" + uiPort + "/api/v1/applications/");
  }

  /**
   * Waits until an executor is running one of the application's tasks, by the driver's REST API
   * ({@link Submission#withDriverUi()} needed), and returns its JVM. Fails with the logs if the
   * driver exits first or nothing runs within {@code timeout}.
   */
  public ExecutorJvm awaitExecutorRunningTask(Duration timeout) throws InterruptedException {
    driverApi();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!driver.isAlive()) {
        throw new AssertionError("the driver exited before any executor ran a task (" + last + ")\n"
            + diagnostics());
      }
      try {
        for (JsonNode e : driverRest("executors")) {
          String id = e.path("id").asText();
          if (!"driver".equals(id) && e.path("activeTasks").asInt() > 0) {
            Optional<ExecutorJvm> jvm = executorJvms().stream().filter(x -> x.executorId().equals(id)).findFirst();
            if (jvm.isPresent()) {
              return jvm.get();
            }
            last = "executor " + id + " is running a task but its JVM is not among " + executorJvms();
          }
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no executor ran a task within " + timeout + " (" + last + ")\n" + diagnostics());
  }

  /**
   * Waits for the driver to exit, then for the application's executors to be gone. On timeout the
   * driver is stopped and the test fails with the logs' tails. The workers stop an application's
   * executors when it ends; any still running 30 s after the driver fail the test (and are killed).
   */
  public Result awaitExit(Duration timeout) throws InterruptedException {
    if (result != null) {
      return result;
    }
    OptionalInt code = driver.awaitExit(timeout);
    if (code.isEmpty()) {
      String diagnostics = diagnostics();
      close();
      throw new AssertionError("application " + dir.getFileName() + " did not finish within " + timeout
          + "; stopped it\n" + diagnostics);
    }
    awaitExecutorsGone(Duration.ofSeconds(30));
    result = new Result(code.getAsInt(), driver.stdout(), driver.stderr());
    return result;
  }

  /** {@link #awaitExit}, and fails with the logs' tails unless the exit code is 0. */
  public Result awaitSuccess(Duration timeout) throws InterruptedException {
    Result r = awaitExit(timeout);
    if (r.exitCode() != 0) {
      throw new AssertionError("application " + dir.getFileName() + " exited with code " + r.exitCode()
          + "\n--- stdout:\n" + r.stdout() + "\n" + diagnostics());
    }
    return r;
  }

  private void awaitExecutorsGone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!executorJvms().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    List<ExecutorJvm> left = executorJvms();
    if (!left.isEmpty()) {
      String diagnostics = diagnostics();
      left.forEach(e -> e.handle().ifPresent(h -> ProcessReaper.stopTree(h, Duration.ofSeconds(2))));
      throw new AssertionError("executors " + left + " still ran " + timeout.toSeconds() + " s after their driver "
          + "exited; killed them\n" + diagnostics);
    }
  }

  /** The end of the driver's log, then the cluster's and this application's executors' logs. */
  public String diagnostics() {
    return driver.logTail(60) + LogTail.of(driver.out(), 20) + cluster.diagnostics(appId().orElse(null));
  }

  /** Stops the driver (and so the application) if it is still running. */
  @Override
  public void close() {
    driver.stop(Duration.ofSeconds(10));
  }

  @Override
  public String toString() {
    return "application " + dir.getFileName() + " (driver pid " + driverPid() + ", port " + driverPort + ")";
  }
}
