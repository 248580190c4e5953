package io.sparkxai.lrp;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Relevance maps as pictures: channels summed per pixel, scaled by the map's largest |R|, drawn with
 * a diverging colormap centred at 0 (positive red, negative blue, zero white), as zennit's and
 * lrp_toolbox's heatmaps are.
 */
public final class Heatmaps {

  private Heatmaps() {}

  /**
   * The heatmap of one relevance map.
   *
   * @param relevance the map, {@code channels * height * width} values
   * @param channelsLast whether values are in H,W,C order (else C,H,W)
   */
  public static BufferedImage render(double[] relevance, int channels, int height, int width, boolean channelsLast) {
    double[] pixel = new double[height * width];
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int i = channelsLast ? (y * width + x) * channels + c : (c * height + y) * width + x;
          pixel[y * width + x] += relevance[i];
        }
      }
    }
    double max = 0;
    for (double v : pixel) {
      max = Math.max(max, Math.abs(v));
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double v = max == 0 ? 0 : pixel[y * width + x] / max;
        int fade = (int) Math.round(255 * (1 - Math.abs(v)));
        int rgb = v >= 0 ? (255 << 16) | (fade << 8) | fade : (fade << 16) | (fade << 8) | 255;
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  /** Writes a PNG atomically (a temporary file beside it, then renamed). */
  public static void writePng(BufferedImage img, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      if (!ImageIO.write(img, "png", tmp.toFile())) {
        throw new IOException("no PNG writer available");
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
