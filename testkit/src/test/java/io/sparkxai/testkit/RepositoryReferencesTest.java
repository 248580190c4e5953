package io.sparkxai.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every reference to a file of the repository resolves inside it, so the checkout explains itself:
 * a Markdown file named anywhere ({@code README.md}, {@code docs/architecture.md}), a path under
 * {@code docs/} or {@code benchmarks/results/}, and every relative Markdown link. References are
 * read in Java comments, in poms, scripts and resources, and in Markdown files. A reference
 * resolves when it names an existing file or folder relative to the repository root, the module of
 * the file that holds it, or that file's folder.
 */
class RepositoryReferencesTest {

  /** A name ending in .md, possibly with folders, not part of a URL or a longer path. */
  private static final Pattern MARKDOWN_FILE =
      Pattern.compile("(?<![\\w./:-])((?:\\.\\.?/)?(?:[\\w.-]+/)*[\\w.-]+\\.md)(?![\\w/-])");
  /** A path into the repository's docs or benchmark results. */
  private static final Pattern DOCS_PATH =
      Pattern.compile("(?<![\\w./:-])((?:docs/|benchmarks/results\\b)[\\w./-]*)");
  /** The target of a Markdown link or image. */
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s#]+)(?:#[^)]*)?\\)");
  /** Files read whole (their text is documentation or comments, with few code paths). */
  private static final Set<String> TEXT_SUFFIXES =
      Set.of("pom.xml", ".conf", ".properties", ".sh", ".c", ".h", ".proto", ".py");

  private final Path root = RepositoryTree.root();

  @Test
  void everyReferenceToARepositoryFileResolves() {
    List<String> broken = new ArrayList<>();
    for (Path file : RepositoryTree.files(root, RepositoryReferencesTest::isChecked)) {
      for (Reference r : references(file)) {
        if (!resolves(file, r.path())) {
          broken.add(root.relativize(file) + ":" + r.line() + ": " + r.path());
        }
      }
    }
    assertTrue(broken.isEmpty(), () -> broken.size() + " references to files that are not in the repository"
        + " (point to a file under docs/ or say it in place):\n  " + String.join("\n  ", broken));
  }

  @Test
  void referencesAreFoundInCommentsAndLinksOnly() {
    String java = "/** See DESIGN.md and docs/contributing.md. */\nclass A { String s = \"STYLE.md\"; }\n";
    assertEquals(List.of(new Reference("DESIGN.md", 1), new Reference("docs/contributing.md", 1)),
        references(java, true, false));
    String md = "[results](benchmarks/results/ebm-bench.md), https://example.org/README.md\n";
    assertEquals(List.of(new Reference("benchmarks/results/ebm-bench.md", 1)), references(md, false, true));
  }

  /** A referenced path and the line it is on. */
  record Reference(String path, int line) {}

  private static boolean isChecked(Path file) {
    String name = file.getFileName().toString();
    String parent = file.getParent() == null ? "" : file.getParent().getFileName().toString();
    return name.endsWith(".java") || name.endsWith(".md") || parent.equals("bin") || parent.equals(".ci")
        || TEXT_SUFFIXES.stream().anyMatch(name::endsWith);
  }

  private static List<Reference> references(Path file) {
    String name = file.getFileName().toString();
    return references(RepositoryTree.read(file), name.endsWith(".java"), name.endsWith(".md"));
  }

  /** The references in a file's text: in Java only its comments, in Markdown also its links. */
  static List<Reference> references(String text, boolean java, boolean markdown) {
    List<Reference> found = new ArrayList<>();
    if (java) {
      for (JavaTokens.Comment c : JavaTokens.of(text).comments) {
        collect(c.text(), c.line(), found, false);
      }
    } else {
      collect(text, 1, found, markdown);
    }
    return found;
  }

  private static void collect(String text, int firstLine, List<Reference> found, boolean markdown) {
    List<Pattern> patterns = markdown ? List.of(MARKDOWN_LINK, MARKDOWN_FILE) : List.of(MARKDOWN_FILE, DOCS_PATH);
    List<int[]> seen = new ArrayList<>();
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        String path = m.group(1).replaceAll("[.]+$", "");
        boolean inside = seen.stream().anyMatch(s -> m.start(1) >= s[0] && m.start(1) < s[1]);
        if (path.isEmpty() || inside || path.contains("://") || path.startsWith("mailto:")) {
          continue;
        }
        seen.add(new int[] {m.start(1), m.end(1)});
        found.add(new Reference(path, firstLine + lineOf(text, m.start(1))));
      }
    }
    found.sort((a, b) -> Integer.compare(a.line(), b.line()));
  }

  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
  }

  private boolean resolves(Path file, String path) {
    Path relative = root.relativize(file);
    Path module = relative.getNameCount() > 1 ? root.resolve(relative.getName(0)) : root;
    for (Path base : List.of(root, module, file.getParent())) {
      if (Files.exists(base.resolve(path).normalize())) {
        return true;
      }
    }
    return false;
  }
}
