package io.sparkxai.reports;

/**
 * The legend of a diverging, zero-centred colour scale: a gradient from {@code -maxAbs} (blue) through
 * 0 (white) to {@code +maxAbs} (red), drawn as an embedded PNG with its three values and a title.
 */
public final class ColourBar {
  private ColourBar() {}

  /** A horizontal bar {@code length} pixels long for values in {@code [-maxAbs, maxAbs]}. */
  public static Svg diverging(double maxAbs, String label, int length) {
    int steps = 128;
    int[] rgb = new int[steps];
    for (int i = 0; i < steps; i++) {
      rgb[i] = Palette.diverging((2.0 * i / (steps - 1) - 1) * maxAbs, maxAbs);
    }
    Svg svg = new Svg(length + 60, 52, "colour bar: " + label);
    svg.group("colour-bar", "max", Html.number(maxAbs));
    svg.image(30, 4, length, 14, Png.dataUri(Png.encode(steps, 1, rgb)), "gradient");
    svg.rect(30, 4, length, 14, "none", "frame", null);
    svg.text(30, 31, Html.number(-maxAbs, 3), "middle", 0, "tick");
    svg.text(30 + length / 2.0, 31, "0", "middle", 0, "tick");
    svg.text(30 + length, 31, Html.number(maxAbs, 3), "middle", 0, "tick");
    svg.text(30 + length / 2.0, 47, label, "middle", 0, "axis-label");
    return svg.end();
  }
}
