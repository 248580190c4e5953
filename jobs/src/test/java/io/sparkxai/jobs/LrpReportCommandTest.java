package io.sparkxai.jobs;

import static io.sparkxai.jobs.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.testkit.SharedData;
import io.sparkxai.testkit.browser.BrowserPage;
import io.sparkxai.testkit.browser.HeadlessChromium;
import io.sparkxai.testkit.browser.SelfContainedHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lrp --report on the 8 MNIST digits of lrp_toolbox with LeNet-5: each digit beside its heatmap with
 * one colour bar and the rule per layer, the same bytes on a second run, opened in headless Chromium
 * with the network off (screenshot in target/screenshots/lrp.png).
 */
class LrpReportCommandTest {

  @TempDir Path tmp;

  private Path report(String name) {
    Path model = SharedData.require("lrp_toolbox_models/LeNet-5.txt");
    Path input = SharedData.require("lrp_toolbox_mnist/lenet5_input.csv");
    Path file = tmp.resolve(name);
    CommandRun r = run("lrp", "--model", model.toString(), "--input", input.toString(), "--output",
        tmp.resolve(name + ".csv").toString(), "--report", file.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("report in " + file), r.out());
    return file;
  }

  @Test
  void eachDigitStandsBesideItsHeatmapWithOneScale() throws Exception {
    Path first = report("lrp.html");
    String html = Files.readString(first);
    SelfContainedHtml.assertSelfContained(html);
    assertEquals(8, html.split("class=\"image-row\"", -1).length - 1, "one figure per explained digit");
    assertEquals(1, html.split("class=\"colour-bar\"", -1).length - 1, "one colour bar for the grid");
    assertTrue(html.contains("width=\"128\" height=\"128\""), "32 px upscaled 4x to at least 128 px");
    assertTrue(html.contains("<th>#</th><th>layer</th><th>type</th><th>rule</th>"), "the rule table");
    assertEquals(html, Files.readString(report("again.html")), "the same input gives the same bytes");

    try (HeadlessChromium chromium = HeadlessChromium.start(); BrowserPage page = chromium.open(first, 1100)) {
      assertEquals(List.of(), page.consoleErrors());
      assertEquals(List.of(), page.outsideRequests());
      assertEquals(8, page.count("figure.image-row"));
      assertEquals(16, page.count("figure.image-row img"));
      assertTrue(page.text(".colour-bar").contains("relevance"), page.text(".colour-bar"));
      page.screenshot(Paths.get("target", "screenshots", "lrp.png"));
    }
  }

  @Test
  void aReportMustBeAnHtmlFile() {
    CommandRun r = run("lrp", "--model", "m.onnx", "--input", "x.csv", "--output", "o.csv", "--report", "r.png");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--report r.png: must be one .html file"), r.err());
  }
}
