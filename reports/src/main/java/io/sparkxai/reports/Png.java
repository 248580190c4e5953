package io.sparkxai.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG encoder (8-bit RGB, no filter, one IDAT chunk, no time or text chunk), so the same
 * pixels always give the same bytes, and {@code data:} URIs to embed them in a report. Images are
 * arrays of packed RGB ints, row by row: pixel (x, y) is {@code rgb[y * width + x]}.
 */
public final class Png {
  private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

  private Png() {}

  /** The PNG bytes of a {@code width x height} image. */
  public static byte[] encode(int width, int height, int[] rgb) {
    if (width <= 0 || height <= 0 || rgb.length != width * height) {
      throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + width * height
          + " pixels, got " + rgb.length);
    }
    byte[] raw = new byte[height * (1 + 3 * width)];
    int at = 0;
    for (int y = 0; y < height; y++) {
      raw[at++] = 0;
      for (int x = 0; x < width; x++) {
        int p = rgb[y * width + x];
        raw[at++] = (byte) (p >> 16);
        raw[at++] = (byte) (p >> 8);
        raw[at++] = (byte) p;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
    out.writeBytes(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = 8;
    header[9] = 2;
    chunk(out, "IHDR", header);
    chunk(out, "IDAT", deflate(raw));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /** {@code rgb} enlarged {@code factor} times in both directions by repeating pixels (nearest neighbour). */
  public static int[] upscale(int[] rgb, int width, int height, int factor) {
    if (factor < 1) {
      throw new IllegalArgumentException("upscale factor must be >= 1, got " + factor);
    }
    int w = width * factor;
    int[] out = new int[w * height * factor];
    for (int y = 0; y < height * factor; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] = rgb[(y / factor) * width + x / factor];
      }
    }
    return out;
  }

  /** The smallest factor that makes {@code size} pixels at least {@code atLeast}. */
  public static int factorFor(int size, int atLeast) {
    return Math.max(1, (atLeast + size - 1) / size);
  }

  /** A {@code data:image/png;base64,...} URI of the PNG bytes. */
  public static String dataUri(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }

  private static byte[] deflate(byte[] raw) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(raw);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] length = new byte[4];
    putInt(length, 0, data.length);
    out.writeBytes(length);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    byte[] sum = new byte[4];
    putInt(sum, 0, (int) crc.getValue());
    out.writeBytes(sum);
  }

  private static void putInt(byte[] into, int at, int v) {
    into[at] = (byte) (v >>> 24);
    into[at + 1] = (byte) (v >>> 16);
    into[at + 2] = (byte) (v >>> 8);
    into[at + 3] = (byte) v;
  }
}
