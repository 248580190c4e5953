package io.sparkxai.jobs;

import static io.sparkxai.jobs.CommandRun.run;
import static io.sparkxai.jobs.CommandRun.runMeasured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkxai.jobs.CommandRun.Measured;
import io.sparkxai.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spark-xai lrp}: the flags, the output layout, the metrics, and one-line usage errors. */
class LrpCommandTest {

  @TempDir Path tmp;

  @Test
  void lenetWithToolboxRulesWritesRelevanceHeatmapsAndMetrics() throws Exception {
    Path model = SharedData.require("lrp_toolbox_models/LeNet-5.txt");
    Path input = SharedData.require("lrp_toolbox_mnist/lenet5_input.csv");
    Path out = tmp.resolve("r.csv");
    Measured r = runMeasured(tmp, "lrp", "--model", model.toString(), "--input", input.toString(), "--output",
        out.toString(), "--rule", "epsilon:0.01", "--first-rule", "wsquare", "--init", "output", "--target",
        "predicted", "--batch-size", "3", "--heatmaps", tmp.resolve("maps").toString(), "--master", "local[2]");
    assertTrue(r.out().startsWith("lrp: 8 row(s)"), r.out());
    List<String> lines = Files.readAllLines(out);
    assertEquals(8, lines.size());
    assertEquals(1024, lines.get(0).split(",").length);
    JsonNode m = r.metrics();
    assertEquals("[7,2,1,0,4,1,4,9]", m.get("predicted").toString());
    assertEquals("wsquare", m.get("rules").get("convolution_0").asText());
    assertEquals("epsilon:0.01", m.get("rules").get("convolution_3").asText());
    assertEquals(8, Files.list(tmp.resolve("maps")).count());
    double sum = 0;
    for (String v : lines.get(0).split(",")) {
      sum += Double.parseDouble(v);
    }
    assertEquals(m.get("relevance_sum").get(0).asDouble(), sum, 1e-4 * Math.abs(sum));
  }

  @Test
  void onnxWithCompositeAndFixedTarget() throws Exception {
    Path out = tmp.resolve("r.csv");
    CommandRun r = run("lrp", "--model", SharedData.require("onnx/cnn.onnx").toString(), "--input",
        SharedData.require("onnx/inputs.csv").toString(), "--output", out.toString(), "--composite", "EpsilonGammaBox",
        "--low", "-3", "--high", "3", "--zero-bias", "--target", "3", "--precision", "float64");
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(4, lines.size());
    for (String line : lines) {
      double sum = 0;
      for (String v : line.split(",")) {
        sum += Double.parseDouble(v);
      }
      assertEquals(1.0, sum, 1e-5, "zero-bias EpsilonGammaBox conserves the initial relevance 1");
    }
  }

  /** {@code lrp} on the ONNX CNN and its CSV inputs, with {@code extra} flags. */
  private CommandRun lrpOnCnn(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("lrp", "--model", SharedData.require("onnx/cnn.onnx").toString(),
        "--input", SharedData.require("onnx/inputs.csv").toString(), "--output", tmp.resolve("o.csv").toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(new String[0]));
  }

