package io.sparkxai.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The method finder of {@link SourceLimitsTest} on the constructs that could fool a brace counter. */
class JavaMethodsTest {

  private static String spans(String source) {
    return JavaMethods.of(source).stream()
        .map(s -> s.name() + " " + s.firstLine() + "-" + s.lastLine())
        .sorted()
        .collect(Collectors.joining(", "));
  }

  @Test
  void bracesInStringsCharsAndCommentsDoNotCount() {
    String src = String.join("\n",
        "class A {",
        "  // a comment with { an open brace",
        "  /* and } a close one */",
        "  String f() {",
        "    String s = \"}{\\\"}\";",
        "    char c = '}';",
        "    char d = '\\'';",
        "    String t = \"\"\"",
        "        { text block } \"\"\";",
        "    return s + c + d + t;",
        "  }",
        "}");
    assertEquals("f 4-11", spans(src));
  }

  /**
   * Fixtures in the test resources, {@code java-methods/NAME.txt}: annotations and multi-line
   * signatures; lambdas, control blocks and initializers (not methods); methods of nested, local,
   * anonymous classes and records (compact constructors included); enum constant bodies.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "annotations | A 8-9, max 4-7",
      "blocks      | f 6-10, g 11-11",
      "nested      | Local 9-9, d 2-2, f 8-11, run 6-6, size2 10-10, twice 9-9",
      "enums       | E 7-7, f 2-2, f 4-4, f 8-8"})
  void findsTheMethodsOf(String fixture, String expected) throws URISyntaxException {
    Path file = Path.of(JavaMethodsTest.class.getResource("/java-methods/" + fixture + ".txt").toURI());
    assertEquals(expected, spans(RepositoryTree.read(file)));
  }

  @Test
  void linesCountLikeAnEditor() {
    assertEquals(0, SourceLimitsTest.lineCount(""));
    assertEquals(1, SourceLimitsTest.lineCount("a"));
    assertEquals(1, SourceLimitsTest.lineCount("a\n"));
    assertEquals(2, SourceLimitsTest.lineCount("a\nb"));
  }
}
