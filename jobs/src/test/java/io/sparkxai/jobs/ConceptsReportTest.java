package io.sparkxai.jobs;

import static io.sparkxai.jobs.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.concepts.ConceptModelMetrics;
import io.sparkxai.testkit.browser.BrowserPage;
import io.sparkxai.testkit.browser.HeadlessChromium;
import io.sparkxai.testkit.browser.SelfContainedHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * concepts-train --report: one self-contained HTML file, the same bytes for the same seed, opened in
 * headless Chromium with the network off (screenshots in target/screenshots/concepts-*.png).
 */
class ConceptsReportTest {

  @TempDir static Path tmp;
  private static Path trainCsv;
  private static Path testCsv;
  private static Path trigTrain;
  private static Path trigTest;

  @BeforeAll
  static void data() throws Exception {
    Path all = tmp.resolve("xor.csv");
    run("concepts-data", "--master", "local[2]", "--dataset", "xor", "--rows", "300", "--seed", "3",
        "--partitions", "2", "--output", all.toString()).assertOk();
    List<String> lines = Files.readAllLines(all);
    trainCsv = tmp.resolve("train.csv");
    testCsv = tmp.resolve("test.csv");
    Files.write(trainCsv, lines.subList(0, 201));
    List<String> test = new ArrayList<>(List.of(lines.get(0)));
    test.addAll(lines.subList(201, 301));
    Files.write(testCsv, test);
    Path trig = tmp.resolve("trig.csv");
    run("concepts-data", "--master", "local[2]", "--dataset", "trigonometry", "--rows", "500", "--seed", "42",
        "--partitions", "2", "--output", trig.toString()).assertOk();
    lines = Files.readAllLines(trig);
    trigTrain = tmp.resolve("trig-train.csv");
    trigTest = tmp.resolve("trig-test.csv");
    Files.write(trigTrain, lines.subList(0, 336));
    test = new ArrayList<>(List.of(lines.get(0)));
    test.addAll(lines.subList(336, 501));
    Files.write(trigTest, test);
  }

  private static String[] train(String model, Path report, String... more) {
    List<String> args = new ArrayList<>(List.of("concepts-train", "--master", "local[2]", "--train",
        trainCsv.toString(), "--test", testCsv.toString(), "--features", "x0,x1", "--concepts", "c0,c1", "--label",
        "y", "--model", model, "--seed", "1", "--report", report.toString()));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  @Test
  void entropyReportHasTheFormulasAndTheSameBytesTwice() throws Exception {
    Path first = tmp.resolve("len-1.html");
    Path second = tmp.resolve("len-2.html");
    CommandRun r = run(train("entropy-len", first)).assertOk();
    assertTrue(r.out().contains("report in " + first), r.out());
    run(train("entropy-len", second)).assertOk();
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "same seed, same bytes");
    String html = Files.readString(first);
    assertSelfContained(html);
    assertTrue(html.contains("Logic explanations"), html);
    assertTrue(html.contains("(c0 ∧ ¬c1) ∨ (¬c0 ∧ c1)"), "the XOR formula of class 1");
    for (String h : List.of("explanation accuracy", "fidelity", "complexity")) {
      assertTrue(html.contains("<th>" + h + "</th>"), h);
    }
    assertTrue(html.contains("concepts intervened") && html.contains("task accuracy"));
  }

  @Test
  void bottleneckReportDrawsTheInterventionCurve() throws Exception {
    Path file = tmp.resolve("sub/cbm.html");
    run("concepts-train", "--master", "local[2]", "--train", trigTrain.toString(), "--test", trigTest.toString(),
        "--features", "x0,x1,x2,x3,x4,x5,x6", "--concepts", "c0,c1,c2", "--label", "y", "--model", "cbm-joint",
        "--seed", "7", "--epochs", "400", "--report", file.toString()).assertOk();
    String html = Files.readString(file);
    assertSelfContained(html);
    assertTrue(html.contains("line chart: task accuracy by concepts intervened"), "the line chart");
    assertTrue(html.contains(">concepts intervened<") && html.contains(">task accuracy<"), "both axis titles");
    Matcher points = Pattern.compile("<circle[^>]*class=\"point\"").matcher(html);
    int count = 0;
    while (points.find()) {
      count++;
    }
    assertEquals(8, count, "0 to 3 concepts intervened, for the curve and the ceiling");
    for (String m : List.of("concept accuracy", "concept ceiling", "leakage")) {
      assertTrue(html.contains("<td>" + m + "</td>"), m);
    }
    assertFalse(html.contains("Logic explanations"));
    Path len = tmp.resolve("len-browser.html");
    run(train("entropy-len", len)).assertOk();
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      for (Path report : List.of(file, len)) {
        try (BrowserPage page = chromium.open(report, 1000)) {
          assertEquals(List.of(), page.consoleErrors(), report.toString());
          assertEquals(List.of(), page.outsideRequests(), report.toString());
          assertEquals(report == file ? 8 : 6, page.count("svg circle.point"), "a point per count, curve and ceiling");
          assertTrue(page.text("body").contains("concepts intervened"), "the x axis title is drawn");
          page.screenshot(Paths.get("target", "screenshots", report == file ? "concepts-cbm.png" : "concepts-len.png"));
        }
      }
    }
  }

  @Test
  void aReportThatIsNotHtmlIsRefused() {
    CommandRun r = run(train("cbm-joint", tmp.resolve("report.txt")));
    r.assertUsageError("--report", ".html");
    assertFalse(Files.exists(tmp.resolve("report.txt")));
  }

  @Test
  void metricsPrintTheCurveValues() {
    String s = new ConceptModelMetrics(10, 0.9, 0.8, 1.0, new double[] {0.8, 0.9, 1.0}, "random").toString();
    assertTrue(s.contains("interventionCurve=[0.8, 0.9, 1.0]"), s);
    assertFalse(s.contains("[D@"), s);
  }

  private static void assertSelfContained(String html) {
    assertTrue(html.startsWith("<!doctype html"), html.substring(0, Math.min(80, html.length())));
    assertFalse(html.contains("http:") || html.contains("https:"), "no web address");
    SelfContainedHtml.assertSelfContained(html);
  }
}
