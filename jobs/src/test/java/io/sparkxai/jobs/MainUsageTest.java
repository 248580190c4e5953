package io.sparkxai.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage prints one line naming the problem and exits with 2, before Spark starts. */
class MainUsageTest {

  @TempDir Path tmp;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static void assertOneLineUsageError(Result r, String... fragments) {
    assertEquals(2, r.code(), r.err());
    String err = r.err().strip();
    assertFalse(err.contains("\n"), "one line expected, got: " + err);
    assertFalse(err.contains("Exception"), "no stack trace or exception name: " + err);
    for (String f : fragments) {
      assertTrue(err.contains(f), "'" + f + "' expected in: " + err);
    }
  }

  @Test
  void unknownCommand() {
    assertOneLineUsageError(run("frobnicate"), "unknown command 'frobnicate'", "demo");
  }

  @Test
  void noCommand() {
    assertOneLineUsageError(run(), "a command is required", "demo");
  }

  @Test
  void badMaster() {
    assertOneLineUsageError(run("demo", "--master", "nonsense"), "sparkxai.spark.master", "nonsense");
  }

  @Test
  void missingConfigFile() {
    assertOneLineUsageError(run("demo", "--config", "missing.conf"), "--config missing.conf", "no such file");
  }

  @Test
  void unknownConfigKey() throws IOException {
    Path conf = tmp.resolve("x.conf");
    Files.writeString(conf, "sparkxai.demo.rowz = 5\n");
    assertOneLineUsageError(run("demo", "--config", conf.toString()), "unknown config key 'sparkxai.demo.rowz'");
  }

  @Test
  void unknownOption() {
    assertOneLineUsageError(run("demo", "--frob"), "--frob");
  }

  @Test
  void badOptionValue() {
    assertOneLineUsageError(run("demo", "--rows", "ten"), "--rows", "ten");
  }

  @Test
  void missingTrainFile() {
    assertOneLineUsageError(run("demo", "--train", tmp.resolve("no.csv").toString(), "--test",
        tmp.resolve("no2.csv").toString()), "--train", "no such file");
  }

  @Test
  void helpListsCommands() {
    Result r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("demo"), r.out());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      Result r = run(command, "--help");
      assertEquals(0, r.code(), command + " --help: " + r.err());
      assertTrue(r.out().contains("Usage: spark-xai " + command), r.out());
    }
  }
}
