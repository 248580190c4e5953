package io.sparkxai.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One command line run through {@link Main} as {@code bin/spark-xai} runs it, with what it printed.
 *
 * @param code the exit code
 * @param out the standard output
 * @param err the standard error
 */
record CommandRun(int code, String out, String err) {

  /** Runs {@code args} and keeps the exit code and both outputs. */
  static CommandRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  /**
   * What a successful run printed and the metrics it wrote.
   *
   * @param out the standard output
   * @param metrics the {@code --metrics-out} file's JSON
   */
  record Measured(String out, JsonNode metrics) {}

  /**
   * Runs {@code args} with {@code --metrics-out} a new file in {@code dir}, asserts success, and returns
   * the output and the metrics.
   */
  static Measured runMeasured(Path dir, String... args) throws IOException {
    Path metrics = Files.createTempFile(dir, "metrics-", ".json");
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--metrics-out";
    all[args.length + 1] = metrics.toString();
    CommandRun r = run(all).assertOk();
    return new Measured(r.out(), new ObjectMapper().readTree(metrics.toFile()));
  }

  /** Asserts a success, showing both outputs otherwise. */
  CommandRun assertOk() {
    assertEquals(0, code, "stdout: " + out + "\nstderr: " + err);
    return this;
  }

  /** Asserts bad usage: exit code 2, one line, no exception name, and each fragment in it. */
  void assertUsageError(String... fragments) {
    assertEquals(2, code, err);
    String line = err.strip();
    assertFalse(line.contains("\n"), "one line expected, got: " + line);
    assertFalse(line.contains("Exception"), "no stack trace or exception name: " + line);
    for (String f : fragments) {
      assertTrue(line.contains(f), "'" + f + "' expected in: " + line);
    }
  }
}
