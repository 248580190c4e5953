package io.sparkxai.nn.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import io.sparkxai.nn.BatchNormFolding;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.ModelFormatException;
import io.sparkxai.nn.onnx.proto.OnnxProto.ModelProto;
import io.sparkxai.nn.onnx.proto.OnnxProto.OperatorSetIdProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads an ONNX model (opset 11 to 17) into a {@link Graph}. Supported operators: Conv, Gemm,
 * MatMul (with a constant right-hand side; a following Add of a constant becomes its bias), Relu,
 * LeakyRelu, Tanh, Sigmoid, MaxPool, AveragePool, GlobalAveragePool, BatchNormalization, Flatten,
 * Reshape (constant shape), Add, Concat, Softmax, Identity, Dropout, Constant and Pad (constant
 * mode). Anything else fails at import, naming the operator and the node. The model's first batch
 * axis is dropped: shapes in the graph are per sample.
 */
public final class OnnxReader {

  /** The operators this reader understands. */
  public static final Set<String> SUPPORTED = Set.of("Conv", "Gemm", "MatMul", "Relu", "LeakyRelu", "Tanh",
      "Sigmoid", "MaxPool", "AveragePool", "GlobalAveragePool", "BatchNormalization", "Flatten", "Reshape", "Add",
      "Concat", "Softmax", "Identity", "Dropout", "Constant", "Pad");
  /** Lowest supported default-domain opset. */
  public static final int MIN_OPSET = 11;
  /** Highest supported default-domain opset. */
  public static final int MAX_OPSET = 17;

  private OnnxReader() {}

  /** Reads a model file as it is. */
  public static Graph read(Path file) throws IOException {
    return read(file, false);
  }

  /**
   * Reads a model file.
   *
   * @param foldBatchNorm fold every BatchNormalization that follows a Conv or Gemm into it
   */
  public static Graph read(Path file, boolean foldBatchNorm) throws IOException {
    return parse(Files.readAllBytes(file), file.toString(), foldBatchNorm);
  }

  /** Parses model bytes; {@code source} names them in errors. */
  public static Graph parse(byte[] bytes, String source, boolean foldBatchNorm) {
    ModelProto model;
    try {
      model = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new ModelFormatException(source + ": not an ONNX model, or a truncated one (" + e.getMessage() + ")", e);
    }
    if (!model.hasGraph() || model.getGraph().getNodeCount() == 0 || model.getIrVersion() <= 0) {
      throw new ModelFormatException(source + ": not an ONNX model (no IR version or no graph with nodes)");
    }
    int opset = -1;
    for (OperatorSetIdProto o : model.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        opset = (int) o.getVersion();
      }
    }
    if (opset < MIN_OPSET || opset > MAX_OPSET) {
      throw new ModelFormatException(source + ": ONNX opset " + (opset < 0 ? "(none)" : opset)
          + " is not supported; supported opsets: " + MIN_OPSET + " to " + MAX_OPSET);
    }
    Graph g = new OnnxImporter(model.getGraph(), source, opset).build();
    return foldBatchNorm ? BatchNormFolding.fold(g) : g;
  }
}
