package io.sparkxai.lrp;

import io.sparkxai.nn.InputLayout;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a decoded image becomes a model input, and how relevance maps go back to the image's layout.
 * Spark's {@code image} data source stores pixels as unsigned bytes, row-major height, width,
 * channel, with colour channels in B, G, R (, A) order, or one gray channel. The model takes
 * {@code [C, H, W]} values in its own layout; each value is {@code (pixel * scale - mean[c]) / std[c]}
 * with {@code c} the model's channel ({@code mean}/{@code std} hold one value or one per channel).
 *
 * <ul>
 *   <li>Channels: a 3-channel model takes a colour image in {@code channelOrder} (RGB or BGR); a
 *       4-channel one takes B, G, R, A reordered the same way; an alpha channel the model does not
 *       take is left out (its relevance is 0); a 1-channel model takes a gray image. Anything else is a
 *       wrong channel count.</li>
 *   <li>Size: an image of another height or width is an error unless {@code resize} is set; then it
 *       is resampled bilinearly (half-pixel centres, as OpenCV's and PIL's bilinear resize without
 *       antialiasing) to the model's size, and the relevance is at the model's size.</li>
 * </ul>
 *
 * @param resize resample images of another size to the model's
 * @param channelOrder the colour order the model expects: {@code RGB} or {@code BGR}
 * @param scale multiplies each pixel (0..255) first
 * @param mean subtracted after scaling, one value or one per model channel
 * @param std divides after the mean, one value or one per model channel
 */
