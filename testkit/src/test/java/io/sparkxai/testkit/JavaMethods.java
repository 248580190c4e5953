package io.sparkxai.testkit;

import io.sparkxai.testkit.JavaTokens.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Finds the methods and constructors of a Java source file and the lines each spans, from its
 * signature (after any annotations) to its closing brace. It matches braces over the tokens of
 * {@link JavaTokens}, so braces in strings, chars and comments do not count, and decides what each
 * {@code {} opens from the tokens since the previous {@code ;}, {@code {} or {@code }} of the same
 * block: a type body, a method body (a header with a parameter list inside a type body, or a
 * record's compact constructor), or anything else (initializers, lambdas, control blocks, array
 * initializers). Methods of local and anonymous classes are methods too.
 */
final class JavaMethods {

  /** One method or constructor: its name and the lines of its signature and closing brace. */
  record Span(String name, int firstLine, int lastLine) {
    int lines() {
      return lastLine - firstLine + 1;
    }
  }

  private enum Kind { TYPE, ENUM, RECORD, METHOD, OTHER }

  private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum");

  /** An open block and the tokens of the declaration or statement being read inside it. */
  private static final class Block {
    final Kind kind;
    final String name;
    final int firstLine;
    final List<Token> header = new ArrayList<>();
    int parens;
    boolean enumConstantsDone;

    Block(Kind kind, String name, int firstLine) {
      this.kind = kind;
      this.name = name;
      this.firstLine = firstLine;
    }

    void endStatement() {
      if (parens == 0) {
        header.clear();
      }
    }
  }

  private JavaMethods() {}

  /** The methods and constructors of one compilation unit, in the order their bodies close. */
  static List<Span> of(String source) {
    List<Span> spans = new ArrayList<>();
    Deque<Block> open = new ArrayDeque<>();
    open.push(new Block(Kind.OTHER, "", 1));
    for (Token t : JavaTokens.of(source).tokens) {
      Block b = open.peek();
      switch (t.text()) {
        case "{" -> open.push(opened(b));
        case "}" -> {
          Block closed = open.size() > 1 ? open.pop() : b;
          if (closed.kind == Kind.METHOD) {
            spans.add(new Span(closed.name, closed.firstLine, t.line()));
          }
          open.peek().endStatement();
        }
        case ";" -> {
          b.enumConstantsDone |= b.kind == Kind.ENUM && b.parens == 0;
          b.endStatement();
        }
        case "," -> {
          if (b.kind == Kind.ENUM && !b.enumConstantsDone && b.parens == 0) {
            b.header.clear();
          } else {
            b.header.add(t);
          }
        }
        default -> {
          b.parens += t.text().equals("(") ? 1 : t.text().equals(")") ? -1 : 0;
          b.header.add(t);
        }
      }
    }
    return spans;
  }

  /** The block a {@code {} opens, read from the header of the block it appears in. */
  private static Block opened(Block outer) {
    List<Token> h = withoutAnnotations(outer.header);
    int line = h.isEmpty() ? 0 : h.get(0).line();
    if (isAnonymousClassBody(outer.header)) {
      return new Block(Kind.TYPE, "", line);
    }
    if (outer.parens > 0) {
      return new Block(Kind.OTHER, "", line);
    }
    Kind declared = typeDeclared(h);
    if (declared != null) {
      return new Block(declared, "", line);
    }
    if (outer.kind == Kind.ENUM && !outer.enumConstantsDone) {
      return new Block(Kind.TYPE, "", line);
    }
    boolean inTypeBody = outer.kind == Kind.TYPE || outer.kind == Kind.ENUM || outer.kind == Kind.RECORD;
    if (!inTypeBody || h.isEmpty() || has(h, "=") || last(h).equals("default")) {
      return new Block(Kind.OTHER, "", line);
    }
    int paren = indexOf(h, "(");
    if (paren > 0) {
      return new Block(Kind.METHOD, h.get(paren - 1).text(), line);
    }
    boolean compactConstructor = outer.kind == Kind.RECORD && !(h.size() == 1 && last(h).equals("static"));
    return compactConstructor ? new Block(Kind.METHOD, last(h), line) : new Block(Kind.OTHER, "", line);
  }

  /** TYPE, ENUM or RECORD when the header declares a type, else null. */
  private static Kind typeDeclared(List<Token> h) {
    for (int i = 0; i < h.size(); i++) {
      String s = h.get(i).text();
      boolean afterDot = i > 0 && h.get(i - 1).text().equals(".");
      if (!afterDot && TYPE_KEYWORDS.contains(s)) {
        return s.equals("enum") ? Kind.ENUM : Kind.TYPE;
      }
      boolean recordHeader = s.equals("record") && !afterDot && i + 2 < h.size()
          && Character.isJavaIdentifierStart(h.get(i + 1).text().charAt(0))
          && (h.get(i + 2).text().equals("(") || h.get(i + 2).text().equals("<"));
      if (recordHeader) {
        return Kind.RECORD;
      }
    }
    return null;
  }

  /** True when the header ends with {@code new Type(...)} or {@code new Type<...>(...)}. */
  private static boolean isAnonymousClassBody(List<Token> h) {
    int k = h.size() - 1;
    if (k < 0 || !h.get(k).text().equals(")")) {
      return false;
    }
    k = matching(h, k, "(", ")") - 1;
    if (k >= 0 && h.get(k).text().equals(">")) {
      k = matching(h, k, "<", ">") - 1;
    }
    while (k >= 2 && h.get(k - 1).text().equals(".")) {
      k -= 2;
    }
    return k >= 1 && Character.isJavaIdentifierStart(h.get(k).text().charAt(0))
        && h.get(k - 1).text().equals("new");
  }

  /** The index of the opener matching the closer at {@code close}, walking backwards. */
  private static int matching(List<Token> h, int close, String opener, String closer) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      String s = h.get(i).text();
      depth += s.equals(closer) ? 1 : s.equals(opener) ? -1 : 0;
      if (depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The header without its leading annotations ({@code @Name}, {@code @a.b.Name(...)}). */
  private static List<Token> withoutAnnotations(List<Token> h) {
    int i = 0;
    while (i + 1 < h.size() && h.get(i).text().equals("@") && !h.get(i + 1).text().equals("interface")) {
      i += 2;
      while (i + 1 < h.size() && h.get(i).text().equals(".")) {
        i += 2;
      }
      if (i < h.size() && h.get(i).text().equals("(")) {
        int depth = 0;
        do {
          String s = h.get(i++).text();
          depth += s.equals("(") ? 1 : s.equals(")") ? -1 : 0;
        } while (depth > 0 && i < h.size());
      }
    }
    return h.subList(Math.min(i, h.size()), h.size());
  }

  private static boolean has(List<Token> h, String text) {
    return indexOf(h, text) >= 0;
  }

  /** The first index of {@code text} outside parentheses, or -1. */
  private static int indexOf(List<Token> h, String text) {
    int depth = 0;
    for (int i = 0; i < h.size(); i++) {
      String s = h.get(i).text();
      if (s.equals(text) && (depth == 0 || text.equals("("))) {
        return i;
      }
      depth += s.equals("(") ? 1 : s.equals(")") ? -1 : 0;
    }
    return -1;
  }

  private static String last(List<Token> h) {
    return h.get(h.size() - 1).text();
  }
}
