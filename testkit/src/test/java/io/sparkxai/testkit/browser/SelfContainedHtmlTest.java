package io.sparkxai.testkit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelfContainedHtmlTest {

  private static final String CLEAN = """
      <!DOCTYPE html>
      <html><head><style>.a { background: url(data:image/png;base64,AAAA); fill: url(#grad); }</style></head>
      <body><a href="#top">top</a><img src="data:image/png;base64,AAAA" alt="">
      <svg><defs><linearGradient id="grad"></linearGradient></defs><use href="#grad"/></svg>
      <script>const el = document.createElement('img'); el.src = 'data:,'; </script>
      </body></html>
      """;

  @Test
  void cleanPagePasses() {
    assertEquals(List.of(), SelfContainedHtml.problems(CLEAN));
    SelfContainedHtml.assertSelfContained(CLEAN);
  }

  @Test
  void flagsWebAddresses() {
    assertFlagged("<p>see http://example.com</p>", "web address");
    assertFlagged("<p>see HTTPS://example.com</p>", "web address");
  }

  @Test
  void flagsSrcAndHrefOutsideThePage() {
    assertFlagged("<img src=\"pic.png\">", "src=");
    assertFlagged("<a href='other.html'>x</a>", "href=");
    assertFlagged("<script src=app.js></script>", "src=");
  }

  @Test
  void flagsLinkImportAndCssUrl() {
    assertFlagged("<link rel=\"icon\">", "<link>");
    assertFlagged("<style>@import 'a.css';</style>", "@import");
    assertFlagged("<style>.a { background: url('bg.png') }</style>", "url()");
    assertFlagged("<style>.a { background: url(bg.png) }</style>", "url()");
  }

  @Test
  void assertionListsEveryProblemWithItsLine() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> SelfContainedHtml.assertSelfContained("<p>\n<link rel=x>\n<img src=a.png>"));
    assertTrue(error.getMessage().contains("line 2: <link> element"), error.getMessage());
    assertTrue(error.getMessage().contains("line 3: src="), error.getMessage());
  }

  private static void assertFlagged(String html, String what) {
    List<String> problems = SelfContainedHtml.problems(html);
    assertFalse(problems.isEmpty(), html);
    assertTrue(problems.stream().anyMatch(p -> p.contains(what)), () -> html + " -> " + problems);
  }
}
