package io.sparkxai.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine for integration tests: a master and N workers, each a
 * separate JVM on 127.0.0.1 on free ports, started from the {@link SparkHome} the build assembled.
 * Workers launch executors as JVMs of their own; the cluster watches its workers' child processes
 * (every 200 ms) so that tests can see, cross-check and kill executor JVMs. Applications are
 * submitted with {@link #submit(Submission)}.
 *
 * <p>Everything lands in {@code target/it-work/NAME-TIMESTAMP/}: {@code master.log},
 * {@code worker-I.log}, {@code worker-I/} (executors' {@code stdout}/{@code stderr} under
 * {@code APP-ID/EXECUTOR-ID/}) and {@code apps/NAME/} (a driver's {@code driver.log}, {@code driver.out}).
 * {@link #close()} stops every process it started, executors included; so does the JVM's exit.
 *
 * <pre>{@code
 * try (StandaloneCluster cluster = StandaloneCluster.builder("smoke").start()) {
 *   SparkApp app = cluster.submit(Submission.of("demo", "--parts", "baseline"));
 *   SparkApp.Result r = app.awaitSuccess(Duration.ofMinutes(3));
 * }
 * }</pre>
 */
public final class StandaloneCluster implements AutoCloseable {

  private static final String MASTER = "org.apache.spark.deploy.master.Master";
  private static final String WORKER = "org.apache.spark.deploy.worker.Worker";
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private final Builder settings;
  private final SparkHome home;
  private final Path dir;
  private final int masterPort;
  private final int masterUiPort;
  private final List<JvmProcess> workers = new ArrayList<>();
  private final List<SparkApp> apps = new ArrayList<>();
  private final Map<Long, ExecutorJvm> executorsSeen = new LinkedHashMap<>();
  private final AtomicInteger submissions = new AtomicInteger();
  private final ScheduledExecutorService watcher;
  private JvmProcess master;
  private volatile boolean closed;

  private StandaloneCluster(Builder settings) {
    this.settings = settings;
    this.home = SparkHome.assembled();
    this.dir = BuildPaths.workDir().resolve(settings.name + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
    this.masterPort = FreePorts.next();
    this.masterUiPort = FreePorts.next();
    this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "it-executor-watcher-" + settings.name);
      t.setDaemon(true);
      return t;
    });
  }

  /** A cluster named {@code name} (its log folder's prefix): by default 2 workers of 1 core and 1 GB. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The cluster's shape and start-up limits. */
  public static final class Builder {
    private final String name;
    private int workers = 2;
    private int coresPerWorker = 1;
    private String memoryPerWorker = "1g";
    private String daemonHeap = "256m";
    private Duration startTimeout = Duration.ofMinutes(2);

    private Builder(String name) {
      if (!name.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException("cluster name must be letters, digits, - or _, got '" + name + "'");
      }
      this.name = name;
    }

    /** Number of workers (default 2). */
    public Builder workers(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("workers must be >= 1, got " + n);
      }
      workers = n;
      return this;
    }

    /** Cores each worker offers (default 1): one executor of one core per worker by default. */
    public Builder coresPerWorker(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("coresPerWorker must be >= 1, got " + n);
      }
      coresPerWorker = n;
      return this;
    }

    /** Memory each worker offers to executors, as Spark writes it (default {@code 1g}). */
    public Builder memoryPerWorker(String memory) {
      memoryPerWorker = memory;
      return this;
    }

    /** The heap of the master and worker JVMs (default {@code 256m}); executors' heap is the app's. */
    public Builder daemonHeap(String heap) {
      daemonHeap = heap;
      return this;
    }

    /** How long to wait for every worker to register as ALIVE (default 2 minutes). */
    public Builder startTimeout(Duration timeout) {
      startTimeout = timeout;
      return this;
    }

    /** Starts the master and the workers and waits until all workers are ALIVE. */
    public StandaloneCluster start() throws InterruptedException {
      StandaloneCluster cluster = new StandaloneCluster(this);
      try {
        cluster.startProcesses();
        return cluster;
      } catch (RuntimeException | InterruptedException | Error e) {
        cluster.close();
        throw e;
      }
    }
  }

  private void startProcesses() throws InterruptedException {
    Map<String, String> env = home.environment();
    master = JvmProcess.start("master", JavaCommand.on(home, MASTER, settings.daemonHeap)
        // the REST submission server would take port 6066 (shared by everyone on this machine)
        .jvm("-Dspark.master.rest.enabled=false", "-Dspark.port.maxRetries=0")
        .args("--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUiPort)),
        env, dir, false);
    for (int i = 1; i <= settings.workers; i++) {
      Path workDir = dir.resolve("worker-" + i);
      workers.add(JvmProcess.start("worker-" + i, JavaCommand.on(home, WORKER, settings.daemonHeap)
          // port 0: any free port; the master learns it when the worker registers
          .args("--host", "127.0.0.1", "--port", "0", "--webui-port", "0",
              "--cores", String.valueOf(settings.coresPerWorker), "--memory", settings.memoryPerWorker,
              "--work-dir", workDir.toString(), masterUrl()),
          env, dir, false));
    }
    awaitAliveWorkers(settings.startTimeout);
    watcher.scheduleWithFixedDelay(this::scanExecutors, 0, 200, TimeUnit.MILLISECONDS);
  }

  private void awaitAliveWorkers(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      for (JvmProcess p : processes()) {
        if (!p.isAlive()) {
          throw new IllegalStateException("cluster '" + settings.name + "': " + p + " exited while starting\n"
              + diagnostics());
        }
      }
      try {
        JsonNode state = masterState();
        int alive = 0;
        for (JsonNode w : state.path("workers")) {
          alive += "ALIVE".equals(w.path("state").asText()) ? 1 : 0;
        }
        if (alive >= settings.workers) {
          return;
        }
        last = alive + " of " + settings.workers + " workers ALIVE";
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("cluster '" + settings.name + "' did not start within " + timeout + " ("
        + last + ")\n" + diagnostics());
  }

  /** Records every executor JVM a worker has launched (executors exit with their application). */
  private void scanExecutors() {
    try {
      for (int i = 0; i < workers.size(); i++) {
        int worker = i + 1;
        workers.get(i).handle().children().forEach(child -> {
          synchronized (executorsSeen) {
            if (executorsSeen.containsKey(child.pid())) {
              return;
            }
          }
          // a child still being spawned shows the worker's command line: looked at again next time
          ExecutorJvm.of(child, worker).ifPresent(e -> {
            synchronized (executorsSeen) {
              executorsSeen.put(e.pid(), e);
            }
          });
        });
      }
    } catch (RuntimeException e) {
      System.err.println("[it] executor watcher: " + e);
    }
  }

  /** {@code spark://127.0.0.1:PORT}. */
  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The master's web UI. */
  public URI masterWebUi() {
    return URI.create("http://127.0.0.1:" + masterUiPort + "/");
  }

  /** The master's state: its {@code /json/} (workers, active and completed applications). */
  public JsonNode masterState() throws IOException, InterruptedException {
    return SparkRest.get(masterWebUi().resolve("json/"));
  }

  /** Cores of all workers together: what one application may take. */
  public int totalCores() {
    return settings.workers * settings.coresPerWorker;
  }

  /** The worker JVMs, in order (worker 1 first). */
  public List<JvmProcess> workers() {
    return List.copyOf(workers);
  }

  /** The master JVM. */
  public JvmProcess master() {
    return master;
  }

  /** This cluster's folder of logs and work folders. */
  public Path dir() {
    return dir;
  }

  /** The home its JVMs run on. */
  public SparkHome home() {
    return home;
  }

  /** Every executor JVM the workers have launched since the cluster started, in launch order. */
  public List<ExecutorJvm> executorJvmsSeen() {
    scanExecutors();
    synchronized (executorsSeen) {
      return List.copyOf(executorsSeen.values());
    }
  }

  /** The executor JVMs running now. */
  public List<ExecutorJvm> executorJvms() {
    return executorJvmsSeen().stream().filter(ExecutorJvm::isAlive).toList();
  }

  /**
   * Starts {@code submission}'s driver ({@code spark-submit} in client mode, as a JVM of its own)
   * against this cluster and returns at once.
   */
  public synchronized SparkApp submit(Submission submission) {
    if (closed) {
      throw new IllegalStateException("cluster '" + settings.name + "' is closed");
    }
    String name = String.format("%02d-%s", submissions.incrementAndGet(), submission.name());
    SparkApp app = SparkApp.start(this, submission, dir.resolve("apps").resolve(name));
    apps.add(app);
    return app;
  }

  /**
   * The end of every log that tells what the cluster did: the master's and workers' logs and the
   * stderr of the executors of application {@code appId} (of all applications when null).
   */
  public String diagnostics(String appId) {
    StringBuilder sb = new StringBuilder("cluster '" + settings.name + "' logs in " + dir + "\n");
    if (master != null) {
      sb.append(master.logTail(40));
    }
    for (JvmProcess w : workers) {
      sb.append(w.logTail(30));
    }
    for (Path stderr : executorLogs(appId)) {
      sb.append(LogTail.of(stderr, 30));
    }
    return sb.toString();
  }

  /** {@link #diagnostics(String)} of all applications. */
  public String diagnostics() {
    return diagnostics(null);
  }

  /** The stderr files of the application's executors; of the 6 most recent executors when appId is null. */
  List<Path> executorLogs(String appId) {
    List<Path> logs = new ArrayList<>();
    for (int i = 1; i <= workers.size(); i++) {
      Path work = dir.resolve("worker-" + i);
      if (!Files.isDirectory(work)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(work, 3)) {
        files.filter(p -> p.getFileName().toString().equals("stderr"))
            .filter(p -> appId == null || p.getParent().getParent().getFileName().toString().equals(appId))
            .forEach(logs::add);
      } catch (IOException e) {
        System.err.println("[it] cannot list " + work + ": " + e);
      }
    }
    logs.sort(Comparator.comparing(StandaloneCluster::lastModified));
    return appId == null ? logs.subList(Math.max(0, logs.size() - 6), logs.size()) : logs;
  }

  private static FileTime lastModified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private List<JvmProcess> processes() {
    List<JvmProcess> all = new ArrayList<>();
    if (master != null) {
      all.add(master);
    }
    all.addAll(workers);
    return all;
  }

  /**
   * Stops every process of the cluster: drivers still running, then the workers (a worker's
   * shutdown kills its executors; any left are killed with it), then the master.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    watcher.shutdownNow();
    for (SparkApp app : apps) {
      app.close();
    }
    stopAll(workers);
    if (master != null) {
      stopAll(List.of(master));
    }
  }

  private static void stopAll(Collection<JvmProcess> processes) {
    ProcessReaper.stopTrees(processes.stream().map(JvmProcess::handle).toList(), STOP_GRACE);
    processes.forEach(p -> p.stop(Duration.ZERO));
  }

  @Override
  public String toString() {
    return "cluster '" + settings.name + "' at " + masterUrl() + " (" + settings.workers + " workers)";
  }
}
