package io.sparkxai.jobs;

import static io.sparkxai.jobs.CommandRun.runMeasured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkxai.testkit.browser.SelfContainedHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --parts lrp}: a CNN trained on generated pictures, round-tripped through ONNX, explained
 * on Spark; its relevance lands on the region that decides the class.
 */
class LrpDemoTest {

  @TempDir Path tmp;

  @Test
  void relevanceLandsOnTheDecidingRegion() throws Exception {
    CommandRun.Measured r = runMeasured(tmp, "demo", "--parts", "lrp", "--rows", "1000", "--master", "local[2]",
        "--output-dir", tmp.resolve("demo").toString());
    assertTrue(r.out().contains("of the positive relevance lies in the deciding region"), r.out());
    JsonNode m = r.metrics().path("lrp");
    assertTrue(m.path("test_accuracy").asDouble() >= 0.9, m.toString());
    assertTrue(m.path("onnx_max_output_difference").asDouble() < 1e-5, m.toString());
    double share = m.path("positive_relevance_in_region").asDouble();
    double area = m.path("region_area_share").asDouble();
    // seeded: 60% measured, where the region is 14% of the picture
    assertTrue(share > 3 * area, "share " + share + " vs area " + area);
    assertEquals(48, m.path("counts").path("explained").asInt());
    try (Stream<Path> maps = Files.list(tmp.resolve("demo/lrp/heatmaps"))) {
      assertEquals(48, maps.count());
    }
    Path report = tmp.resolve("demo/reports/lrp.html");
    assertEquals(report.toString(), m.path("report").asText());
    assertTrue(r.out().contains("lrp: report of 12 pictures in " + report), r.out());
    String html = Files.readString(report);
    SelfContainedHtml.assertSelfContained(html);
    assertEquals(12, html.split("class=\"image-row\"", -1).length - 1, "one tile per drawn picture");
  }
}
