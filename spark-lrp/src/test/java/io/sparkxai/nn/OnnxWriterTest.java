package io.sparkxai.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.nn.onnx.OnnxReader;
import io.sparkxai.nn.onnx.OnnxWriter;
import io.sparkxai.nn.toolbox.LrpToolboxReader;
import io.sparkxai.testkit.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing graphs as ONNX: what the reader reads back computes the same function. */
class OnnxWriterTest {

  @TempDir Path tmp;

  private static void roundTrip(Graph g, int inputs, String what) {
    Graph back = OnnxReader.parse(OnnxWriter.toBytes(g), what, false);
    assertEquals(g.nodes().stream().map(n -> n.layer().kind()).toList(),
        back.nodes().stream().map(n -> n.layer().kind()).toList(), what + ": layers");
    assertArrayEquals(g.inputShape(), back.inputShape());
    double[] x = OnnxModels.randomRows(3, inputs, 11);
    // float32 weights read back exactly, so the float64 forward passes agree to the last bit
    assertArrayEquals(OnnxReaderTest.forward(g, x, 3), OnnxReaderTest.forward(back, x, 3), 0.0, what);
  }

  @Test
  void everyOperatorTheReaderKnows() {
    roundTrip(OnnxReader.parse(OnnxModels.kitchenSink(3), "sink", false), 3 * 9 * 9, "kitchen sink");
  }

  @Test
  void batchNormAndResidualAdd() {
    roundTrip(OnnxReader.parse(OnnxModels.resNetWithBatchNorm(4), "resnet-bn", false), 2 * 8 * 8, "resnet-bn");
  }

  @Test
  void pyTorchExportsAndAFileOnDisk() throws Exception {
    for (String f : List.of("onnx/cnn.onnx", "onnx/resnet.onnx")) {
      Graph g = OnnxReader.read(SharedData.require(f));
      Path out = tmp.resolve(Path.of(f).getFileName());
      OnnxWriter.write(g, out);
      assertArrayEquals(OnnxReaderTest.forward(g, OnnxModels.randomRows(2, 784, 5), 2),
          OnnxReaderTest.forward(OnnxReader.read(out), OnnxModels.randomRows(2, 784, 5), 2), 0.0, f);
    }
  }

  @Test
  void lrpToolboxLayoutsHaveNoOnnxForm() throws Exception {
    Graph lenet = LrpToolboxReader.read(SharedData.require("lrp_toolbox_models/LeNet-5.txt"), 1024);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxWriter.toBytes(lenet));
    assertTrue(e.getMessage().contains("HWC"), e.getMessage());
  }
}
