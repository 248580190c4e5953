package io.sparkxai.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of this repository as the checks of the build see them: found from the working
 * directory of the test JVM (a module folder) by walking up to the root pom, which lists the
 * modules. Build outputs and tool folders are left out, so generated code (under {@code target/},
 * generated-sources included) is never checked.
 */
final class RepositoryTree {

  /** Folder names never walked into: build outputs, version control, IDE and local run leftovers. */
  private static final Set<String> SKIPPED = Set.of(
      "target", ".git", ".idea", ".vscode", "node_modules", ".gl", ".whl",
      "spark-xai-demo", "spark-warehouse", "metastore_db",
      // the Python side's virtual environment, caches and packaging leftovers
      ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", "build", "jars");

  private RepositoryTree() {}

  /** The repository root: the nearest folder up from the working directory whose pom.xml lists testkit. */
  static Path root() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path pom = d.resolve("pom.xml");
      if (Files.isRegularFile(pom) && read(pom).contains("<module>testkit</module>")) {
        return d;
      }
    }
    throw new IllegalStateException("no root pom.xml listing <module>testkit</module> above " + dir);
  }

  /** The regular files under the root, outside the skipped folders, that {@code keep} accepts. */
  static List<Path> files(Path root, Predicate<Path> keep) {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> !inSkippedFolder(root.relativize(p)))
          .filter(keep)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code src/main/java/**}{@code /*.java} of every module. */
  static List<Path> mainJavaSources(Path root) {
    return files(root, p -> p.toString().endsWith(".java")
        && root.relativize(p).toString().replace('\\', '/').matches("(.+/)?src/main/java/.+"));
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean inSkippedFolder(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String name = relative.getName(i).toString();
      if (SKIPPED.contains(name) || name.equals("generated-sources") || name.endsWith(".egg-info")) {
        return true;
      }
    }
    return false;
  }
}
