package io.sparkxai.reports;

import java.util.Locale;

/**
 * Colours of the reports: a diverging blue-white-red scale centred on zero for signed scores and
 * relevance, a grey scale for input images, and the Okabe-Ito colours (distinguishable with the
 * common colour-vision deficiencies) for named series. Colours are packed RGB ints {@code 0xRRGGBB}.
 */
public final class Palette {
  private static final String[] SERIES = {
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"
  };
  private static final int NEGATIVE = 0x2166ac;
  private static final int POSITIVE = 0xb2182b;
  private static final int WHITE = 0xffffff;

  private Palette() {}

  /**
   * The colour of {@code v} on a scale from {@code -maxAbs} (blue) through 0 (white) to {@code +maxAbs}
   * (red); values beyond are clamped, NaN is mid grey, and a non-positive {@code maxAbs} gives white.
   */
  public static int diverging(double v, double maxAbs) {
    if (Double.isNaN(v)) {
      return 0x999999;
    }
    if (!(maxAbs > 0)) {
      return WHITE;
    }
    double t = Math.max(-1, Math.min(1, v / maxAbs));
    return mix(WHITE, t < 0 ? NEGATIVE : POSITIVE, Math.abs(t));
  }

  /** Grey from black ({@code min}) to white ({@code max}), clamped; equal bounds give mid grey. */
  public static int grey(double v, double min, double max) {
    double t = max > min ? (v - min) / (max - min) : 0.5;
    int g = (int) Math.round(255 * Math.max(0, Math.min(1, Double.isNaN(t) ? 0.5 : t)));
    return g << 16 | g << 8 | g;
  }

  /** The colour of the {@code i}-th named series (cycling after eight). */
  public static String series(int i) {
    return SERIES[Math.floorMod(i, SERIES.length)];
  }

  /** {@code rgb} as CSS {@code #rrggbb}. */
  public static String hex(int rgb) {
    return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
  }

  private static int mix(int from, int to, double t) {
    int r = channel(from >> 16, to >> 16, t);
    int g = channel(from >> 8, to >> 8, t);
    int b = channel(from, to, t);
    return r << 16 | g << 8 | b;
  }

  private static int channel(int from, int to, double t) {
    return (int) Math.round((from & 0xff) + ((to & 0xff) - (from & 0xff)) * t);
  }
}
