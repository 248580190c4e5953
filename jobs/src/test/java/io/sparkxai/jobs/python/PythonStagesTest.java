package io.sparkxai.jobs.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Python wrappers cannot drift from the Java stages: each checked-in module under
 * {@code python/sparkxai/} must be exactly what {@link PythonStageWriter} writes from the stages
 * Spark's ServiceLoader finds (every param with its doc, type and default; the class Javadoc).
 * {@code -Dsparkxai.python.regenerate=true} rewrites the modules instead of failing.
 */
class PythonStagesTest {

  private static Path repository() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("python")) ? here : here.getParent();
  }

  @Test
  void everyStageAndParamHasItsPythonTwin() throws Exception {
    PythonStageWriter writer = new PythonStageWriter(repository());
    Map<String, List<Class<?>>> stages = PythonStageWriter.stagesByPackage();
    assertTrue(stages.keySet().containsAll(List.of("io.sparkxai.ebm", "io.sparkxai.lrp", "io.sparkxai.concepts")),
        stages.keySet()::toString);
    boolean regenerate = Boolean.getBoolean("sparkxai.python.regenerate");
    for (Map.Entry<String, List<Class<?>>> e : stages.entrySet()) {
      Path file = writer.moduleFile(e.getKey());
      String expected = writer.module(e.getKey(), e.getValue());
      if (regenerate) {
        Files.writeString(file, expected, StandardCharsets.UTF_8);
      } else {
        assertTrue(Files.isRegularFile(file), file + " is missing; run this test with -Dsparkxai.python.regenerate=true");
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8), file + " differs from the Java stages;"
            + " run this test with -Dsparkxai.python.regenerate=true");
      }
    }
  }

  @Test
  void thePythonSideIsPinnedToTheSparkOfThisBuild() throws Exception {
    Class<?> versions = Class.forName("org.apache.spark.package$"); // "package" is a Java keyword
    String spark = (String) versions.getMethod("SPARK_VERSION").invoke(versions.getField("MODULE$").get(null));
    Path python = repository().resolve("python");
    assertTrue(Files.readString(python.resolve("pyproject.toml")).contains("\"pyspark==" + spark + "\""),
        "python/pyproject.toml pins pyspark==" + spark);
    assertTrue(Files.readString(python.resolve("requirements-test.txt")).contains("pyspark[connect]==" + spark + "\n"),
        "python/requirements-test.txt pins pyspark[connect]==" + spark);
    assertTrue(Files.readString(python.resolve("sparkxai/__init__.py")).contains("SPARK_VERSION = \"" + spark + "\""),
        "sparkxai.SPARK_VERSION is " + spark);
  }

  @Test
  void javadocBecomesPlainText() {
    assertEquals("A ``Dataset`` of rows; see ``EbmParams``.\n\nSecond paragraph.",
        PythonStageWriter.plain("* A {@code Dataset} of rows; see {@link EbmParams}.\n * <p>Second <b>paragraph</b>."
            + "\n * <pre>{@code new X();}</pre>\n * @param x ignored"));
  }

  @Test
  void literalsArePython() {
    assertEquals("[\"a\", \"b\\\"\"]", PythonStageWriter.literal(new String[] {"a", "b\""}));
    assertEquals("1.0e-5", PythonStageWriter.literal(1e-5));
    assertEquals("True", PythonStageWriter.literal(true));
    assertEquals("[1, 2]", PythonStageWriter.literal(new int[] {1, 2}));
  }
}