  @Test
  void usageErrors() throws Exception {
    lrpOnCnn("--rule", "z", "--composite", "EpsilonPlus").assertUsageError("--rule and --composite");
    lrpOnCnn("--rule", "epsilon:x").assertUsageError("--rule", "epsilon:x");
    lrpOnCnn("--composite", "Nope").assertUsageError("--composite", "Nope", "EpsilonGammaBox");
    lrpOnCnn("--first-rule", "nope").assertUsageError("--first-rule", "nope");
    lrpOnCnn("--low", "-1", "--high", "1").assertUsageError("--low and --high go with --composite EpsilonGammaBox");
    lrpOnCnn("--rule", "z", "--low", "-1").assertUsageError("--low and --high go with --composite EpsilonGammaBox");
    lrpOnCnn("--init", "zero").assertUsageError("--init zero", "one or output");
    lrpOnCnn("--target", "10").assertUsageError("--target 10");
    lrpOnCnn("--target", "first").assertUsageError("--target first", "predicted or a class index");
    lrpOnCnn("--precision", "float16").assertUsageError("float16");
    String input = SharedData.require("onnx/inputs.csv").toString();
    String out = tmp.resolve("o.csv").toString();
    run("lrp", "--model", tmp.resolve("none.onnx").toString(), "--input", input, "--output", out)
        .assertUsageError("--model", "no such file");
    String model = SharedData.require("onnx/cnn.onnx").toString();
    Path wide = tmp.resolve("wide.csv");
    Files.writeString(wide, "1,2,3\n");
    run("lrp", "--model", model, "--input", wide.toString(), "--output", out)
        .assertUsageError("3 values", "784");
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "1,x\n");
    run("lrp", "--model", model, "--input", bad.toString(), "--output", out)
        .assertUsageError("row 1 column 2", "'x'");
  }

  private static void grayPng(Path file, int size, long seed) throws Exception {
    java.util.Random r = new java.util.Random(seed);
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(size, size,
        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        img.getRaster().setSample(x, y, 0, r.nextInt(256));
      }
    }
    Files.createDirectories(file.getParent());
    javax.imageio.ImageIO.write(img, "png", file.toFile());
  }

  @Test
  void aFolderOfImagesOnSparkWithHeatmapsAndAnIndex() throws Exception {
    Path dir = tmp.resolve("images");
    for (int i = 0; i < 5; i++) {
      grayPng(dir.resolve("digit" + i + ".png"), 28, i);
    }
    grayPng(dir.resolve("small.png"), 20, 9);
    Files.write(dir.resolve("broken.jpg"), new byte[] {1, 2, 3});
    Path out = tmp.resolve("rel.csv");
    Path maps = tmp.resolve("maps");
    Measured r = runMeasured(tmp, "lrp", "--model", SharedData.require("onnx/cnn.onnx").toString(), "--input",
        dir.toString(), "--output", out.toString(), "--heatmaps", maps.toString(), "--heatmap-size", "100", "--overlay", "--mean", "0.5",
        "--std", "0.5", "--composite", "EpsilonGammaBox", "--low", "-1", "--high", "1", "--handle-invalid", "keep",
        "--partitions", "3", "--batch-size", "2", "--master", "local[2]", "--report", tmp.resolve("r.html").toString(),
        "--report-images", "3");
    assertTrue(r.out().startsWith("lrp: 7 image(s) in " + dir + ", 5 explained, 2 invalid (0 skipped)"), r.out());
    assertTrue(r.out().contains("; report in " + tmp.resolve("r.html")), r.out());
    String html = Files.readString(tmp.resolve("r.html"));
    assertEquals(3, html.split("class=\"image-row\"", -1).length - 1, "--report-images 3: the first 3 explained");
    assertTrue(html.contains("digit0.png") && html.contains("digit2.png") && !html.contains("digit3.png"),
        "in file-name order, the undecodable broken.jpg passed over");
    List<String> rows = Files.readAllLines(out);
    assertEquals(5, rows.size());
    assertEquals(784, rows.get(0).split(",").length);
    List<String> index = Files.readAllLines(Path.of(out + ".index.csv"));
    assertEquals(8, index.size());
    assertTrue(index.get(1).contains("broken.jpg") && index.get(1).contains("undecodable"), index.get(1));
    assertTrue(index.get(2).contains("digit0.png\",0,"), index.get(2));
    assertTrue(index.get(7).contains("small.png") && index.get(7).contains("20x20"), index.get(7));
    for (int i = 0; i < 5; i++) {
      assertEquals(112, javax.imageio.ImageIO.read(maps.resolve("digit" + i + ".png").toFile()).getWidth(),
          "28 px repeated 4 times: at least 100");
    }
    JsonNode m = r.metrics();
    assertEquals(7, m.get("counts").get("rows").asInt());
    assertEquals(1, m.get("counts").get("jvms").size());
    double sum = 0;
    for (String v : rows.get(2).split(",")) {
      sum += Double.parseDouble(v);
    }
    assertEquals(m.get("index").get(3).get("relevance_sum").asDouble(), sum, 1e-4 * Math.abs(sum) + 1e-6);
    run("lrp", "--model", SharedData.require("onnx/cnn.onnx").toString(), "--input", dir.toString(),
        "--output", out.toString(), "--mean", "1,2,3").assertUsageError("mean has 3 values");
    run("lrp", "--model", SharedData.require("onnx/cnn.onnx").toString(), "--input", dir.toString(),
        "--output", out.toString(), "--heatmap-size", "64").assertUsageError("--heatmap-size 64: goes with --heatmaps");
    run("lrp", "--model", SharedData.require("onnx/cnn.onnx").toString(), "--input",
        SharedData.require("onnx/inputs.csv").toString(), "--output", out.toString(), "--resize")
        .assertUsageError("folder of images");
    run("lrp", "--model", SharedData.require("onnx/cnn.onnx").toString(), "--input", dir.toString(),
        "--output", out.toString(), "--report", "r.html", "--report-images", "0")
        .assertUsageError("--report-images must be in 1..1000, got 0");
  }
}
