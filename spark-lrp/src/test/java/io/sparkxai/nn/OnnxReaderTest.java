package io.sparkxai.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.sparkxai.nn.onnx.OnnxReader;
import io.sparkxai.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing ONNX: operators, BatchNorm folding, and clear failures on what is not supported. */
class OnnxReaderTest {

  @TempDir Path tmp;

  static double[] forward(Graph g, double[] rows, int n) {
    try (DeviceGraph dg = new DeviceGraph(g, Device.cpu(), DataType.FLOAT64); NDManager m = NDManager.newBaseManager()) {
      return dg.forward(dg.input(m, rows, n)).toDoubleArray();
    }
  }

  @Test
  void batchNormIsFoldedOnRequestAndTheFunctionIsKept() {
    byte[] model = OnnxModels.resNetWithBatchNorm(7);
    Graph plain = OnnxReader.parse(model, "resnet-bn", false);
    Graph folded = OnnxReader.parse(model, "resnet-bn", true);
    assertEquals(3, plain.nodes().stream().filter(n -> n.layer() instanceof Layer.BatchNorm).count());
    assertEquals(0, folded.nodes().stream().filter(n -> n.layer() instanceof Layer.BatchNorm).count());
    assertEquals(plain.nodes().size() - 3, folded.nodes().size());
    assertEquals(List.of("conv2", "stem_relu"), folded.node("residual").inputs());
    double[] x = OnnxModels.randomRows(5, 128, 3);
    double[] a = forward(plain, x, 5);
    double[] b = forward(folded, x, 5);
    double max = Arrays.stream(a).map(Math::abs).max().orElse(1);
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-5 * max, "output " + i);
    }
    for (int i = 0; i < a.length; i++) {
      assertTrue(Math.abs(a[i]) > 1e-3, "outputs are not trivially zero");
    }
  }

  @Test
  void unsupportedOperatorNamesOpAndNode() {
    byte[] model = new OnnxModels(1).input("x", 4).node("Erf", "my_erf", new String[] {"x"}, new String[] {"y"})
        .output("y").bytes();
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> OnnxReader.parse(model, "m.onnx", false));
    assertTrue(e.getMessage().contains("'Erf'") && e.getMessage().contains("'my_erf'"), e.getMessage());
  }

  @Test
  void truncatedFileFailsClearly() throws Exception {
    byte[] full = Files.readAllBytes(SharedData.require("onnx/cnn.onnx"));
    Path cut = tmp.resolve("cut.onnx");
    Files.write(cut, Arrays.copyOf(full, full.length / 2));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> OnnxReader.read(cut));
    assertTrue(e.getMessage().contains("cut.onnx") && e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void nonOnnxFileFailsClearly() throws Exception {
    Path text = tmp.resolve("notes.onnx");
    Files.writeString(text, "this is not a model\n");
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> OnnxReader.read(text));
    assertTrue(e.getMessage().contains("notes.onnx") && e.getMessage().contains("not an ONNX model"), e.getMessage());
  }

  @Test
  void opsetOutsideTheSupportedRangeFails() {
    byte[] model = new OnnxModels(1).opset(9).input("x", 4).node("Relu", "r", new String[] {"x"},
        new String[] {"y"}).output("y").bytes();
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> OnnxReader.parse(model, "old", false));
    assertTrue(e.getMessage().contains("opset 9"), e.getMessage());
  }

  @Test
  void shapeMismatchNamesTheNode() {
    byte[] model = new OnnxModels(1).input("x", 3, 8, 8).random("w", -1, 1, 4, 2, 3, 3)
        .node("Conv", "bad_conv", new String[] {"x", "w"}, new String[] {"y"}, "kernel_shape", new long[] {3, 3})
        .output("y").bytes();
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> OnnxReader.parse(model, "m", false));
    assertTrue(e.getMessage().contains("bad_conv") && e.getMessage().contains("input channels"), e.getMessage());
  }

  @Test
  void kitchenSinkImportsEveryOperator() {
    Graph g = OnnxReader.parse(OnnxModels.kitchenSink(5), "sink", false);
    assertEquals(List.of("Conv2d", "LeakyReLU", "Conv2d", "ReLU", "MaxPool2d", "Pad", "AvgPool2d", "Conv2d", "Concat",
        "Reshape", "Linear", "Sigmoid", "Linear", "Softmax"), g.nodes().stream().map(n -> n.layer().kind()).toList());
    assertEquals("[6, 5, 4]", Arrays.toString(g.shape("c1")));
    assertEquals("[6, 5, 5]", Arrays.toString(g.shape("c2")));
    assertEquals("[8, 2, 2]", Arrays.toString(g.shape("cat")));
    assertEquals("[4]", Arrays.toString(g.outputShape()));
  }
}
