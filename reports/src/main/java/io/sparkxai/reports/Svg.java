package io.sparkxai.reports;

/**
 * An SVG picture being drawn: elements are appended in order (later ones on top) and {@link #toString}
 * gives the {@code <svg>} element, sized in CSS pixels, without a namespace attribute (HTML5 inline SVG
 * needs none, and a report holds no URL). Coordinates are printed with one decimal; a {@code tip} given
 * to an element becomes its {@code <title>}, which browsers show on hover.
 */
public final class Svg {
  private final int width;
  private final int height;
  private final String label;
  private final StringBuilder body = new StringBuilder();

  /**
   * A picture of {@code width x height} pixels.
   *
   * @param label what the picture shows, for screen readers ({@code aria-label}) and tests
   */
  public Svg(int width, int height, String label) {
    this.width = width;
    this.height = height;
    this.label = label;
  }

  /** The width in pixels. */
  public int width() {
    return width;
  }

  /** The height in pixels. */
  public int height() {
    return height;
  }

  /** A rectangle; {@code cssClass} and {@code tip} may be null. */
  public Svg rect(double x, double y, double w, double h, String fill, String cssClass, String tip) {
    body.append("<rect x=\"").append(Html.px(x)).append("\" y=\"").append(Html.px(y)).append("\" width=\"")
        .append(Html.px(Math.max(0, w))).append("\" height=\"").append(Html.px(Math.max(0, h))).append('"');
    attr("fill", fill);
    attr("class", cssClass);
    return close("rect", tip);
  }

  /** A straight line. */
  public Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    body.append("<line x1=\"").append(Html.px(x1)).append("\" y1=\"").append(Html.px(y1)).append("\" x2=\"")
        .append(Html.px(x2)).append("\" y2=\"").append(Html.px(y2)).append('"');
    attr("class", cssClass);
    body.append("/>");
    return this;
  }

  /** A path with the given path data ({@code d}); {@code stroke} and {@code fill} may be null. */
  public Svg path(String d, String stroke, String fill, String cssClass, String tip) {
    body.append("<path d=\"").append(d).append('"');
    attr("stroke", stroke);
    attr("fill", fill == null ? "none" : fill);
    attr("class", cssClass);
    return close("path", tip);
  }

  /** A circle. */
  public Svg circle(double cx, double cy, double r, String fill, String cssClass, String tip) {
    body.append("<circle cx=\"").append(Html.px(cx)).append("\" cy=\"").append(Html.px(cy)).append("\" r=\"")
        .append(Html.px(r)).append('"');
    attr("fill", fill);
    attr("class", cssClass);
    return close("circle", tip);
  }

  /**
   * Text; {@code anchor} is start, middle or end, {@code rotate} degrees about the anchor point
   * (0 for none), {@code cssClass} may be null.
   */
  public Svg text(double x, double y, String text, String anchor, int rotate, String cssClass) {
    body.append("<text x=\"").append(Html.px(x)).append("\" y=\"").append(Html.px(y)).append('"');
    if (!"start".equals(anchor)) {
      attr("text-anchor", anchor);
    }
    if (rotate != 0) {
      body.append(" transform=\"rotate(").append(rotate).append(' ').append(Html.px(x)).append(' ')
          .append(Html.px(y)).append(")\"");
    }
    attr("class", cssClass);
    body.append('>').append(Html.escape(text)).append("</text>");
    return this;
  }

  /** An embedded image (a {@code data:} URI, e.g. from {@link Png#dataUri}) stretched over the box. */
  public Svg image(double x, double y, double w, double h, String dataUri, String cssClass) {
    if (!dataUri.startsWith("data:")) {
      throw new IllegalArgumentException("a report embeds images as data: URIs only, got " + dataUri.substring(0,
          Math.min(30, dataUri.length())));
    }
    body.append("<image x=\"").append(Html.px(x)).append("\" y=\"").append(Html.px(y)).append("\" width=\"")
        .append(Html.px(w)).append("\" height=\"").append(Html.px(h))
        .append("\" preserveAspectRatio=\"none\" href=\"").append(dataUri).append('"');
    attr("class", cssClass);
    body.append("/>");
    return this;
  }

  /** Opens a group ({@code <g>}) with optional class and {@code data-*} attributes given as name, value pairs. */
  public Svg group(String cssClass, String... dataAttributes) {
    body.append("<g");
    attr("class", cssClass);
    for (int i = 0; i + 1 < dataAttributes.length; i += 2) {
      attr("data-" + dataAttributes[i], dataAttributes[i + 1]);
    }
    body.append('>');
    return this;
  }

  /** Appends trusted SVG markup as is (for a nested picture built by another chart). */
  public Svg raw(String svgMarkup) {
    body.append(svgMarkup);
    return this;
  }

  /** Closes the innermost open group. */
  public Svg end() {
    body.append("</g>");
    return this;
  }

  private void attr(String name, String value) {
    if (value != null) {
      body.append(' ').append(name).append("=\"").append(Html.escape(value)).append('"');
    }
  }

  private Svg close(String tag, String tip) {
    if (tip == null) {
      body.append("/>");
    } else {
      body.append("><title>").append(Html.escape(tip)).append("</title></").append(tag).append('>');
    }
    return this;
  }

  @Override
  public String toString() {
    return "<svg width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
        + "\" role=\"img\" aria-label=\"" + Html.escape(label) + "\">" + body + "</svg>";
  }
}
