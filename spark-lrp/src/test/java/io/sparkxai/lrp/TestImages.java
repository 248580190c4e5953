package io.sparkxai.lrp;

import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.Node;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** PNG files and small colour models written by the tests, and an independent reading of the PNGs. */
final class TestImages {

  private TestImages() {}

  /** A gray PNG of random pixels. */
  static Path gray(Path dir, String name, int h, int w, long seed) throws IOException {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.getRaster().setSample(x, y, 0, r.nextInt(256));
      }
    }
    return write(img, dir.resolve(name));
  }

  /** A colour PNG (no alpha) of random pixels. */
  static Path colour(Path dir, String name, int h, int w, long seed) throws IOException {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, r.nextInt(1 << 24));
      }
    }
    return write(img, dir.resolve(name));
  }

  private static Path write(BufferedImage img, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer");
    }
    return file;
  }

  /**
   * A PNG read with ImageIO as C,H,W planes: gray as one plane, colour as R, G, B planes, each value
   * {@code (v / 255 - mean) / std}: the reference input, independent of the Spark image source.
   */
  static double[] chw(Path file, double mean, double std) throws IOException {
    BufferedImage img = ImageIO.read(file.toFile());
    int h = img.getHeight();
    int w = img.getWidth();
    boolean gray = img.getColorModel().getNumComponents() == 1;
    int c = gray ? 1 : 3;
    double[] out = new double[c * h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (gray) {
          out[y * w + x] = (img.getRaster().getSample(x, y, 0) / 255.0 - mean) / std;
        } else {
          int rgb = img.getRGB(x, y);
          int[] v = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
          for (int k = 0; k < 3; k++) {
            out[(k * h + y) * w + x] = (v[k] / 255.0 - mean) / std;
          }
        }
      }
    }
    return out;
  }

  /** A small random colour classifier: 3xHxW -> conv 4 (3x3, pad 1) -> relu -> maxpool 2 -> flatten -> dense 3. */
  static Graph colourModel(int h, int w, long seed) {
    Random r = new Random(seed);
    int[] one = {1, 1};
    int[] pad = {1, 1, 1, 1};
    int flat = 4 * (h / 2) * (w / 2);
    List<Node> nodes = List.of(
        Node.of("conv", new Layer.Conv2d(3, 4, 3, 3, one, pad, one, 1, gaussian(r, 4 * 3 * 9), gaussian(r, 4)), "x"),
        Node.of("relu", new Layer.ReLU(), "conv"),
        Node.of("pool", new Layer.MaxPool2d(2, 2, new int[] {2, 2}, null, false), "relu"),
        Node.of("flat", new Layer.Flatten(false), "pool"),
        Node.of("fc", new Layer.Linear(flat, 3, gaussian(r, 3 * flat), gaussian(r, 3)), "flat"));
    return new Graph("x", new int[] {3, h, w}, InputLayout.CHW, nodes, null);
  }

  private static double[] gaussian(Random r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian() * 0.3;
    }
    return v;
  }
}
