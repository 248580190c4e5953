package io.sparkxai.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static final Pattern OUTSIDE = Pattern.compile("(src|href)=[\"']?(https?:)?//|https?:");

  private static Report sample() {
    double[] edges = {17, 25, 40, 60, 90};
    return Report.builder("Sample <report>").subtitle("for tests").summary("task", "binary")
        .summary("classes", "<=50K, >50K")
        .section("Term importances").figure(BarChart.builder("mean |score|").bar("age", null, 0.8).build(), null)
        .section("Terms")
        .panel("age", "numeric", p -> p.figure(StepChart.builder("age", "log-odds of >50K")
            .series("", edges, new double[] {-1, 0.2, 0.6, 0.1}, new double[] {0.1, 0.1, 0.2, 0.3})
            .histogram(edges, new double[] {10, 30, 25, 5}, "training weight").build(), "age"))
        .panel("sex", "categorical", p -> p.table(List.of("level", "score"), List.of(List.of("Male", "0.3"))))
        .build();
  }

  @Test
  void theSameContentGivesTheSameBytes() {
    assertArrayEquals(sample().bytes(), sample().bytes());
  }

  @Test
  void aReportIsOneSelfContainedDocument() {
    String html = sample().html();
    assertTrue(html.startsWith("<!doctype html>"));
    assertFalse(OUTSIDE.matcher(html).find(), "no URL leaves the file");
    assertEquals(2, html.split("class=\"panel\"", -1).length - 1);
    assertTrue(html.contains("<option value=\"p2\">sex</option>"), "a picker for the panels");
    assertTrue(html.contains("<title>Sample &lt;report&gt;</title>"));
    assertTrue(html.contains("<script>") && html.contains("<style>"));
  }

  @Test
  void saveReplacesTheFileInOneStepAndLeavesNoTemporary(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out/report.html");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "old");
    sample().save(file);
    assertEquals(sample().html(), Files.readString(file));
    try (var listing = Files.list(file.getParent())) {
      assertEquals(1, listing.count());
    }
  }

  @Test
  void pngBytesDecodeToThePixels() throws Exception {
    int[] rgb = {0xff0000, 0x00ff00, 0x0000ff, 0xffffff, 0x000000, 0x123456};
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Png.encode(3, 2, rgb)));
    assertEquals(3, image.getWidth());
    assertEquals(2, image.getHeight());
    for (int i = 0; i < rgb.length; i++) {
      assertEquals(rgb[i], image.getRGB(i % 3, i / 3) & 0xffffff);
    }
    assertTrue(Png.dataUri(Png.encode(1, 1, new int[] {0})).startsWith("data:image/png;base64,iVBOR"));
  }
}
