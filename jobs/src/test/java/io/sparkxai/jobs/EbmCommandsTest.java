package io.sparkxai.jobs;

import static io.sparkxai.jobs.CommandRun.run;
import static io.sparkxai.jobs.CommandRun.runMeasured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkxai.ebm.synthetic.SyntheticEbmData;
import io.sparkxai.jobs.CommandRun.Measured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ebm-train, ebm-explain and the demo's EBM part end to end through Main on local[2], with the
 * contract's flags and outputs, on CSV files written here from the synthetic generator.
 */
class EbmCommandsTest {

  @TempDir static Path tmp;
  private static Path train;
  private static Path test;

  @BeforeAll
  static void writeCsv() throws Exception {
    train = write("train.csv", 0, 2500);
    test = write("test.csv", 1, 800);
  }

  private static Path write(String name, int split, int rows) throws Exception {
    SyntheticEbmData gen = new SyntheticEbmData(3);
    List<String> lines = new ArrayList<>();
    lines.add("x0,x1,x2,x3,x5,x8,c0,label");
    for (SyntheticEbmData.Sample s : gen.generate(split, rows)) {
      double[] x = s.x();
      lines.add(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%s,%.4f,%s,%s", x[0], x[1], x[2], x[3],
          Double.isNaN(x[5]) ? "" : String.format(Locale.ROOT, "%.3f", x[5]), x[8], s.c0Level(),
          s.y() == 1 ? "yes" : "no"));
    }
    Path p = tmp.resolve(name);
    Files.write(p, lines);
    return p;
  }

  @Test
  void trainThenExplain() throws Exception {
    Path model = tmp.resolve("model");
    Measured r = runMeasured(tmp, "ebm-train", "--master", "local[2]", "--train", train.toString(), "--test",
        test.toString(), "--label", "label", "--interactions", "2", "--outer-bags", "2", "--max-rounds", "300",
        "--learning-rate", "0.05", "--seed", "5", "--partitions", "3", "--model-out", model.toString());
    assertTrue(r.out().contains("test AUC"), r.out());
    JsonNode m = r.metrics();
    for (String key : List.of("task", "train_rows", "test_rows", "fit_seconds", "test", "intercept", "terms",
        "rounds")) {
      assertTrue(m.has(key), key + " in " + m);
    }
    assertEquals("binary", m.get("task").asText());
    assertEquals(2500, m.get("train_rows").asLong());
    assertEquals(800, m.get("test_rows").asLong());
    double auc = m.get("test").get("auc").asDouble();
    assertTrue(auc > 0.75 && auc < 0.95, "AUC " + auc);
    assertTrue(m.get("test").has("logloss") && m.get("test").has("accuracy"));
    assertEquals(7 + 2, m.get("terms").size());
    assertEquals("x0", m.get("terms").get(0).get("name").asText());
    assertTrue(m.get("rounds").asLong() > 0);

    Path explained = tmp.resolve("explained");
    CommandRun e = run("ebm-explain", "--master", "local[2]", "--model", model.toString(), "--input", test.toString(),
        "--output", explained.toString(), "--id-col", "label");
    assertEquals(0, e.code(), e.out() + e.err());
    JsonNode global = new ObjectMapper().readTree(explained.resolve("global.json").toFile());
    assertEquals(9, global.get("terms").size());
    JsonNode x5 = global.get("terms").get(4);
    assertEquals("x5", x5.get("name").asText());
    assertEquals("missing", x5.get("bins").get(0).asText());
    assertEquals(x5.get("bins").size(), x5.get("scores").size());
    SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    try {
      List<Row> rows = spark.read().parquet(explained.resolve("contributions.parquet").toString()).collectAsList();
      assertEquals(800, rows.size());
      double intercept = global.get("intercept").get(0).asDouble();
      String[] cols = spark.read().parquet(explained.resolve("contributions.parquet").toString()).columns();
      assertEquals("label", cols[0], "the --id-col first");
      for (int t = 0; t < 9; t++) {
        assertEquals(global.get("terms").get(t).get("name").asText(), cols[1 + t], "named exactly as the term");
      }
      assertEquals(List.of("raw_score", "probability", "prediction"), List.of(cols).subList(10, 13));
      for (Row row : rows) {
        double sum = intercept;
        for (int t = 0; t < 9; t++) {
          sum += row.getDouble(1 + t);
        }
        assertEquals(row.getDouble(10), sum, 1e-9);
        assertEquals(1 / (1 + Math.exp(-sum)), row.getDouble(11), 1e-12);
      }
    } finally {
      spark.stop();
    }
  }

  @Test
  void overwriteReplacesOurOutputWholeAndNeverAFolderThatIsNotOurs() throws Exception {
    Path model = tmp.resolve("replaced");
    String[] fit = {"ebm-train", "--master", "local[2]", "--train", train.toString(), "--label", "label",
        "--interactions", "0", "--outer-bags", "1", "--max-rounds", "20", "--model-out", model.toString()};
    run(fit).assertOk();
    Files.writeString(model.resolve("marker"), "old");
    run(fit).assertUsageError("--model-out", "exists", "--overwrite");
    assertTrue(Files.exists(model.resolve("marker")), "refused before any work: the old model is untouched");
    String[] again = java.util.Arrays.copyOf(fit, fit.length + 1);
    again[fit.length] = "--overwrite";
    run(again).assertOk();
    assertFalse(Files.exists(model.resolve("marker")), "the old folder is replaced whole");
    assertTrue(Files.isDirectory(model.resolve("metadata")));
    try (var beside = Files.list(tmp)) {
      assertEquals(List.of(model), beside.filter(p -> p.getFileName().toString().contains("replaced")).toList(),
          "no temporary folder is left beside the model");
    }

    Path notAModel = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notAModel.resolve("notes.txt"), "keep me");
    String[] over = java.util.Arrays.copyOf(again, again.length);
    over[java.util.Arrays.asList(over).indexOf("--model-out") + 1] = notAModel.toString();
    run(over).assertUsageError("--model-out", "is not a saved model");
    assertEquals("keep me", Files.readString(notAModel.resolve("notes.txt")));

    Path explained = tmp.resolve("why");
    String[] explain = {"ebm-explain", "--master", "local[2]", "--model", model.toString(), "--input",
        test.toString(), "--output", explained.toString()};
    run(explain).assertOk();
    run(explain).assertUsageError("--output", "holds explanations already", "--overwrite");
    String[] explainAgain = java.util.Arrays.copyOf(explain, explain.length + 1);
    explainAgain[explain.length] = "--overwrite";
    run(explainAgain).assertOk();
    try (var inside = Files.list(explained)) {
      assertEquals(List.of("contributions.parquet", "global.json"),
          inside.map(p -> p.getFileName().toString()).sorted().toList(), "nothing left beside the outputs");
    }
    explainAgain[java.util.Arrays.asList(explainAgain).indexOf("--output") + 1] = notAModel.toString();
    run(explainAgain).assertUsageError("--output", "holds files ebm-explain did not write (notes.txt)");
    assertEquals("keep me", Files.readString(notAModel.resolve("notes.txt")));
  }

  @Test
  void badFlagsFailBeforeSparkStarts() {
    CommandRun task = run("ebm-train", "--train", train.toString(), "--label", "label", "--task", "ranking");
    assertEquals(2, task.code());
    assertTrue(task.err().contains("--task ranking") && task.err().contains("binary, multiclass or regression"),
        task.err());
    CommandRun lr = run("ebm-train", "--train", train.toString(), "--label", "label", "--learning-rate", "-1");
    assertEquals(2, lr.code());
    assertTrue(lr.err().contains("learningRate must be a finite number > 0.0, got -1.0"), lr.err());
    CommandRun missing = run("ebm-explain", "--model", tmp.resolve("nope").toString(), "--input", test.toString(),
        "--output", tmp.resolve("x").toString());
    assertEquals(2, missing.code());
    assertFalse(missing.err().contains("Exception"), missing.err());
  }

  @Test
  void demoPartTrainsAnEbmOnGeneratedData() throws Exception {
    Measured r = runMeasured(tmp, "demo", "--master", "local[2]", "--parts", "ebm", "--rows", "3000", "--output-dir",
        tmp.resolve("demo").toString());
    assertTrue(r.out().contains("true term"), r.out());
    JsonNode m = r.metrics().get("ebm");
    assertTrue(m.get("test_auc").asDouble() > 0.75, m.toString());
    assertTrue(m.get("top_overlap").asInt() >= 4, "the EBM's top terms are mostly true ones: " + m);
    Path report = tmp.resolve("demo/reports/ebm.html");
    assertTrue(r.out().contains("ebm: report in " + report), r.out());
    assertTrue(Files.readString(report).startsWith("<!doctype html>"));
  }
}
