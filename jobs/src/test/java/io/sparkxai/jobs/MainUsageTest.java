package io.sparkxai.jobs;

import static io.sparkxai.jobs.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage prints one line naming the problem and exits with 2, before Spark starts. */
class MainUsageTest {

  @TempDir Path tmp;

  @Test
  void unknownCommand() {
    run("frobnicate").assertUsageError("unknown command 'frobnicate'", "demo");
  }

  @Test
  void noCommand() {
    run().assertUsageError("a command is required", "demo");
  }

  @Test
  void badMaster() {
    run("demo", "--master", "nonsense").assertUsageError("sparkxai.spark.master", "nonsense");
  }

  @Test
  void missingConfigFile() {
    run("demo", "--config", "missing.conf").assertUsageError("--config missing.conf", "no such file");
  }

  @Test
  void unknownConfigKey() throws IOException {
    Path conf = tmp.resolve("x.conf");
    Files.writeString(conf, "sparkxai.demo.rowz = 5\n");
    run("demo", "--config", conf.toString()).assertUsageError("unknown config key 'sparkxai.demo.rowz'");
  }

  @Test
  void unknownOption() {
    run("demo", "--frob").assertUsageError("--frob");
  }

  @Test
  void badOptionValue() {
    run("demo", "--rows", "ten").assertUsageError("--rows", "ten");
  }

  @Test
  void missingTrainFile() {
    run("demo", "--train", tmp.resolve("no.csv").toString(), "--test",
        tmp.resolve("no2.csv").toString()).assertUsageError("--train", "no such file");
  }

  @Test
  void helpListsCommands() {
    CommandRun r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("demo"), r.out());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      CommandRun r = run(command, "--help");
      assertEquals(0, r.code(), command + " --help: " + r.err());
      assertTrue(r.out().contains("Usage: spark-xai " + command), r.out());
    }
  }
}
