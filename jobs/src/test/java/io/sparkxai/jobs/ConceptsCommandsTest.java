package io.sparkxai.jobs;

import static io.sparkxai.jobs.CommandRun.run;
import static io.sparkxai.jobs.CommandRun.runMeasured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkxai.jobs.CommandRun.Measured;
import io.sparkxai.testkit.browser.SelfContainedHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** concepts-data and concepts-train through Main, on local[2], with their contracts' flags and keys. */
class ConceptsCommandsTest {

  @TempDir static Path tmp;
  private static Path trainCsv;
  private static Path testCsv;

  @BeforeAll
  static void data() throws Exception {
    Path all = tmp.resolve("xor.csv");
    CommandRun r = run("concepts-data", "--master", "local[2]", "--dataset", "xor", "--rows", "300", "--seed", "3",
        "--partitions", "3", "--output", all.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(all);
    assertEquals("x0,x1,c0,c1,y", lines.get(0));
    assertEquals(301, lines.size());
    trainCsv = tmp.resolve("train.csv");
    testCsv = tmp.resolve("test.csv");
    Files.write(trainCsv, lines.subList(0, 201));
    List<String> test = new java.util.ArrayList<>(List.of(lines.get(0)));
    test.addAll(lines.subList(201, 301));
    Files.write(testCsv, test);
  }

  @Test
  void dataIsTheSameForAnyPartitioning() throws Exception {
    Path other = tmp.resolve("xor-1.csv");
    CommandRun r = run("concepts-data", "--master", "local[2]", "--dataset", "xor", "--rows", "300", "--seed", "3",
        "--partitions", "1", "--output", other.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(Files.readAllLines(tmp.resolve("xor.csv")), Files.readAllLines(other));
    assertTrue(r.out().contains("300 rows"), r.out());
  }

  @Test
  void trainsABottleneckAndWritesTheMetrics() throws Exception {
    Measured r = runMeasured(tmp, "concepts-train", "--master", "local[2]", "--train", trainCsv.toString(), "--test",
        testCsv.toString(), "--features", "x0,x1", "--concepts", "c0,c1", "--label", "y", "--model", "cbm-joint",
        "--epochs", "300", "--learning-rate", "0.02", "--seed", "0");
    JsonNode m = r.metrics();
    for (String key : List.of("concept_accuracy", "task_accuracy", "task_accuracy_all_intervened", "concept_ceiling",
        "intervention_curve", "leakage")) {
      assertTrue(m.has(key), key + " in " + m);
    }
    assertEquals(3, m.path("intervention_curve").size());
    assertEquals(1.0, m.path("concept_ceiling").asDouble());
    assertEquals(1.0, m.path("task_accuracy_all_intervened").asDouble(), 0.02);
    assertTrue(m.path("concept_accuracy").asDouble() > 0.9, m.toString());
    assertTrue(r.out().contains("concepts-train: cbm-joint on 200 rows"), r.out());
  }

  @Test
  void modelOutNeverDeletesAFolderThatIsNotAModelAndReplacesOnlyWithOverwrite() throws Exception {
    Path precious = Files.createDirectories(tmp.resolve("precious"));
    Files.writeString(precious.resolve("thesis.txt"), "important");
    String[] train = {"concepts-train", "--master", "local[2]", "--train", trainCsv.toString(), "--test",
        testCsv.toString(), "--concepts", "c0,c1", "--label", "y", "--model", "entropy-len", "--seed", "1",
        "--epochs", "50", "--model-out"};
    run(with(train, precious.toString())).assertUsageError("--model-out", "exists", "--overwrite");
    run(with(train, precious.toString(), "--overwrite")).assertUsageError("--model-out", "is not a saved model");
    assertEquals("important", Files.readString(precious.resolve("thesis.txt")));
    assertEquals(List.of(precious.resolve("thesis.txt")), list(precious));

    Path model = tmp.resolve("len-model");
    run(with(train, model.toString())).assertOk();
    assertTrue(Files.isDirectory(model.resolve("metadata")));
    run(with(train, model.toString())).assertUsageError("--model-out", "exists", "--overwrite");
    Files.writeString(model.resolve("marker"), "old");
    run(with(train, model.toString(), "--overwrite")).assertOk();
    assertFalse(Files.exists(model.resolve("marker")), "the old folder is replaced whole");
    assertTrue(Files.isDirectory(model.resolve("metadata")));
    assertEquals(List.of(model), list(tmp).stream().filter(p -> p.getFileName().toString().contains("len-model"))
        .toList(), "no temporary folder is left beside the model");
  }

  private static String[] with(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  private static List<Path> list(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void entropyNetworkReportsItsFormulas() throws Exception {
    Measured r = runMeasured(tmp, "concepts-train", "--master", "local[2]", "--train", trainCsv.toString(), "--test",
        testCsv.toString(), "--concepts", "c0,c1", "--label", "y", "--model", "entropy-len", "--seed", "1");
    JsonNode m = r.metrics();
    assertEquals("(c0 ∧ ¬c1) ∨ (¬c0 ∧ c1)", m.path("formulas").path("1").asText(), m.toString());
    assertEquals(1.0, m.path("explanation_accuracy").asDouble());
    assertEquals(1.0, m.path("fidelity").asDouble());
    assertEquals(4.0, m.path("complexity").asDouble());
    assertTrue(m.has("concept_accuracy") && m.path("concept_accuracy").isNull());
    assertTrue(r.out().contains("class 1 ⇔ (c0 ∧ ¬c1) ∨ (¬c0 ∧ c1)"), r.out());
  }

  @Test
  void usageErrorsAreOneLine() {
    CommandRun r = run("concepts-train", "--train", trainCsv.toString(), "--test", testCsv.toString(), "--concepts",
        "c0", "--label", "y", "--model", "cbm-greedy", "--features", "x0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--model cbm-greedy") && r.err().contains("cbm-joint"), r.err());
    r = run("concepts-train", "--train", trainCsv.toString(), "--test", testCsv.toString(), "--concepts", "c0",
        "--label", "y", "--model", "cem");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--features is required"), r.err());
    r = run("concepts-data", "--dataset", "mnist", "--rows", "10", "--output", tmp.resolve("x.csv").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("xor, trigonometry, dot"), r.err());
    r = run("concepts-train", "--master", "local[2]", "--train", trainCsv.toString(), "--test", testCsv.toString(),
        "--concepts", "c0,c9", "--label", "y", "--model", "entropy-len");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("no column 'c9'"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void demoPartComparesCbmAndCem() throws Exception {
    Measured r = runMeasured(tmp, "demo", "--master", "local[2]", "--parts", "concepts", "--rows", "1000",
        "--output-dir", tmp.resolve("demo").toString());
    JsonNode m = r.metrics().path("concepts");
    assertEquals(4, m.path("cbm").path("intervention_curve").size(), m.toString());
    assertTrue(m.path("cem").path("task_accuracy").asDouble() > m.path("cbm").path("task_accuracy").asDouble(),
        m.toString());
    assertTrue(r.out().contains("concept ceiling"), r.out());
    for (String model : List.of("cbm", "cem")) {
      String html = Files.readString(tmp.resolve("demo/reports/concepts-" + model + ".html"));
      SelfContainedHtml.assertSelfContained(html);
      assertTrue(html.contains("line chart: task accuracy by concepts intervened"), model + ": the intervention curve");
      assertTrue(html.contains("concept ceiling"), model);
    }
    assertTrue(r.out().contains("concepts: reports in "), r.out());
  }
}
