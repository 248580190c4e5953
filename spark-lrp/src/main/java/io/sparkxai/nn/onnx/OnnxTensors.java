package io.sparkxai.nn.onnx;

import com.google.protobuf.ByteString;
import io.sparkxai.nn.ModelFormatException;
import io.sparkxai.nn.onnx.proto.OnnxProto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Decoding ONNX tensors (float, double, int32, int64; raw little-endian data or typed fields). */
final class OnnxTensors {

  static final int FLOAT = 1;
  static final int INT32 = 6;
  static final int INT64 = 7;
  static final int DOUBLE = 11;

  private OnnxTensors() {}

  /** A decoded constant: its dims and values as doubles. */
  record Constant(long[] dims, double[] values) {
    long count() {
      long n = 1;
      for (long d : dims) {
        n *= d;
      }
      return n;
    }

    long[] asLongs() {
      long[] out = new long[values.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (long) values[i];
      }
      return out;
    }
  }

  static Constant decode(TensorProto t, String where) {
    if (t.getDataLocation() == 1) {
      throw new ModelFormatException(where + ": tensor '" + t.getName() + "' keeps its data in an external file,"
          + " which is not supported; save the model with the weights inside");
    }
    long[] dims = new long[t.getDimsCount()];
    long n = 1;
    for (int i = 0; i < dims.length; i++) {
      dims[i] = t.getDims(i);
      n *= dims[i];
    }
    if (n > Integer.MAX_VALUE) {
      throw new ModelFormatException(where + ": tensor '" + t.getName() + "' is too large");
    }
    int count = (int) n;
    double[] v = new double[count];
    ByteString raw = t.getRawData();
    int type = t.getDataType();
    if (!raw.isEmpty()) {
      ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      int width = switch (type) {
        case FLOAT, INT32 -> 4;
        case INT64, DOUBLE -> 8;
        default -> throw unsupported(t, where);
      };
      if (b.remaining() != (long) count * width) {
        throw new ModelFormatException(where + ": tensor '" + t.getName() + "' has " + b.remaining()
            + " bytes of data, expected " + ((long) count * width) + " (truncated file?)");
      }
      for (int i = 0; i < count; i++) {
        v[i] = switch (type) {
          case FLOAT -> b.getFloat();
          case INT32 -> b.getInt();
          case INT64 -> b.getLong();
          default -> b.getDouble();
        };
      }
      return new Constant(dims, v);
    }
    int have = switch (type) {
      case FLOAT -> t.getFloatDataCount();
      case INT32 -> t.getInt32DataCount();
      case INT64 -> t.getInt64DataCount();
      case DOUBLE -> t.getDoubleDataCount();
      default -> throw unsupported(t, where);
    };
    if (have != count) {
      throw new ModelFormatException(where + ": tensor '" + t.getName() + "' has " + have + " values, its dims say "
          + count);
    }
    for (int i = 0; i < count; i++) {
      v[i] = switch (type) {
        case FLOAT -> t.getFloatData(i);
        case INT32 -> t.getInt32Data(i);
        case INT64 -> t.getInt64Data(i);
        default -> t.getDoubleData(i);
      };
    }
    return new Constant(dims, v);
  }

  private static ModelFormatException unsupported(TensorProto t, String where) {
    return new ModelFormatException(where + ": tensor '" + t.getName() + "' has ONNX data type " + t.getDataType()
        + "; supported: float (1), int32 (6), int64 (7), double (11)");
  }
}
