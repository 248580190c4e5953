package io.sparkxai.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code spark-xai demo} submitted with spark-submit to a standalone cluster of two workers: the work
 * runs in executor JVMs, not in the driver, and the job survives losing an executor mid-flight with
 * the same answer as an undisturbed run.
 */
@ExtendWith(StandaloneClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DemoOnClusterIT {

  private static final Duration APP_TIMEOUT = Duration.ofMinutes(4);
  private static final Pattern AUC_LINE = Pattern.compile("baseline: MLlib logistic regression, test AUC ([0-9.]+)");

  private StandaloneCluster cluster;
  private Run undisturbed;

  /** A finished demo run: the app, its output and its metrics JSON. */
  private record Run(SparkApp app, SparkApp.Result result, JsonNode metrics) {
    double auc() {
      return metrics.path("baseline").path("test_auc").asDouble();
    }
  }

  @BeforeAll
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void runUndisturbed(StandaloneCluster cluster) throws Exception {
    this.cluster = cluster;
    try (SparkApp app = cluster.submit(demo("undisturbed"))) {
      undisturbed = finish(app);
    }
  }

  /** The demo's baseline on 4 partitions of generated data: enough work for two executors. */
  private static Submission demo(String name) {
    return Submission.of("demo", "--parts", "baseline", "--rows", "100000", "--partitions", "4",
        "--metrics-out", "metrics.json", "--output-dir", "out").name(name);
  }

  private static Run finish(SparkApp app) throws Exception {
    SparkApp.Result r = app.awaitSuccess(APP_TIMEOUT);
    JsonNode metrics = new ObjectMapper().readTree(app.dir().resolve("metrics.json").toFile());
    return new Run(app, r, metrics);
  }

  @Test
  void tasksRunInExecutorJvmsOtherThanTheDriver() {
    SparkApp app = undisturbed.app();
    // the AUC printed is the one computed: a real fit (a linear model reaches ~0.76 on this data)
    Matcher m = AUC_LINE.matcher(undisturbed.result().stdout());
    assertTrue(m.find(), "no AUC line in:\n" + undisturbed.result().stdout());
    double printed = Double.parseDouble(m.group(1));
    assertEquals(undisturbed.auc(), printed, 5.01e-5, "printed with 4 decimals");
    assertTrue(printed > 0.70 && printed < 0.85, "AUC " + printed);

    JsonNode processes = undisturbed.metrics().path("processes");
    assertEquals(app.driverPid(), processes.path("driver_pid").asLong(),
        "the driver is the spark-submit JVM the test started");
    List<JsonNode> taskJvms = new ArrayList<>();
    processes.path("task_jvms").forEach(taskJvms::add);
    Set<Long> taskPids = taskJvms.stream().map(j -> j.path("pid").asLong()).collect(Collectors.toSet());
    assertTrue(taskPids.size() >= 2, "tasks ran in fewer than 2 JVMs: " + processes);
    assertFalse(taskPids.contains(app.driverPid()), "a task ran in the driver: " + processes);

    // each JVM the tasks report is an executor a worker launched for this application, and they
    // sit on different workers
    List<ExecutorJvm> launched = app.executorJvmsSeen();
    Set<Integer> workers = new HashSet<>();
    for (JsonNode j : taskJvms) {
      ExecutorJvm e = launched.stream().filter(x -> x.pid() == j.path("pid").asLong()).findFirst()
          .orElseThrow(() -> new AssertionError("task JVM " + j + " is not among the executors the workers "
              + "launched for this application: " + launched));
      assertEquals(j.path("executor_id").asText(), e.executorId(), "executor id of pid " + e.pid());
      workers.add(e.worker());
    }
    assertEquals(2, workers.size(), "workers whose executors ran tasks: " + workers);
    assertEquals(100_000, undisturbed.metrics().path("data_fingerprint").path("train").path("rows").asLong());
  }

  @Test
  void survivesTheLossOfAnExecutorWithTheSameAnswer() throws Exception {
    try (SparkApp app = cluster.submit(demo("executor-killed").withDriverUi())) {
      // the first task to run draws and caches a quarter of the data (~1 s): it is lost with its JVM
      ExecutorJvm victim = app.awaitExecutorRunningTask(Duration.ofMinutes(2));
      Instant killedAt = Instant.now();
      victim.kill();
      JsonNode lostTask = awaitTaskLostOn(app, victim, Duration.ofSeconds(30));
      Run run = finish(app);

      // the master gave the application a new executor on the worker that lost one
      List<ExecutorJvm> replacements = app.executorJvmsSeen().stream()
          .filter(e -> e.worker() == victim.worker() && !e.executorId().equals(victim.executorId()))
          .filter(e -> !e.started().isBefore(killedAt.minusSeconds(1)))
          .toList();
      assertFalse(replacements.isEmpty(), "no executor replaced " + victim + "; executors seen: "
          + app.executorJvmsSeen() + "\n" + app.diagnostics());
      assertNotEquals(victim.pid(), replacements.get(0).pid());

      // The same rows, recomputed where the lost executor held them: exactly the same data.
      assertEquals(undisturbed.metrics().path("data_fingerprint"), run.metrics().path("data_fingerprint"));
      // The same model up to MLlib's floating-point merge order: the driver adds the partitions'
      // partial sums in the order tasks finish, so even undisturbed runs on this cluster differ by
      // ~1e-5 in AUC (measured: 0.767004 to 0.767015), while local[2] repeats to the last bit.
      assertEquals(undisturbed.auc(), run.auc(), 1e-4, "AUC with an executor killed vs undisturbed");
      System.out.printf("killed %s while it ran task %s; replaced by %s; AUC %.9f (undisturbed %.9f)%n", victim,
          lostTask.path("taskId"), replacements, run.auc(), undisturbed.auc());
    }
  }

  /** The task the driver recorded as failed on {@code victim}, polled from its REST API. */
  private static JsonNode awaitTaskLostOn(SparkApp app, ExecutorJvm victim, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline && app.driver().isAlive()) {
      try {
        for (JsonNode stage : app.driverRest("stages?details=true&taskStatus=FAILED")) {
          for (JsonNode task : stage.path("tasks")) {
            if (victim.executorId().equals(task.path("executorId").asText())
                && task.path("errorMessage").asText().contains("ExecutorLostFailure")) {
              return task;
            }
          }
        }
        last = "no failed task on executor " + victim.executorId() + " yet";
      } catch (java.io.IOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the driver recorded no task lost with " + victim + " (" + last + ")\n"
        + app.diagnostics());
  }
}
