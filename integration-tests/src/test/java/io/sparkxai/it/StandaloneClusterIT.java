package io.sparkxai.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The harness itself: closing a cluster in the middle of an application stops every JVM it started,
 * and the build hands over the jars applications are submitted with.
 */
class StandaloneClusterIT {

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void closingMidApplicationStopsEveryProcess() throws Exception {
    List<ProcessHandle> started = new ArrayList<>();
    long t0 = System.nanoTime();
    try (StandaloneCluster cluster = StandaloneCluster.builder("close-test").workers(1).start()) {
      System.out.printf("a master and 1 worker ALIVE in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      SparkApp app = cluster.submit(Submission.of("demo", "--parts", "baseline", "--rows", "20000").name("cut-short"));
      List<ExecutorJvm> executors = app.awaitExecutors(1, Duration.ofMinutes(2));
      assertEquals(1, executors.size(), "executors: " + executors);
      assertEquals(1, executors.get(0).worker());
      started.add(cluster.master().handle());
      cluster.workers().forEach(w -> started.add(w.handle()));
      started.add(app.driver().handle());
      executors.forEach(e -> started.add(e.handle().orElseThrow()));
      assertTrue(started.stream().allMatch(ProcessHandle::isAlive), "all running before close");
    }
    List<ProcessHandle> alive = started.stream().filter(ProcessHandle::isAlive).toList();
    assertTrue(alive.isEmpty(), "still running after close: " + alive);
  }

  @Test
  void theBuildHandsOverWhatApplicationsNeed() throws Exception {
    assertTrue(Files.isRegularFile(BuildPaths.appJar()));
    // the PyTorch natives for --jars: a real jar with the native libraries in it
    try (JarFile jar = new JarFile(BuildPaths.pytorchNativeJar().toFile())) {
      assertTrue(jar.stream().anyMatch(e -> e.getName().endsWith("libtorch.so")), "no libtorch.so in " + jar.getName());
    }
  }
}
