package io.sparkxai.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Escaping and number printing for HTML and SVG text, the same on every machine. */
public final class Html {

  private Html() {}

  /** {@code text} with {@code & < > " '} escaped, for element text and attribute values. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A number for a reader: at most {@code digits} significant digits, no exponent between 1e-4 and
   * 1e9, trailing zeros dropped; "NaN", "+inf", "-inf" for the non-finite.
   */
  public static String number(double v, int digits) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+inf" : "-inf";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-4 && a < 1e9) {
      return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
    String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    int e = s.indexOf('e');
    String mantissa = s.substring(0, e).contains(".") ? s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "")
        : s.substring(0, e);
    return mantissa + s.substring(e).replace("e+", "e");
  }

  /** A number for a reader with 4 significant digits. */
  public static String number(double v) {
    return number(v, 4);
  }

  /** A pixel coordinate: one decimal, no trailing ".0". */
  public static String px(double v) {
    long tenths = Math.round(v * 10);
    String sign = tenths < 0 ? "-" : "";
    long a = Math.abs(tenths);
    return sign + (a / 10) + (a % 10 == 0 ? "" : "." + a % 10);
  }

  /** A fraction as a percentage with one decimal ({@code 0.8624} -> "86.2%"). */
  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /** An id made only of {@code [a-z0-9-]} from any text, prefixed so it never starts with a digit. */
  public static String id(String prefix, String text) {
    StringBuilder out = new StringBuilder(prefix);
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      out.append(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ? c : '-');
    }
    return out.toString();
  }
}
