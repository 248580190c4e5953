package io.sparkxai.nn.toolbox;

import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.ModelFormatException;
import io.sparkxai.nn.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads lrp_toolbox's plain-text model format (Lapuschkin et al. 2016, "The LRP Toolbox for
 * Artificial Neural Networks", JMLR 17(114)): one layer per block,
 * <pre>
 *   Linear m n                 then a line of m*n weights W[m,n] (row-major) and a line of n biases
 *   Convolution h w d n s0 s1  then h*w*d*n weights W[h,w,d,n] and n biases ("valid" convolution)
 *   SumPool h w s0 s1 | MaxPool h w s0 s1 | Rect | Tanh | SoftMax | Flatten
 * </pre>
 * The toolbox computes on NHWC data; the graph computes on C,H,W and declares an {@link InputLayout#HWC}
 * input, so users keep the toolbox's row layout. {@code SumPool} multiplies the window sum by
 * 1/sqrt(h*w) in the forward pass ({@link Layer.SumPool2d}); {@code Flatten} flattens in H,W,C order.
 */
public final class LrpToolboxReader {

  private LrpToolboxReader() {}

  /**
   * Reads a model whose input is {@code inputLength} values per sample: a vector when the first
   * layer is Linear, else a square image with the first convolution's channel count.
   */
  public static Graph read(Path file, int inputLength) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return parse(lines, file.toString(), inputLength);
  }

  /** Parses the text of a model; {@code source} names it in errors. */
  public static Graph parse(List<String> rawLines, String source, int inputLength) {
    List<String> lines = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    for (int i = 0; i < rawLines.size(); i++) {
      String l = rawLines.get(i).strip();
      if (!l.isEmpty()) {
        lines.add(l);
        lineNumbers.add(i + 1);
      }
    }
    if (lines.isEmpty()) {
      throw new ModelFormatException(source + ": empty lrp_toolbox model file");
    }
    List<Node> nodes = new ArrayList<>();
    int[] inputShape = null;
    String previous = "input";
    int i = 0;
    while (i < lines.size()) {
      String[] head = lines.get(i).split("\\s+");
      String name = head[0].toLowerCase(Locale.ROOT) + "_" + nodes.size();
      Layer layer = layer(head, lines, lineNumbers, i, source);
      boolean weighted = layer instanceof Layer.Linear || layer instanceof Layer.Conv2d;
      if (inputShape == null && layer instanceof Layer.Linear l) {
        inputShape = new int[] {l.in()};
      } else if (inputShape == null && layer instanceof Layer.Conv2d c) {
        inputShape = squareImage(inputLength, c.inChannels(), source);
      } else if (inputShape == null) {
        throw new ModelFormatException(source + ": the first layer must be Linear or Convolution, got " + head[0]);
      }
      nodes.add(Node.of(name, layer, previous));
      previous = name;
      i += weighted ? 3 : 1; // a weighted layer's head line is followed by its weights and its biases
    }
    try {
      return new Graph("input", inputShape, inputShape.length == 3 ? InputLayout.HWC : InputLayout.CHW, nodes, null);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(source + ": " + e.getMessage(), e);
    }
  }

  /** The layer whose head line is {@code lines[i]}, split as {@code head}. */
  private static Layer layer(String[] head, List<String> lines, List<Integer> lineNumbers, int i, String source) {
    int at = lineNumbers.get(i);
    return switch (head[0]) {
      case "Linear" -> linear(intArg(head, 1, source, at), intArg(head, 2, source, at), lines, lineNumbers, i, source);
      case "Convolution" -> convolution(head, lines, lineNumbers, i, source);
      case "SumPool", "MaxPool" -> {
        int h = intArg(head, 1, source, at);
        int w = intArg(head, 2, source, at);
        int[] stride = {intArg(head, 3, source, at), intArg(head, 4, source, at)};
        yield head[0].equals("SumPool") ? new Layer.SumPool2d(h, w, stride, 1.0 / Math.sqrt(h * w))
            : new Layer.MaxPool2d(h, w, stride, null, false);
      }
      case "Rect" -> new Layer.ReLU();
      case "Tanh" -> new Layer.Tanh();
      case "SoftMax" -> new Layer.Softmax(0);
      case "Flatten" -> new Layer.Flatten(true);
      default -> throw new ModelFormatException(source + " line " + at + ": unknown lrp_toolbox layer '" + head[0]
          + "'; known: Linear, Convolution, SumPool, MaxPool, Rect, Tanh, SoftMax, Flatten");
    };
  }

  /** {@code Linear m n}: weights stored [m][n] (in, out), ours are [out][in]. */
  private static Layer.Linear linear(int m, int n, List<String> lines, List<Integer> lineNumbers, int i,
      String source) {
    double[] w = values(lines, lineNumbers, i + 1, m * n, source, "weights");
    double[] b = values(lines, lineNumbers, i + 2, n, source, "biases");
    double[] t = new double[m * n];
    for (int r = 0; r < m; r++) {
      for (int c = 0; c < n; c++) {
        t[c * m + r] = w[r * n + c];
      }
    }
    return new Layer.Linear(m, n, t, b);
  }

  /** {@code Convolution h w d n s0 s1}: weights stored [h][w][d][n], ours are [n][d][h][w]. */
  private static Layer.Conv2d convolution(String[] head, List<String> lines, List<Integer> lineNumbers, int i,
      String source) {
    int at = lineNumbers.get(i);
    int h = intArg(head, 1, source, at);
    int w = intArg(head, 2, source, at);
    int d = intArg(head, 3, source, at);
    int n = intArg(head, 4, source, at);
    int s0 = intArg(head, 5, source, at);
    int s1 = intArg(head, 6, source, at);
    double[] hwdn = values(lines, lineNumbers, i + 1, h * w * d * n, source, "weights");
    double[] b = values(lines, lineNumbers, i + 2, n, source, "biases");
    double[] oihw = new double[hwdn.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < d; c++) {
          for (int o = 0; o < n; o++) {
            oihw[((o * d + c) * h + y) * w + x] = hwdn[((y * w + x) * d + c) * n + o];
          }
        }
      }
    }
    return new Layer.Conv2d(d, n, h, w, new int[] {s0, s1}, null, null, 1, oihw, b);
  }

  private static int[] squareImage(int inputLength, int channels, String source) {
    int pixels = inputLength / channels;
    int side = (int) Math.round(Math.sqrt(pixels));
    if (inputLength <= 0 || inputLength % channels != 0 || side * side != pixels) {
      throw new ModelFormatException(source + ": an input of " + inputLength + " values is not a square image with "
          + channels + " channel(s)");
    }
    return new int[] {channels, side, side};
  }

  private static int intArg(String[] head, int k, String source, int line) {
    try {
      return Integer.parseInt(head[k]);
    } catch (RuntimeException e) {
      throw new ModelFormatException(source + " line " + line + ": '" + String.join(" ", head) + "' needs an integer"
          + " argument " + k);
    }
  }

  private static double[] values(List<String> lines, List<Integer> numbers, int index, int expected, String source,
      String what) {
    if (index >= lines.size()) {
      throw new ModelFormatException(source + ": file ends where " + expected + " " + what + " were expected"
          + " (truncated?)");
    }
    String[] parts = lines.get(index).split("\\s+");
    if (parts.length != expected) {
      throw new ModelFormatException(source + " line " + numbers.get(index) + ": expected " + expected + " " + what
          + ", found " + parts.length);
    }
    double[] v = new double[expected];
    for (int k = 0; k < expected; k++) {
      try {
        v[k] = Double.parseDouble(parts[k]);
      } catch (NumberFormatException e) {
        throw new ModelFormatException(source + " line " + numbers.get(index) + ": '" + parts[k] + "' is not a number");
      }
    }
    return v;
  }
}
