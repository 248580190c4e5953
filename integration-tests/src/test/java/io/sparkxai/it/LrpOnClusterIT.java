package io.sparkxai.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code spark-xai lrp} on a folder of images, submitted to the standalone cluster: LrpExplainer runs
 * in the executor JVMs (DJL and the PyTorch natives loaded there), under a task resource profile
 * (stage-level scheduling, {@code --task-cpus 1}), and each executor JVM loads the model once,
 * whatever number of partitions it explains.
 */
@ExtendWith(StandaloneClusterExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LrpOnClusterIT {

  private static final int IMAGES = 32;
  private static final int PARTITIONS = 8;

  @Test
  void modelLoadedOncePerExecutorJvm(StandaloneCluster cluster) throws Exception {
    Path model = Path.of(System.getProperty("sparkxai.shared.data", "../../shared/data"), "onnx", "cnn.onnx");
    assumeTrue(Files.isRegularFile(model), "needs the shared data file " + model);
    Path images = Files.createDirectories(cluster.dir().resolve("lrp-images"));
    Random r = new Random(5);
    for (int i = 0; i < IMAGES; i++) {
      BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          img.getRaster().setSample(x, y, 0, r.nextInt(256));
        }
      }
      ImageIO.write(img, "png", images.resolve(String.format("img%02d.png", i)).toFile());
    }
    Submission s = Submission.of("lrp", "--model", model.toAbsolutePath().toString(), "--input", images.toString(),
        "--output", "relevance.csv", "--heatmaps", "heatmaps", "--partitions", String.valueOf(PARTITIONS),
        "--batch-size", "3", "--mean", "0.5", "--std", "0.5", "--task-cpus", "1", "--metrics-out", "metrics.json")
        .withPytorchNatives();
    try (SparkApp app = cluster.submit(s)) {
      SparkApp.Result result = app.awaitSuccess(Duration.ofMinutes(3));
      JsonNode m = new ObjectMapper().readTree(app.dir().resolve("metrics.json").toFile());
      JsonNode counts = m.path("counts");
      assertEquals(IMAGES, counts.path("rows").asInt(), counts.toString());
      assertEquals(IMAGES, counts.path("explained").asInt());
      assertEquals(0, counts.path("invalid").asInt());

      // which JVMs explained partitions and loaded the model: executors the workers launched, not the driver
      List<ExecutorJvm> launched = app.executorJvmsSeen();
      long partitions = 0;
      long loads = 0;
      List<String> report = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = counts.path("jvms").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String[] idPid = e.getKey().split("@");
        long pid = Long.parseLong(idPid[1]);
        assertFalse(pid == app.driverPid(), "the driver explained a partition: " + counts);
        assertTrue(launched.stream().anyMatch(x -> x.pid() == pid && x.executorId().equals(idPid[0])),
            "JVM " + e.getKey() + " is not an executor of this application: " + launched);
        long p = e.getValue().path("partitions").asLong();
        long l = e.getValue().path("model_loads").asLong();
        assertEquals(1, l, "model loads in executor JVM " + e.getKey() + " (" + p + " partitions): " + counts);
        partitions += p;
        loads += l;
        report.add(e.getKey() + ": " + p + " partitions, " + l + " model load(s)");
      }
      assertEquals(PARTITIONS, partitions, "partitions explained: " + counts);
      assertEquals(counts.path("jvms").size(), loads, "one load per JVM");
      assertEquals(2, counts.path("jvms").size(), "both workers' executors explained images: " + counts);
      assertEquals(loads, counts.path("model_loads").asLong());
      // --task-cpus 1: the explaining stage ran under a task resource profile, beside Spark's default (id 0)
      JsonNode profiles = m.path("stage_resource_profiles");
      assertTrue(profiles.size() == 2 && profiles.get(1).asInt() > 0, "stage resource profiles: " + profiles);

      List<String> rows = Files.readAllLines(app.dir().resolve("relevance.csv"));
      assertEquals(IMAGES, rows.size());
      assertEquals(784, rows.get(0).split(",").length);
      try (Stream<Path> maps = Files.list(app.dir().resolve("heatmaps"))) {
        assertEquals(IMAGES, maps.count());
      }
      assertTrue(result.stdout().contains("lrp: " + IMAGES + " image(s)"), result.stdout());
      System.out.println("LrpOnClusterIT: " + String.join("; ", report) + "; stage resource profiles "
          + profiles);
    }
  }
}
