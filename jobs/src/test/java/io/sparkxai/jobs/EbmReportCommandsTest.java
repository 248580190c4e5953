package io.sparkxai.jobs;

import static io.sparkxai.jobs.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.ebm.ExplainableBoostingClassificationModel;
import io.sparkxai.ebm.synthetic.SyntheticEbmData;
import io.sparkxai.testkit.browser.BrowserPage;
import io.sparkxai.testkit.browser.HeadlessChromium;
import io.sparkxai.testkit.browser.SelfContainedHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EBM reports end to end: ebm-train --report and ebm-explain --report on generated CSV files, the
 * files' structure, self-containment and determinism, the Spark jobs a report costs, and the reports
 * opened in headless Chromium with the network off (screenshots under target/screenshots/).
 */
class EbmReportCommandsTest {
  private static final Path SHOTS = Paths.get("target", "screenshots");

  @TempDir static Path tmp;
  private static Path test;
  private static Path model;
  private static Path trainReport;
  private static Path explainReport;

  @BeforeAll
  static void trainAndExplain() throws Exception {
    Path train = write("train.csv", 0, 1500);
    test = write("test.csv", 1, 400);
    model = tmp.resolve("model");
    trainReport = tmp.resolve("train.html");
    CommandRun t = run("ebm-train", "--master", "local[2]", "--train", train.toString(), "--test", test.toString(),
        "--label", "label", "--interactions", "2", "--outer-bags", "2", "--max-rounds", "200", "--seed", "5",
        "--model-out", model.toString(), "--report", trainReport.toString());
    assertEquals(0, t.code(), t.out() + t.err());
    assertTrue(t.out().contains("report in " + trainReport), t.out());
    explainReport = tmp.resolve("explain.html");
    CommandRun e = run("ebm-explain", "--master", "local[2]", "--model", model.toString(), "--input",
        test.toString(), "--output", tmp.resolve("why").toString(), "--report", explainReport.toString(),
        "--report-rows", "3");
    assertEquals(0, e.code(), e.out() + e.err());
  }

  private static Path write(String name, int split, int rows) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("x0,x1,x2,x3,c0,label");
    for (SyntheticEbmData.Sample s : new SyntheticEbmData(3).generate(split, rows)) {
      double[] x = s.x();
      lines.add(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%s,%s", x[0], x[1], x[2], x[3], s.c0Level(),
          s.y() == 1 ? "yes" : "no"));
    }
    Path p = tmp.resolve(name);
    Files.write(p, lines);
    return p;
  }

  @Test
  void theTrainingReportHasAPanelPerTermAndSaysWhatTheScoreIs() throws Exception {
    String html = Files.readString(trainReport);
    assertTrue(html.startsWith("<!doctype html>"));
    SelfContainedHtml.assertSelfContained(html);
    assertEquals(5 + 2, count(html, "class=\"panel\""), "5 mains and 2 pairs");
    assertTrue(html.contains("log-odds of yes"), "the axis names the positive class");
    assertTrue(html.contains("<th>test auc</th>"), "test metrics in the summary");
    assertTrue(html.contains("<th>classes</th><td>no, yes</td>"));
    assertEquals(2, count(html, "class=\"colour-bar\""), "a colour bar per pair");
  }

  @Test
  void theExplainReportAddsOnePanelPerRow() throws Exception {
    String html = Files.readString(explainReport);
    SelfContainedHtml.assertSelfContained(html);
    assertEquals(7 + 3, count(html, "class=\"panel\""));
    assertEquals(3, count(html, "data-kind=\"row\""));
    assertTrue(html.contains("x0 = "), "contributions are labelled with the row's value");
  }

  @Test
  void aGlobalReportNeedsNoSparkJobAndALocalOneNeedsOne() throws Exception {
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .getOrCreate();
    ExplainableBoostingClassificationModel m = ExplainableBoostingClassificationModel.load(model.toString());
    Dataset<Row> rows = spark.read().option("header", "true").option("inferSchema", "true").csv(test.toString());
    rows.schema();
    AtomicInteger jobs = new AtomicInteger();
    SparkListener counter = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
      }
    };
    spark.sparkContext().addSparkListener(counter);
    try {
      byte[] first = m.globalReport().build().bytes();
      assertArrayEquals(first, m.globalReport().build().bytes(), "the same model gives the same bytes");
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertEquals(0, jobs.get(), "building a global report runs no Spark job");
      m.localReport(m.globalReport(), rows, 4, "label");
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertEquals(1, jobs.get(), "a local report of N rows is one job");
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
  }

  @Test
  void aReportMustBeAnHtmlFile() {
    CommandRun r = run("ebm-train", "--train", test.toString(), "--label", "label", "--report",
        tmp.resolve("r.pdf").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--report") && r.err().contains(".html"), r.err());
  }

  @Test
  void theReportsOpenInABrowserWithTheNetworkOff() throws Exception {
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      for (Path report : List.of(trainReport, explainReport)) {
        try (BrowserPage page = chromium.open(report, 1100)) {
          assertEquals(List.of(), page.consoleErrors(), report.toString());
          assertEquals(List.of(), page.outsideRequests(), report.toString());
          assertTrue(page.count(".panel svg .axis-label") >= 7, "axis labels drawn");
          page.screenshot(SHOTS.resolve(report == trainReport ? "ebm-global.png" : "ebm-local.png"));
        }
      }
      try (BrowserPage page = chromium.open(explainReport, 1100)) {
        page.evaluate("(function(){var s=document.querySelectorAll('.picker select')[1];s.value='p8';"
            + "s.dispatchEvent(new Event('change'));return 1;})()");
        assertEquals("1", page.evaluate("String([...document.querySelectorAll('.panel[data-kind=row]')]"
            + ".filter(p => p.style.display !== 'none').length)"), "the picker shows one row");
      }
    }
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }
}
