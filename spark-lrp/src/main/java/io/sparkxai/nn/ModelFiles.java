package io.sparkxai.nn;

import io.sparkxai.nn.onnx.OnnxReader;
import io.sparkxai.nn.toolbox.LrpToolboxReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a model file by its extension: {@code .onnx} (ONNX) or {@code .txt} (lrp_toolbox's text format). */
public final class ModelFiles {

  private ModelFiles() {}

  /**
   * Reads a model.
   *
   * @param inputLength values per input sample; lrp_toolbox files do not declare their input shape, so
   *     a convolutional one takes a square image of this many values (ignored for ONNX)
   * @param foldBatchNorm fold BatchNorms into the Conv/Linear before them
   */
  public static Graph read(Path file, int inputLength, boolean foldBatchNorm) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ModelFormatException(file + ": no such model file");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Graph g;
    if (name.endsWith(".onnx")) {
      g = OnnxReader.read(file, false);
    } else if (name.endsWith(".txt")) {
      g = LrpToolboxReader.read(file, inputLength);
    } else {
      throw new ModelFormatException(file + ": unknown model format; expected a .onnx file or an lrp_toolbox .txt"
          + " file");
    }
    return foldBatchNorm ? BatchNormFolding.fold(g) : g;
  }
}