public record Preprocessing(boolean resize, String channelOrder, double scale, double[] mean, double[] std)
    implements Serializable {

  /** Checks the values and copies the arrays. */
  public Preprocessing {
    channelOrder = channelOrder.toUpperCase(Locale.ROOT);
    if (!channelOrder.equals("RGB") && !channelOrder.equals("BGR")) {
      throw new IllegalArgumentException("channelOrder must be RGB or BGR, got " + channelOrder);
    }
    if (!Double.isFinite(scale) || scale == 0) {
      throw new IllegalArgumentException("scale must be finite and non-zero, got " + scale);
    }
    mean = mean.clone();
    std = std.clone();
    if (mean.length == 0 || std.length == 0) {
      throw new IllegalArgumentException("mean and std need at least one value");
    }
    for (double s : std) {
      if (!(s > 0) || !Double.isFinite(s)) {
        throw new IllegalArgumentException("std values must be > 0, got " + Arrays.toString(std));
      }
    }
    for (double m : mean) {
      if (!Double.isFinite(m)) {
        throw new IllegalArgumentException("mean values must be finite, got " + Arrays.toString(mean));
      }
    }
  }

  @Override public double[] mean() { return mean.clone(); }
  @Override public double[] std() { return std.clone(); }

  /** Fails unless {@code mean} and {@code std} fit a model of {@code channels} channels. */
  public void checkChannels(int channels) {
    if (mean.length != 1 && mean.length != channels) {
      throw new IllegalArgumentException("mean has " + mean.length + " values; the model has " + channels
          + " channel(s): give 1 or " + channels);
    }
    if (std.length != 1 && std.length != channels) {
      throw new IllegalArgumentException("std has " + std.length + " values; the model has " + channels
          + " channel(s): give 1 or " + channels);
    }
  }

  /**
   * For each model channel, the image channel it reads.
   *
   * @throws InvalidInput when the counts do not fit
   */
  int[] channelMap(int modelChannels, int imageChannels) {
    boolean rgb = channelOrder.equals("RGB");
    if (modelChannels == 3 && (imageChannels == 3 || imageChannels == 4)) {
      return rgb ? new int[] {2, 1, 0} : new int[] {0, 1, 2};
    }
    if (modelChannels == 4 && imageChannels == 4) {
      return rgb ? new int[] {2, 1, 0, 3} : new int[] {0, 1, 2, 3};
    }
    if (modelChannels == imageChannels && modelChannels != 3) {
      int[] id = new int[modelChannels];
      for (int i = 0; i < id.length; i++) {
        id[i] = i;
      }
      return id;
    }
    throw new InvalidInput("image has " + imageChannels + " channel(s) (" + describe(imageChannels)
        + "), the model takes " + modelChannels);
  }

  private static String describe(int channels) {
    return switch (channels) {
      case 1 -> "gray";
      case 3 -> "colour";
      case 4 -> "colour with alpha";
      default -> "unknown";
    };
  }

  /**
   * An image's pixels at the model's size, as doubles in the image's own layout (H, W, C, stored
   * channel order): the image itself, or its bilinear resampling when {@code resize} is set.
   *
   * @throws InvalidInput when the size differs and {@code resize} is off, or the data is short
   */
  double[] pixels(byte[] data, int height, int width, int channels, int modelH, int modelW) {
    if ((long) height * width * channels != data.length) {
      throw new InvalidInput("image data has " + data.length + " bytes, not height*width*nChannels = " + height
          + "*" + width + "*" + channels);
    }
    if (height == modelH && width == modelW) {
      double[] out = new double[data.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = data[i] & 0xFF;
      }
      return out;
    }
    if (!resize) {
      throw new InvalidInput("image is " + height + "x" + width + " (height x width), the model takes " + modelH + "x"
          + modelW + "; set resize=true to resample");
    }
    return bilinear(data, height, width, channels, modelH, modelW);
  }

  /** Bilinear resampling with half-pixel centres: {@code src = (dst + 0.5) * in / out - 0.5}, clamped. */
  static double[] bilinear(byte[] data, int h, int w, int c, int outH, int outW) {
    double[] out = new double[outH * outW * c];
    double sy = (double) h / outH;
    double sx = (double) w / outW;
    for (int y = 0; y < outH; y++) {
      double fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), h - 1);
      int y0 = (int) fy;
      int y1 = Math.min(y0 + 1, h - 1);
      double dy = fy - y0;
      for (int x = 0; x < outW; x++) {
        double fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), w - 1);
        int x0 = (int) fx;
        int x1 = Math.min(x0 + 1, w - 1);
        double dx = fx - x0;
        for (int k = 0; k < c; k++) {
          double a = data[(y0 * w + x0) * c + k] & 0xFF;
          double b = data[(y0 * w + x1) * c + k] & 0xFF;
          double d = data[(y1 * w + x0) * c + k] & 0xFF;
          double e = data[(y1 * w + x1) * c + k] & 0xFF;
          out[(y * outW + x) * c + k] = (1 - dy) * ((1 - dx) * a + dx * b) + dy * ((1 - dx) * d + dx * e);
        }
      }
    }
    return out;
  }

  /**
   * Writes one model input row from image pixels at the model's size ({@link #pixels}).
   *
   * @param chw the model's input shape {C, H, W}
   * @param layout the model's input layout
   * @param out the batch buffer; the row starts at {@code offset}
   */
  void toModel(double[] pixels, int imageChannels, int[] chw, InputLayout layout, double[] out, int offset) {
    int c = chw[0];
    int h = chw[1];
    int w = chw[2];
    int[] map = channelMap(c, imageChannels);
    for (int k = 0; k < c; k++) {
      double m = mean[mean.length == 1 ? 0 : k];
      double s = std[std.length == 1 ? 0 : k];
      int src = map[k];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = (pixels[(y * w + x) * imageChannels + src] * scale - m) / s;
          int i = layout == InputLayout.HWC ? (y * w + x) * c + k : (k * h + y) * w + x;
          out[offset + i] = v;
        }
      }
    }
  }

  /**
   * One row's relevance (model layout, starting at {@code offset}) in the image's layout: H, W, and
   * the image's stored channels; a channel the model does not read (alpha) gets 0.
   */
  float[] toImage(double[] relevance, int offset, int imageChannels, int[] chw, InputLayout layout) {
    int c = chw[0];
    int h = chw[1];
    int w = chw[2];
    int[] map = channelMap(c, imageChannels);
    float[] out = new float[h * w * imageChannels];
    for (int k = 0; k < c; k++) {
      int dst = map[k];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = layout == InputLayout.HWC ? (y * w + x) * c + k : (k * h + y) * w + x;
          out[(y * w + x) * imageChannels + dst] = (float) relevance[offset + i];
        }
      }
    }
    return out;
  }

  /** Packed RGB ints ({@code 0xRRGGBB}) of pixels in the image's layout, for heatmap overlays. */
  static int[] rgb(double[] pixels, int imageChannels, int h, int w) {
    int[] out = new int[h * w];
    for (int p = 0; p < h * w; p++) {
      int r;
      int g;
      int b;
      if (imageChannels >= 3) {
        b = clamp(pixels[p * imageChannels]);
        g = clamp(pixels[p * imageChannels + 1]);
        r = clamp(pixels[p * imageChannels + 2]);
      } else {
        r = g = b = clamp(pixels[p * imageChannels]);
      }
      out[p] = (r << 16) | (g << 8) | b;
    }
    return out;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
