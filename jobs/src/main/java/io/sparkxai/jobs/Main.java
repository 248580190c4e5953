package io.sparkxai.jobs;

import io.sparkxai.conf.ConfigValidationException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The entry point of {@code bin/spark-xai} and of {@code spark-submit --class io.sparkxai.jobs.Main}.
 * Exit codes: 0 success, 1 the job failed, 2 bad usage (unknown command or flag, bad value, missing
 * file, bad configuration); usage errors print one line and no stack trace.
 */
@Command(name = "spark-xai", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Explainable models and explanations on Apache Spark.",
    subcommands = {DemoCommand.class, EbmTrainCommand.class, EbmExplainCommand.class, EbmMergeCommand.class,
        EbmExportCommand.class, EbmImportCommand.class, LrpCommand.class,
        ConceptsDataCommand.class, ConceptsTrainCommand.class},
    commandListHeading = "%nCommands (each has --help):%n",
    footer = {"", "Runs on local[*] unless --master says otherwise; under spark-submit, spark-submit's master."})
public final class Main implements Runnable {

  /** Exit code of a failed job. */
  public static final int FAILED = 1;
  /** Exit code of bad usage. */
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required; commands: "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /** Runs and exits the JVM with the command's exit code. */
  public static void main(String[] args) {
    int code = run(args);
    if (code != 0 || !JobRuntime.runningUnderSparkSubmit()) {
      System.exit(code);
    }
  }

  /** Runs a command line and returns its exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Runs a command line with its output and errors going to the given writers (tests call this). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(Main::onParameterError);
    cl.setExecutionExceptionHandler(Main::onExecutionError);
    return cl;
  }

  private static int onParameterError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandName();
    String message = e.getMessage();
    if (e instanceof UnmatchedArgumentException && cmd.getCommandSpec().root() == cmd.getCommandSpec()) {
      List<String> unmatched = ((UnmatchedArgumentException) e).getUnmatched();
      String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      message = first.startsWith("-") ? "unknown option '" + first + "'"
          : "unknown command '" + first + "'; commands: " + String.join(", ", cmd.getSubcommands().keySet());
    }
    err.println(name + ": " + oneLine(message) + " (see " + qualifiedName(cmd) + " --help)");
    err.flush();
    return USAGE;
  }

  private static int onExecutionError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    String name = qualifiedName(cmd);
    if (e instanceof UsageException || e instanceof ConfigValidationException) {
      err.println(name + ": " + oneLine(e.getMessage()));
      err.flush();
      return USAGE;
    }
    err.println(name + ": failed: " + oneLine(describe(e)));
    if (JobRuntime.verbose()) {
      e.printStackTrace(err);
    } else {
      err.println(name + ": run with --verbose for the stack trace");
    }
    err.flush();
    return FAILED;
  }

  private static String qualifiedName(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName(" ");
  }

  /** The innermost useful message of an exception chain (Spark wraps task failures). */
  static String describe(Throwable e) {
    Throwable t = e;
    String message = e.toString();
    while (t != null) {
      if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
          || t instanceof java.io.IOException) {
        message = t.getMessage() == null ? t.toString() : t.getMessage();
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return message;
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  /** Prints the library version (from the jar manifest when packaged). */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"spark-xai " + JobRuntime.libraryVersion()};
    }
  }
}
