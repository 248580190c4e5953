package io.sparkxai.jobs;

import static io.sparkxai.jobs.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.ebm.core.EbmJson;
import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.EbmScorer;
import io.sparkxai.ebm.core.Isotonic;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.testkit.SharedData;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ebm-train --monotone} (with {@code --shards 2}, as the lifecycle contract runs it),
 * {@code ebm-export} in both forms and {@code ebm-import} end to end through Main on local[2], on the
 * first 3,000 training and 1,000 test rows of UCI Adult (read in place), and their refusals.
 */
class EbmPortableCommandsTest {

  @TempDir static Path tmp;
  private static Path train;
  private static Path test;
  private static List<Map<String, Object>> testRows;

  @BeforeAll
  static void adult() throws Exception {
    train = copy(SharedData.require("adult/adult.data"), "train.csv", 3000);
    test = copy(SharedData.require("adult/adult.test"), "test.csv", 1000);
    testRows = new ArrayList<>();
    List<String> lines = Files.readAllLines(test);
    String[] header = lines.get(0).split(",");
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.split(",", -1);
      Map<String, Object> row = new HashMap<>();
      for (int i = 0; i < header.length - 1; i++) {
        row.put(header[i], v[i].isEmpty() ? null : v[i]);
      }
      testRows.add(row);
    }
  }

  /** The first {@code n} rows with a 0/1 label, "?" as an empty field. */
  private static Path copy(Path from, String name, int n) throws Exception {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
      String[] header = r.readLine().split(",");
      header[header.length - 1] = "label";
      out.add(String.join(",", header));
      for (String line = r.readLine(); line != null && out.size() <= n; line = r.readLine()) {
        String[] v = line.split(",");
        if (v.length != header.length) {
          continue;
        }
        for (int i = 0; i < v.length; i++) {
          v[i] = v[i].strip().equals("?") ? "" : v[i].strip();
        }
        v[v.length - 1] = v[v.length - 1].startsWith(">50K") ? "1" : "0";
        out.add(String.join(",", v));
      }
    }
    return Files.write(tmp.resolve(name), out);
  }

  private static EbmModel saved(Path model) throws Exception {
    return EbmJson.read(Files.readString(model.resolve("data/model.json")), "saved").model();
  }

  @Test
  void monotoneShardedFitExportedAndImportedInBothForms() throws Exception {
    Path model = tmp.resolve("monotone");
    run("ebm-train", "--master", "local[2]", "--train", train.toString(), "--test", test.toString(), "--label",
        "label", "--task", "binary", "--interactions", "0", "--outer-bags", "1", "--max-rounds", "200", "--seed", "1",
        "--shards", "2", "--monotone", "age=1,hours_per_week=1", "--model-out", model.toString()).assertOk();
    EbmModel fitted = saved(model);
    for (String feature : List.of("age", "hours_per_week")) {
      ModelTerm t = fitted.terms().get(fitted.termNames().indexOf(feature));
      int last = fitted.features().get(t.features()[0]).cuts().length + 1;
      assertTrue(Isotonic.isMonotone(t.scores(), 1, last, 1), feature + " never falls");
    }
    Path json = tmp.resolve("adult.json");
    CommandRun e = run("ebm-export", "--model", model.toString(), "--json", json.toString()).assertOk();
    assertTrue(e.out().contains("written as sparkxai JSON to " + json), e.out());
    run("ebm-export", "--model", model.toString(), "--json", json.toString())
        .assertUsageError("--json " + json, "exists", "--overwrite");
    Path interpret = tmp.resolve("adult-interpret.json");
    run("ebm-export", "--model", model.toString(), "--json", interpret.toString(), "--format", "interpret")
        .assertOk();
    assertTrue(Files.readString(interpret).contains("\"link\" : \"logit\""));
    EbmScorer exported = EbmScorer.fromJson(json);
    assertEquals(fitted, exported.model());
    for (Path source : List.of(json, interpret)) {
      Path imported = tmp.resolve("imported-" + source.getFileName());
      CommandRun i = run("ebm-import", "--json", source.toString(), "--model-out", imported.toString()).assertOk();
      assertTrue(i.out().contains("binary model") && i.out().contains("saved to " + imported), i.out());
      EbmScorer back = EbmScorer.of(saved(imported), List.of());
      for (Map<String, Object> row : testRows) {
        assertEquals(exported.predict(row).rawScores()[0], back.predict(row).rawScores()[0], 0.0, row.toString());
      }
    }
    Path explained = tmp.resolve("explained");
    run("ebm-explain", "--master", "local[2]", "--model", tmp.resolve("imported-adult-interpret.json").toString(),
        "--input", test.toString(), "--output", explained.toString()).assertOk();
  }

  @Test
  void badConstraintsAndJsonAreUsageErrors() throws Exception {
    String[] fit = {"ebm-train", "--master", "local[2]", "--train", train.toString(), "--label", "label",
        "--interactions", "0", "--outer-bags", "1", "--max-rounds", "10", "--monotone", ""};
    fit[fit.length - 1] = "age=2";
    run(fit).assertUsageError("monotoneConstraints must be a list of \"feature=direction\" entries", "[age=2]");
    fit[fit.length - 1] = "workclass=1";
    run(fit).assertUsageError("--monotone workclass=1: 'workclass' is categorical");
    fit[fit.length - 1] = "height=1";
    run(fit).assertUsageError("--monotone height=1: 'height' is not a feature; features: age, workclass");
    Path newer = tmp.resolve("newer.json");
    Files.writeString(newer, "{\"format\": \"spark-ebm/model\", \"version\": 9}");
    run("ebm-import", "--json", newer.toString(), "--model-out", tmp.resolve("x").toString())
        .assertUsageError("--json " + newer + " has model format version 9", "reads version 1");
    Path interpret = tmp.resolve("interpret-2.json");
    Files.writeString(interpret, "{\"version\": \"2.0\", \"ebm\": {}}");
    run("ebm-import", "--json", interpret.toString(), "--model-out", tmp.resolve("y").toString())
        .assertUsageError("interpretml JSON version \"2.0\"; this library reads version 1.0");
    run("ebm-import", "--json", newer.toString()).assertUsageError("--model-out is required");
    run("ebm-export", "--model", tmp.toString(), "--json", tmp.resolve("z.json").toString(), "--format", "onnx")
        .assertUsageError("--format must be sparkxai or interpret, got onnx");
    run("ebm-export", "--model", tmp.toString(), "--json", tmp.resolve("z.json").toString())
        .assertUsageError("not a saved model");
  }
}
