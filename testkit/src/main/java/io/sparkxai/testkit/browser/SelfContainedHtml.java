package io.sparkxai.testkit.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static checks that an HTML document needs nothing outside itself: no {@code http:} or
 * {@code https:} anywhere, every {@code src=} and {@code href=} value a {@code data:} URL or a
 * {@code #} fragment, no {@code <link>} element, no {@code @import}, and every CSS {@code url(...)}
 * a {@code data:} URL or a fragment.
 */
public final class SelfContainedHtml {

  private static final Pattern WEB_URL = Pattern.compile("https?:[^\\s\"'<>)]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE = Pattern.compile(
      "(?<![\\w.-])(src|href)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LINK = Pattern.compile("<link\\b[^>]*>?", Pattern.CASE_INSENSITIVE);
  private static final Pattern IMPORT = Pattern.compile("@import\\b[^;\\n]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern CSS_URL = Pattern.compile(
      "url\\(\\s*(?!['\"]?\\s*(?:data:|#))[^)]{0,60}\\)?", Pattern.CASE_INSENSITIVE);

  private SelfContainedHtml() {}

  /** Each reason {@code html} is not self-contained, as {@code line N: what: snippet}; empty when it is. */
  public static List<String> problems(String html) {
    List<String> problems = new ArrayList<>();
    find(html, WEB_URL, "web address", problems);
    Matcher attribute = ATTRIBUTE.matcher(html);
    while (attribute.find()) {
      String value = attribute.group(2).replaceAll("^[\"']|[\"']$", "").strip();
      if (!value.toLowerCase(java.util.Locale.ROOT).startsWith("data:") && !value.startsWith("#")) {
        problems.add(at(html, attribute.start(), attribute.group(1) + "= not data: or #",
            attribute.group()));
      }
    }
    find(html, LINK, "<link> element", problems);
    find(html, IMPORT, "@import rule", problems);
    find(html, CSS_URL, "url() not data: or #", problems);
    return List.copyOf(problems);
  }

  /** Throws an AssertionError listing every problem when {@code html} is not self-contained. */
  public static void assertSelfContained(String html) {
    List<String> problems = problems(html);
    if (!problems.isEmpty()) {
      throw new AssertionError("HTML is not self-contained (" + problems.size() + " problems): "
          + String.join("; ", problems));
    }
  }

  private static void find(String html, Pattern pattern, String what, List<String> problems) {
    Matcher m = pattern.matcher(html);
    while (m.find()) {
      problems.add(at(html, m.start(), what, m.group()));
    }
  }

  private static String at(String html, int offset, String what, String snippet) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (html.charAt(i) == '\n') {
        line++;
      }
    }
    String shown = snippet.length() > 80 ? snippet.substring(0, 80) + "..." : snippet;
    return "line " + line + ": " + what + ": " + shown.replace('\n', ' ');
  }
}
