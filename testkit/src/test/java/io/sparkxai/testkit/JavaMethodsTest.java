package io.sparkxai.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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

  @Test
  void aMethodStartsAtItsSignatureNotItsAnnotations() {
    String src = """
        class A {
          @Override
          @SuppressWarnings({"unchecked", "rawtypes"})
          public <T extends Comparable<T>> T max(
              T a, T b) throws IllegalStateException {
            return a;
          }
          A(int x) {
          }
        }""";
    assertEquals("A 8-9, max 4-7", spans(src));
  }

  @Test
  void lambdasControlBlocksAndInitializersAreNotMethods() {
    String src = """
        class A {
          static final int[] XS = {1, 2, 3};
          static final Runnable R = () -> { System.out.println(); };
          static { int x = 1; }
          { int y = 2; }
          void f(java.util.List<Integer> l) {
            l.forEach(i -> { if (i > 0) { g(); } });
            switch (l.size()) { case 0 -> { g(); } default -> g(); }
            for (int i = 0; i < 3; i++) { g(); }
          }
          void g() {}
        }""";
    assertEquals("f 6-10, g 11-11", spans(src));
  }

  @Test
  void methodsOfNestedLocalAndAnonymousClassesCount() {
    String src = """
        interface I {
          default int d() { return 1; }
          int abs();
          class Inner {
            Runnable r = new Runnable() {
              public void run() {}
            };
            void f() {
              record Local(int a) { Local { } int twice() { return 2 * a; } }
              new java.util.ArrayList<String>() { int size2() { return 0; } };
            }
          }
          @interface Ann { String[] value() default {}; }
        }""";
    assertEquals("Local 9-9, d 2-2, f 8-11, run 6-6, size2 10-10, twice 9-9", spans(src));
  }

  @Test
  void enumConstantBodiesAreNotMethods() {
    String src = """
        enum E {
          A(1) { int f() { return 1; } },
          B(2) {
            int f() { return 2; }
          };
          private final int v;
          E(int v) { this.v = v; }
          int f() { return 0; }
        }""";
    List<JavaMethods.Span> all = JavaMethods.of(src);
    assertEquals("E 7-7, f 2-2, f 4-4, f 8-8", spans(src), all.toString());
  }

  @Test
  void linesCountLikeAnEditor() {
    assertEquals(0, SourceLimitsTest.lineCount(""));
    assertEquals(1, SourceLimitsTest.lineCount("a"));
    assertEquals(1, SourceLimitsTest.lineCount("a\n"));
    assertEquals(2, SourceLimitsTest.lineCount("a\nb"));
  }
}
