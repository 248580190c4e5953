package io.sparkxai.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The size limits of the project's main code (docs/contributing.md, "Source limits"): no file under
 * a {@code src/main/java} over 400 lines, no method or constructor over 80 lines from its signature
 * to its closing brace. Every module's main code is checked, from the repository root. There is no
 * allow-list: generated code lives under {@code target/} and is never scanned.
 */
class SourceLimitsTest {

  static final int MAX_FILE_LINES = 400;
  static final int MAX_METHOD_LINES = 80;

  private final Path root = RepositoryTree.root();

  @Test
  void noMainSourceFileIsOver400Lines() {
    List<Path> sources = RepositoryTree.mainJavaSources(root);
    assertFalse(sources.isEmpty(), "no src/main/java files found under " + root);
    List<String> over = new ArrayList<>();
    for (Path file : sources) {
      int lines = lineCount(RepositoryTree.read(file));
      if (lines > MAX_FILE_LINES) {
        over.add(root.relativize(file) + ": " + lines + " lines");
      }
    }
    assertTrue(over.isEmpty(), () -> over.size() + " main source files over " + MAX_FILE_LINES
        + " lines (split the class by what it does):\n  " + String.join("\n  ", over));
  }

  @Test
  void noMethodIsOver80Lines() {
    List<String> over = new ArrayList<>();
    for (Path file : RepositoryTree.mainJavaSources(root)) {
      for (JavaMethods.Span m : JavaMethods.of(RepositoryTree.read(file))) {
        if (m.lines() > MAX_METHOD_LINES) {
          over.add(root.relativize(file) + ":" + m.firstLine() + " " + m.name() + ": " + m.lines() + " lines");
        }
      }
    }
    assertTrue(over.isEmpty(), () -> over.size() + " methods over " + MAX_METHOD_LINES
        + " lines (extract the steps they take):\n  " + String.join("\n  ", over));
  }

  /** Lines as an editor numbers them: a last line without a newline counts. */
  static int lineCount(String text) {
    int lines = (int) text.chars().filter(c -> c == '\n').count();
    return text.isEmpty() || text.endsWith("\n") ? lines : lines + 1;
  }
}
