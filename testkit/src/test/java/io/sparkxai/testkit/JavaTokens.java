package io.sparkxai.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java lexer just good enough to find braces and comments: it skips string, text-block and char
 * literals (so braces inside them do not count) and reports comments separately, each with the line
 * it starts on. Not a full lexer: numbers and operators only need to be told apart from names.
 */
final class JavaTokens {

  /** One token: its text (literals become {@code "} or {@code '}) and the 1-based line it starts on. */
  record Token(String text, int line) {}

  /** One comment, its delimiters included, and the line it starts on. */
  record Comment(String text, int line) {}

  private static final String[] OPERATORS = {
    ">>>=", "<<=", ">>=", "->", "::", "==", "!=", "<=", ">=", "&&", "||", "++", "--",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^="
  };

  final List<Token> tokens = new ArrayList<>();
  final List<Comment> comments = new ArrayList<>();
  private final String src;
  private int pos;
  private int line = 1;

  private JavaTokens(String src) {
    this.src = src;
  }

  /** Tokens and comments of one compilation unit. */
  static JavaTokens of(String source) {
    JavaTokens t = new JavaTokens(source);
    t.run();
    return t;
  }

  private void run() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      int start = line;
      if (c == '\n') {
        line++;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (src.startsWith("//", pos)) {
        int end = src.indexOf('\n', pos);
        end = end < 0 ? src.length() : end;
        comments.add(new Comment(src.substring(pos, end), start));
        pos = end;
      } else if (src.startsWith("/*", pos)) {
        int end = src.indexOf("*/", pos + 2);
        end = end < 0 ? src.length() : end + 2;
        comments.add(new Comment(src.substring(pos, end), start));
        advanceTo(end);
      } else if (src.startsWith("\"\"\"", pos)) {
        skipLiteral("\"\"\"", 3);
        tokens.add(new Token("\"", start));
      } else if (c == '"' || c == '\'') {
        skipLiteral(String.valueOf(c), 1);
        tokens.add(new Token(String.valueOf(c), start));
      } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
        int end = pos;
        while (end < src.length() && Character.isJavaIdentifierPart(src.charAt(end))) {
          end++;
        }
        tokens.add(new Token(src.substring(pos, end), start));
        pos = end;
      } else {
        String op = operatorAt();
        tokens.add(new Token(op, start));
        pos += op.length();
      }
    }
  }

  /** Skips a literal opened by {@code quote} ({@code openLength} chars) up to its closing quote. */
  private void skipLiteral(String quote, int openLength) {
    int p = pos + openLength;
    while (p < src.length() && !src.startsWith(quote, p)) {
      p += src.charAt(p) == '\\' ? 2 : 1;
    }
    advanceTo(Math.min(src.length(), p + quote.length()));
  }

  private void advanceTo(int end) {
    for (int i = pos; i < end; i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    pos = end;
  }

  private String operatorAt() {
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        return op;
      }
    }
    return String.valueOf(src.charAt(pos));
  }
}
