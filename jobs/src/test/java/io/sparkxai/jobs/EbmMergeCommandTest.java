package io.sparkxai.jobs;

import static io.sparkxai.jobs.CommandRun.run;
import static io.sparkxai.jobs.CommandRun.runMeasured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkxai.ebm.synthetic.SyntheticEbmData;
import io.sparkxai.jobs.CommandRun.Measured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ebm-merge end to end through Main on local[2]: two models trained by ebm-train on different rows
 * (with different bins) merge into one saved model that ebm-explain reads; bad usage is refused in
 * one line, before Spark starts where it can be.
 */
class EbmMergeCommandTest {

  @TempDir static Path tmp;
  private static Path first;
  private static Path second;

  @BeforeAll
  static void trainTwoModels() throws Exception {
    Path a = write("a.csv", 0, 1200);
    Path b = write("b.csv", 1, 900);
    first = tmp.resolve("first");
    second = tmp.resolve("second");
    for (Path[] p : new Path[][] {{a, first}, {b, second}}) {
      run("ebm-train", "--master", "local[2]", "--train", p[0].toString(), "--label", "label", "--interactions",
          "1", "--outer-bags", "2", "--max-rounds", "100", "--learning-rate", "0.1", "--model-out", p[1].toString())
          .assertOk();
    }
  }

  private static Path write(String name, int split, int rows) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("x0,x1,c0,label");
    for (SyntheticEbmData.Sample s : new SyntheticEbmData(3).generate(split, rows)) {
      lines.add(String.format(Locale.ROOT, "%.4f,%.4f,%s,%s", s.x()[0], s.x()[1], s.c0Level(), s.y()));
    }
    return Files.write(tmp.resolve(name), lines);
  }

  @Test
  void mergesSavedModelsIntoOneThatExplains() throws Exception {
    Path merged = tmp.resolve("merged");
    Measured r = runMeasured(tmp, "ebm-merge", "--master", "local[2]", "--models", first + "," + second,
        "--model-out", merged.toString());
    assertTrue(r.out().startsWith("ebm-merge: 2 models merged into 4 terms over 3 features"), r.out());
    assertTrue(Files.isDirectory(merged.resolve("metadata")) && Files.isRegularFile(merged.resolve("data/model.json")));
    JsonNode m = r.metrics();
    assertEquals(2, m.get("models").size());
    assertEquals(1200 + 900, m.get("weights").get(0).asDouble() + m.get("weights").get(1).asDouble(), 1e-6,
        "default weights: the models' training rows");
    assertEquals("binary", m.get("task").asText());
    assertEquals(4, m.get("bags").asInt(), "the two bags of each model");
    run("ebm-explain", "--master", "local[2]", "--model", merged.toString(), "--input", tmp.resolve("b.csv")
        .toString(), "--output", tmp.resolve("why").toString()).assertOk();
    assertTrue(Files.isRegularFile(tmp.resolve("why/global.json")));

    Path weighted = tmp.resolve("weighted");
    run("ebm-merge", "--master", "local[2]", "--models", first + "," + second, "--weights", "1,3", "--model-out",
        weighted.toString()).assertOk();
    assertTrue(Files.readString(weighted.resolve("data/model.json")).contains("\"mergeWeights\" : \"1.0, 3.0\""));
  }

  @Test
  void badUsageIsRefusedInOneLine() throws Exception {
    String models = first + "," + second;
    run("ebm-merge", "--models", first.toString(), "--model-out", tmp.resolve("x").toString())
        .assertUsageError("--models needs two or more saved models, got 1");
    run("ebm-merge", "--models", first + "," + tmp.resolve("nothing"), "--model-out", tmp.resolve("x").toString())
        .assertUsageError("--models", "no such file or folder");
    run("ebm-merge", "--models", first + "," + tmp, "--model-out", tmp.resolve("x").toString())
        .assertUsageError("--models", "not a saved model");
    run("ebm-merge", "--models", models, "--weights", "1", "--model-out", tmp.resolve("x").toString())
        .assertUsageError("--weights has 1 values for 2 models");
    run("ebm-merge", "--models", models).assertUsageError("--model-out is required");
    run("ebm-merge", "--models", models, "--model-out", first.toString())
        .assertUsageError("--model-out", "exists", "--overwrite");
    run("ebm-merge", "--master", "local[2]", "--models", models, "--weights", "1,-1", "--model-out",
        tmp.resolve("x").toString()).assertUsageError("the weight of model 2 must be finite and >= 0, got -1.0");
    assertTrue(!Files.exists(tmp.resolve("x")), "nothing is saved after a refusal");
  }
}
