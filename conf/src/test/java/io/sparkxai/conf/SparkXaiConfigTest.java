package io.sparkxai.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkXaiConfigTest {

  @TempDir Path tmp;

  @Test
  void defaultsAreValid() {
    SparkXaiConfig c = SparkXaiConfig.defaults();
    assertEquals("local[*]", c.spark().master());
    assertFalse(c.spark().masterGiven());
    assertEquals(100000, c.getInt("sparkxai.demo.train-rows"));
  }

  @Test
  void flagsOverrideFileOverridesReference() throws IOException {
    Path file = tmp.resolve("my.conf");
    Files.writeString(file, "sparkxai.demo { train-rows = 5000, test-rows = 700 }\n"
        + "sparkxai.spark.conf { \"spark.executor.memory\" = 3g }\n");
    SparkXaiConfig c = SparkXaiConfig.load(file, Map.of("sparkxai.demo.train-rows", "6000"));
    assertEquals(6000, c.getInt("sparkxai.demo.train-rows"));
    assertEquals(700, c.getInt("sparkxai.demo.test-rows"));
    assertEquals("3g", c.spark().conf().get("spark.executor.memory"));
  }

  @Test
  void masterGivenWhenSet() {
    SparkXaiConfig c = SparkXaiConfig.load(null, Map.of("sparkxai.spark.master", "local[2]"));
    assertEquals("local[2]", c.spark().master());
    assertTrue(c.spark().masterGiven());
  }

  @Test
  void badMasterNamesKeyValueAndWhatIsAllowed() {
    ConfigValidationException e = assertThrows(ConfigValidationException.class,
        () -> SparkXaiConfig.load(null, Map.of("sparkxai.spark.master", "nonsense")));
    assertTrue(e.getMessage().contains("sparkxai.spark.master"), e.getMessage());
    assertTrue(e.getMessage().contains("nonsense"), e.getMessage());
    assertTrue(e.getMessage().contains("spark://HOST:PORT"), e.getMessage());
  }

  @Test
  void acceptsEveryMasterUrlFormSparkDoes() {
    for (String m : new String[] {"local", "local[4]", "local[*]", "local[2,3]", "local-cluster[2,1,1024]",
        "spark://127.0.0.1:7077", "spark://h1:7077,h2:7077", "yarn", "k8s://https://host:443"}) {
      assertEquals(m, SparkXaiConfig.load(null, Map.of("sparkxai.spark.master", m)).spark().master());
    }
  }

  @Test
  void unknownKeyInFileIsNamedWithTheKnownOnes() throws IOException {
    Path file = tmp.resolve("bad.conf");
    Files.writeString(file, "sparkxai.demo.train_rows = 10\n");
    ConfigValidationException e = assertThrows(ConfigValidationException.class,
        () -> SparkXaiConfig.load(file, Map.of()));
    assertTrue(e.getMessage().contains("unknown config key 'sparkxai.demo.train_rows'"), e.getMessage());
    assertTrue(e.getMessage().contains("sparkxai.demo.train-rows"), e.getMessage());
  }

  @Test
  void unknownTopLevelKeyIsRejected() throws IOException {
    Path file = tmp.resolve("bad.conf");
    Files.writeString(file, "foo = 1\n");
    ConfigValidationException e = assertThrows(ConfigValidationException.class,
        () -> SparkXaiConfig.load(file, Map.of()));
    assertTrue(e.getMessage().contains("'foo'"), e.getMessage());
  }

  @Test
  void wrongTypeIsNamed() {
    ConfigValidationException e = assertThrows(ConfigValidationException.class,
        () -> SparkXaiConfig.load(null, Map.of("sparkxai.demo.train-rows", "many")));
    assertTrue(e.getMessage().contains("sparkxai.demo.train-rows"), e.getMessage());
    assertTrue(e.getMessage().contains("many"), e.getMessage());
    assertTrue(e.getMessage().contains("a number"), e.getMessage());
  }

  @Test
  void outOfRangeIsNamed() {
    ConfigValidationException e = assertThrows(ConfigValidationException.class,
        () -> SparkXaiConfig.load(null, Map.of("sparkxai.demo.partitions", "0")));
    assertEquals("config key 'sparkxai.demo.partitions' has value 0; allowed: an integer >= 1", e.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    ConfigValidationException e = assertThrows(ConfigValidationException.class,
        () -> SparkXaiConfig.load(tmp.resolve("missing.conf"), Map.of()));
    assertTrue(e.getMessage().contains("missing.conf"), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void unparsableFileIsNamed() throws IOException {
    Path file = tmp.resolve("broken.conf");
    Files.writeString(file, "sparkxai { demo { \n");
    ConfigValidationException e = assertThrows(ConfigValidationException.class,
        () -> SparkXaiConfig.load(file, Map.of()));
    assertTrue(e.getMessage().startsWith("config file " + file + " cannot be parsed"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
