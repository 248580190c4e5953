package io.sparkxai.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * spark-ebm's native kernel on the standalone cluster: {@code ebm-train} submitted with spark-submit
 * boosts its bags in executor JVMs, which extract {@code libsparkxai_ebm.so} from the application jar
 * (the copy an executor fetched into its work folder) and load it; the saved model's provenance
 * reports the native kernel. Skipped when the build made no library (no C compiler, or
 * {@code -Dskip.native}).
 */
@ExtendWith(StandaloneClusterExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EbmNativeKernelOnClusterIT {

  private static final String LIBRARY = "native/linux-x86_64/libsparkxai_ebm.so";
  private static final Pattern LOADED = Pattern.compile(
      "native EBM kernel loaded from jar:file:(\\S+)!/" + Pattern.quote(LIBRARY) + " \\(instruction set (\\w+)");

  @Test
  void executorsLoadTheNativeKernelFromTheApplicationJar(StandaloneCluster cluster) throws Exception {
    try (JarFile jar = new JarFile(BuildPaths.appJar().toFile())) {
      assumeTrue(jar.getEntry(LIBRARY) != null, "the application jar has no " + LIBRARY
          + " (built without a C compiler or with -Dskip.native)");
    }
    Path adult = Paths.get(System.getProperty("sparkxai.shared.data", "../shared/data"), "adult");
    assumeTrue(Files.isRegularFile(adult.resolve("adult.data")), "no Adult data under " + adult);
    // mains only, two bags, few rounds at a high learning rate: seconds of boosting
    Submission ebm = Submission.of("ebm-train", "--train", adult.resolve("adult.data").toString(), "--test",
        adult.resolve("adult.test").toString(), "--label", "ltgt50k", "--interactions", "0", "--outer-bags", "2",
        "--max-rounds", "200", "--learning-rate", "0.1", "--model-out", "model", "--metrics-out", "metrics.json")
        .name("ebm-native-kernel");
    try (SparkApp app = cluster.submit(ebm)) {
      SparkApp.Result result = app.awaitSuccess(Duration.ofMinutes(2));
      assertTrue(result.stdout().contains("kernel native"), result.stdout());

      JsonNode saved = new ObjectMapper().readTree(app.dir().resolve("model/data/model.json").toFile());
      JsonNode provenance = saved.path("provenance");
      assertEquals("native", provenance.path("kernel").asText(), provenance.toString());
      assertTrue(provenance.path("kernelDetail").asText().startsWith("native ("), provenance.toString());
      JsonNode metrics = new ObjectMapper().readTree(app.dir().resolve("metrics.json").toFile());
      assertEquals("native", metrics.path("kernel").asText());
      double auc = metrics.path("test").path("auc").asDouble();
      assertTrue(auc > 0.88, "test AUC " + auc + " (a real fit, even this short, passes 0.9 on Adult)");

      // each executor that boosted loaded the library from its own copy of the application jar
      String appId = app.appId().orElseThrow();
      List<String> jars = new ArrayList<>();
      for (Path stderr : cluster.executorLogs(appId)) {
        Matcher m = LOADED.matcher(Files.readString(stderr));
        if (m.find()) {
          Path jar = Paths.get(m.group(1));
          assertEquals(BuildPaths.appJar().getFileName(), jar.getFileName(), m.group());
          assertTrue(jar.startsWith(cluster.dir()), "loaded from " + jar + ", not an executor's work folder");
          assertTrue(provenance.path("kernelDetail").asText().startsWith("native (" + m.group(2) + ")"),
              provenance + " vs " + m.group());
          jars.add(jar.toString());
        }
      }
      assertFalse(jars.isEmpty(), "no executor logged loading the native kernel\n" + cluster.diagnostics(appId));
      System.out.printf("ebm-train on the cluster: kernel %s, test AUC %.4f; library loaded from %s%n",
          provenance.path("kernelDetail").asText(), auc, jars);
    }
  }
}
