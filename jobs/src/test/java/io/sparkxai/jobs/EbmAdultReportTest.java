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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The yardstick for EBM reports: on UCI Adult (read in place), {@code ebm-explain --report} shows
 * without any JSON that age and capital gain are among the terms that matter most, and how: their panels
 * are step functions over the real ages and gains, in log-odds of >50K. Opened in headless Chromium with
 * the network off; the screenshots under target/screenshots/ are the ones README shows.
 */
class EbmAdultReportTest {
  private static final Path SHOTS = Paths.get("target", "screenshots");

  @TempDir Path tmp;

  @Test
  void ageAndCapitalGainMatterMostAndTheirShapesShowHow() throws Exception {
    Path train = SharedData.require("adult/adult.data");
    Path test = SharedData.require("adult/adult.test");
    Path model = tmp.resolve("adult-ebm");
    run("ebm-train", "--master", "local[2]", "--train", train.toString(), "--test", test.toString(), "--label",
        "ltgt50k", "--interactions", "10", "--outer-bags", "2", "--learning-rate", "0.05", "--seed", "1",
        "--model-out", model.toString()).assertOk();
    Path report = tmp.resolve("adult.html");
    CommandRun e = run("ebm-explain", "--master", "local[2]", "--model", model.toString(), "--input",
        test.toString(), "--output", tmp.resolve("why").toString(), "--report", report.toString(),
        "--report-rows", "3", "--label", "ltgt50k").assertOk();
    assertTrue(e.out().contains("report in " + report), e.out());
    SelfContainedHtml.assertSelfContained(Files.readString(report));

    try (HeadlessChromium chromium = HeadlessChromium.start(); BrowserPage page = chromium.open(report, 1100)) {
      assertEquals(List.of(), page.consoleErrors());
      assertEquals(List.of(), page.outsideRequests());
      List<String> ranked = Arrays.asList(page.evaluate("[...document.querySelectorAll('#s1 .bar-name')]"
          + ".map(t => t.textContent).join('|')").split("\\|"));
      assertTrue(ranked.subList(0, 3).containsAll(List.of("age", "capital_gain")), "top terms drawn: " + ranked);
      for (String term : List.of("age", "capital_gain")) {
        String panel = ".panel[data-title='" + term + "']";
        assertEquals("numeric", page.evaluate("document.querySelector(\"" + panel + "\").dataset.kind"));
        String axes = page.text(panel + " svg");
        assertTrue(axes.contains(term) && axes.contains("log-odds of >50K"), term + " axes: " + axes);
        assertTrue(page.count(panel + " svg path") >= 2, term + ": the steps and the band over bags");
        page.screenshot(SHOTS.resolve("ebm-adult-" + term.replace('_', '-') + ".png"), panel);
      }
      String ticks = page.text(".panel[data-title='age'] svg");
      assertTrue(ticks.contains("80"), "the age axis reaches the oldest training ages (90): " + ticks);
      assertEquals(3, page.count(".panel[data-kind=row]"), "one panel per explained row");
      String row = page.text(".panel[data-kind=row]");
      assertTrue(row.contains("age = 25") && row.contains("<=50K."), "values as written, the row's label: " + row);
      page.screenshot(SHOTS.resolve("ebm-adult.png"), "h1, .subtitle, table.summary, #s1");
      page.screenshot(SHOTS.resolve("ebm-adult-row.png"), ".panel[data-kind=row]:first-of-type");
    }
  }
}
