package io.sparkxai.jobs;

import io.sparkxai.lrp.LrpExplainer;
import io.sparkxai.lrp.core.LrpOptions;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The {@code lrp} flags that choose the rules, the explained output and the initial relevance. They
 * become {@link LrpExplainer} params; spark-lrp parses and checks them, and its messages, which name
 * the params, come back naming the flags.
 */
final class LrpRuleOptions {

  /** The params spark-lrp's rule messages name, and the flags that set them. */
  private static final Map<String, String> FLAGS = Map.of("rule", "--rule", "composite", "--composite",
      "firstRule", "--first-rule", "low", "--low", "high", "--high");
  private static final Pattern PARAM = Pattern.compile("\\b(firstRule|rule|composite|low|high)\\b");

  @Option(names = "--composite", paramLabel = "NAME",
      description = "EpsilonPlus, EpsilonPlusFlat (default), EpsilonGammaBox, EpsilonAlpha2Beta1, EpsilonAlpha2Beta1Flat.")
  String composite;

  @Option(names = "--low", paramLabel = "X", description = "Lowest input value (EpsilonGammaBox).")
  Double low;

  @Option(names = "--high", paramLabel = "X", description = "Highest input value (EpsilonGammaBox).")
  Double high;

  @Option(names = "--rule", paramLabel = "RULE",
      description = "One rule for every layer: z, epsilon:E, gamma:G, alphabeta:A:B, zplus, wsquare, flat, zbox:L:H.")
  String rule;

  @Option(names = "--first-rule", paramLabel = "RULE", description = "The rule of the first dense/conv layer.")
  String firstRule;

  @Option(names = "--zero-bias", description = "Leave biases out of every denominator.")
  boolean zeroBias;

  @Option(names = "--no-canonize", description = "Keep BatchNorm and residual additions as they are.")
  boolean noCanonize;

  @Option(names = "--target", paramLabel = "predicted|INDEX", description = "The explained output (default predicted).")
  String target = "predicted";

  @Option(names = "--init", paramLabel = "one|output",
      description = "Initial relevance: 1, or the output's value (default one).")
  String init = "one";

  /**
   * Sets the params these flags give on {@code lrp} and returns the engine options they make, as
   * every task of the explainer would build them.
   *
   * @throws UsageException naming the flag at fault
   */
  LrpOptions applyTo(LrpExplainer lrp) {
    String mode = init.toLowerCase(Locale.ROOT);
    if (!mode.equals("one") && !mode.equals("output")) {
      throw new UsageException("--init " + init + ": expected one or output");
    }
    lrp.setZeroBias(zeroBias).setCanonize(!noCanonize).setInit(mode);
    Flags.ifGiven(composite, lrp::setComposite);
    Flags.ifGiven(rule, lrp::setRule);
    Flags.ifGiven(firstRule, lrp::setFirstRule);
    Flags.ifGiven(low, lrp::setLow);
    Flags.ifGiven(high, lrp::setHigh);
    if (!target.equalsIgnoreCase("predicted")) {
      lrp.setTargetClass(classIndex());
    }
    LrpOptions options;
    try {
      options = lrp.engineOptions();
    } catch (IllegalArgumentException e) {
      throw new UsageException(namingFlags(e.getMessage()));
    }
    if (rule != null && (low != null || high != null)) {
      // the explainer leaves low and high unused beside a rule; a flag that does nothing is an error here
      throw new UsageException("--low and --high go with --composite EpsilonGammaBox, not with --rule");
    }
    return options;
  }

  private int classIndex() {
    try {
      int k = Integer.parseInt(target);
      if (k >= 0) {
        return k;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--target " + target + ": expected predicted or a class index");
  }

  /**
   * A message of spark-lrp's with the params it opens with (the text before the first {@code ": "},
   * or all of it) named as flags: {@code "composite: unknown ..."} becomes
   * {@code "--composite unknown ..."}, {@code "rule and composite exclude each other"} becomes
   * {@code "--rule and --composite exclude each other"}.
   */
  static String namingFlags(String message) {
    int colon = message.indexOf(": ");
    String head = colon < 0 ? message : message.substring(0, colon);
    String rest = colon < 0 ? "" : " " + message.substring(colon + 2);
    Matcher m = PARAM.matcher(head);
    return m.replaceAll(r -> Matcher.quoteReplacement(FLAGS.get(r.group(1)))) + rest;
  }
}
