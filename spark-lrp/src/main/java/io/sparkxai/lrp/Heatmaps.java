package io.sparkxai.lrp;

import io.sparkxai.nn.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Relevance maps as pictures: channels summed per pixel, scaled by the map's largest |R|, drawn with
 * a diverging colormap centred at 0 (positive red, negative blue, zero white), as zennit's and
 * lrp_toolbox's heatmaps are. {@link #overlay} blends a heatmap over the input picture so that the
 * relevance can be read against what the model saw.
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

  /**
   * A heatmap drawn over the input: each pixel is {@code (1 - a) * gray + a * heat}, where
   * {@code gray} is the input's luminance (ITU-R BT.601 weights), {@code heat} the heatmap's colour
   * and {@code a = 0.35 + 0.65 * |v|} grows with the pixel's share {@code |v|} of the largest
   * relevance (read back from the heatmap's colour), so that strong relevance stands out and the
   * picture shows through where there is none.
   *
   * @param heat a heatmap from {@link #render}
   * @param rgb the input picture, {@code 0xRRGGBB} per pixel, row-major, the heatmap's size
   */
  public static BufferedImage overlay(BufferedImage heat, int[] rgb) {
    int w = heat.getWidth();
    int h = heat.getHeight();
    if (rgb.length != w * h) {
      throw new IllegalArgumentException("overlay needs " + (w * h) + " pixels, got " + rgb.length);
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = rgb[y * w + x];
        double gray = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
        int c = heat.getRGB(x, y);
        int r = (c >> 16) & 0xFF;
        int g = (c >> 8) & 0xFF;
        int b = c & 0xFF;
        double strength = (255 - g) / 255.0; // both colours fade the green channel by |v|
        double a = 0.35 + 0.65 * strength;
        int rr = (int) Math.round((1 - a) * gray + a * r);
        int gg = (int) Math.round((1 - a) * gray + a * g);
        int bb = (int) Math.round((1 - a) * gray + a * b);
        out.setRGB(x, y, (rr << 16) | (gg << 8) | bb);
      }
    }
    return out;
  }

  /**
   * The picture at least {@code atLeast} pixels on its longer side, each pixel repeated as a square
   * of {@code ceil(atLeast / max(width, height))} pixels (nearest neighbour: no blur between input
   * pixels); the picture itself when it is that large already or {@code atLeast <= 0}.
   */
  public static BufferedImage upscale(BufferedImage img, int atLeast) {
    int w = img.getWidth();
    int h = img.getHeight();
    int factor = factorFor(Math.max(w, h), atLeast);
    if (factor == 1) {
      return img;
    }
    BufferedImage out = new BufferedImage(w * factor, h * factor, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h * factor; y++) {
      for (int x = 0; x < w * factor; x++) {
        out.setRGB(x, y, img.getRGB(x / factor, y / factor));
      }
    }
    return out;
  }

  /** The whole factor that makes {@code side} pixels at least {@code atLeast}; 1 when it already is. */
  public static int factorFor(int side, int atLeast) {
    return atLeast <= side ? 1 : (atLeast + side - 1) / side;
  }

  /** The picture as PNG bytes. */
  public static byte[] png(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, "png", out)) {
        throw new IOException("no PNG writer available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes a PNG atomically (a temporary file beside it, then renamed). */
  public static void writePng(BufferedImage img, Path target) throws IOException {
    byte[] bytes;
    try {
      bytes = png(img);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    AtomicFile.write(target, bytes);
  }

  /** Writes PNG bytes (a {@code heatmapCol} value) atomically. */
  public static void writePng(byte[] png, Path target) throws IOException {
    AtomicFile.write(target, png);
  }
}
