package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkxai.ebm.core.EbmScorer;
import io.sparkxai.ebm.portable.SparkFreeScoring;
import io.sparkxai.testkit.SparkSessionExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model of UCI Adult (read in place; quick settings, three pairs) as portable JSON: read back as the
 * same model, scored without Spark to the same raw scores as {@code transform} for every test row — in
 * this JVM and in a {@code java} process whose class path holds spark-ebm's classes, Jackson and one
 * program, no Spark jar — and written in interpretml's form, which reads back to the same scores.
 */
class EbmPortableTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static String[] features;
  private static ExplainableBoostingClassificationModel model;
  /** The test rows with the model's raw score (the logit) as the last field. */
  private static List<Row> scored;

  @BeforeAll
  static void fit() {
    Dataset<Row> train = EbmTestData.adult(SPARK.session(), "adult.data");
    features = EbmTestData.adultFeatures(train);
    model = new ExplainableBoostingClassifier().setInputCols(features).setLabelCol("label").setOuterBags(1)
        .setInteractions("3").setLearningRate(0.1).setSmoothingRounds(5).setInteractionSmoothingRounds(5)
        .setMaxRounds(150).setEarlyStoppingRounds(20).setLogEvery(0).fit(train);
    model.setClassNames(List.of("<=50K", ">50K"));
    scored = rawScores(model, EbmTestData.adult(SPARK.session(), "adult.test"));
    assertEquals(16_281, scored.size());
  }

  private static List<Row> rawScores(EbmModelBase<?> m, Dataset<Row> rows) {
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    for (String f : features) {
      cols.add(functions.col(f));
    }
    cols.add(functions.col("rawPrediction"));
    return m.transform(rows).select(cols.toArray(new org.apache.spark.sql.Column[0])).collectAsList();
  }

  private static double logit(Row r) {
    return ((Vector) r.get(features.length)).apply(1);
  }

  private static Map<String, Object> values(Row r) {
    Map<String, Object> row = new HashMap<>();
    for (int f = 0; f < features.length; f++) {
      row.put(features[f], r.get(f));
    }
    return row;
  }

  @Test
  void theJsonReadsBackAsTheSameModel() {
    String json = model.toJson();
    ExplainableBoostingClassificationModel back = ExplainableBoostingClassificationModel.fromJson(json);
    assertEquals(model.ebm(), back.ebm());
    assertEquals(model.summary(), back.summary());
    assertEquals(model.provenance(), back.provenance());
    assertEquals(List.of("<=50K", ">50K"), back.classNames());
    List<Row> again = rawScores(back, EbmTestData.adult(SPARK.session(), "adult.test"));
    for (int i = 0; i < scored.size(); i++) {
      assertEquals(logit(scored.get(i)), logit(again.get(i)), 0.0);
    }
    assertInstanceOf(ExplainableBoostingClassificationModel.class, PortableEbm.fromJson(json));
    String newer = json.replace("\"version\" : 1,", "\"version\" : 2,");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortableEbm.fromJson(newer));
    assertTrue(e.getMessage().startsWith("the model JSON has model format version 2; this library"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ExplainableBoostingRegressionModel.fromJson(json));
    assertEquals("the model JSON holds a BINARY model; read it with ExplainableBoostingClassificationModel.fromJson",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PortableEbm.toJson(model, "onnx"));
    assertEquals("JSON format must be sparkxai or interpret, got onnx", e.getMessage());
  }

  @Test
  void theScorerGivesTransformsRawScoreForEveryTestRow() throws Exception {
    EbmScorer scorer = EbmScorer.fromJsonText(model.toJson(), "model");
    EbmScorer fromInterpret = EbmScorer.fromJsonText(PortableEbm.toJson(model, PortableEbm.INTERPRET), "interpret");
    assertEquals(List.of("<=50K", ">50K"), fromInterpret.classNames());
    for (Row r : scored) {
      Map<String, Object> row = values(r);
      assertEquals(logit(r), scorer.predict(row).rawScores()[0], 0.0, row.toString());
      assertEquals(logit(r), fromInterpret.predict(row).rawScores()[0], 0.0, "interpretml form: " + row);
    }
    ExplainableBoostingClassificationModel imported = ExplainableBoostingClassificationModel.fromJson(
        PortableEbm.toJson(model, PortableEbm.INTERPRET));
    assertEquals(model.termNames(), imported.termNames());
    List<Row> again = rawScores(imported, EbmTestData.adult(SPARK.session(), "adult.test"));
    for (int i = 0; i < scored.size(); i++) {
      assertEquals(logit(scored.get(i)), logit(again.get(i)), 0.0);
    }
  }

  @Test
  void aJvmWithoutSparkScoresEveryTestRowAsTransformDoes(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("adult.json");
    Files.writeString(json, model.toJson(), StandardCharsets.UTF_8);
    StringBuilder tsv = new StringBuilder(String.join("\t", features)).append('\n');
    for (Row r : scored) {
      for (int f = 0; f < features.length; f++) {
        tsv.append(f > 0 ? "\t" : "").append(r.isNullAt(f) ? "" : r.get(f).toString());
      }
      tsv.append('\n');
    }
    Path rows = Files.writeString(dir.resolve("rows.tsv"), tsv, StandardCharsets.UTF_8);
    Path program = dir.resolve("program");
    String classFile = SparkFreeScoring.class.getName().replace('.', '/') + ".class";
    Files.createDirectories(program.resolve(classFile).getParent());
    Files.copy(Path.of(SparkFreeScoring.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve(classFile), program.resolve(classFile));
    List<String> classPath = List.of(location(EbmScorer.class), location(ObjectMapper.class),
        location(JsonFactory.class), location(JsonProperty.class), program.toString());
    for (String entry : classPath) {
      assertTrue(!entry.contains("spark-") || entry.contains("spark-ebm"), "no Spark jar: " + entry);
    }
    Path out = dir.resolve("scores.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        String.join(File.pathSeparator, classPath), SparkFreeScoring.class.getName(), json.toString(),
        rows.toString(), out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile())
        .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the scoring JVM ends");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log.txt")));
    List<String> lines = Files.readAllLines(out);
    assertEquals("no spark", lines.get(0));
    assertEquals(scored.size() + 1, lines.size());
    for (int i = 0; i < scored.size(); i++) {
      assertEquals(logit(scored.get(i)), Double.parseDouble(lines.get(i + 1).trim()), 0.0, "row " + i);
    }
  }

  private static String location(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
