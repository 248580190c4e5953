package io.sparkxai.conf;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rule each configuration value must follow, beyond the type its default in
 * {@code reference.conf} already fixes. A rule returns {@code null} when the value is fine, else a
 * short phrase saying what is allowed ("an integer >= 1").
 */
public final class ConfigRules {

  /** A check of one key's value. */
  @FunctionalInterface
  public interface Rule {
    /** @return null when {@code config}'s value at {@code key} is allowed, else what is allowed */
    String violation(Config config, String key);
  }

  /** Spark master URLs that Spark's own {@code SparkContext} accepts. */
  static final Pattern MASTER = Pattern.compile(
      "local|local\\[(\\*|[1-9][0-9]*)]|local\\[(\\*|[1-9][0-9]*),\\s*[0-9]+]"
          + "|local-cluster\\[\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*]"
          + "|spark://[^\\s/]+(:[0-9]+)?(,[^\\s/]+(:[0-9]+)?)*|yarn|k8s://\\S+|mesos://\\S+");

  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("sparkxai.spark.master", (c, k) -> MASTER.matcher(c.getString(k)).matches() ? null
        : "a Spark master URL: local, local[N], local[*], local-cluster[N,C,MB], spark://HOST:PORT, yarn or k8s://URL");
    RULES.put("sparkxai.spark.app-name", nonBlank());
    RULES.put("sparkxai.demo.train-rows", intAtLeast(100));
    RULES.put("sparkxai.demo.test-rows", intAtLeast(100));
    RULES.put("sparkxai.demo.partitions", intAtLeast(1));
    RULES.put("sparkxai.demo.output-dir", nonBlank());
    RULES.put("sparkxai.lrp.batch-size", intAtLeast(1));
    RULES.put("sparkxai.lrp.device", oneOf("auto", "cpu", "gpu"));
    RULES.put("sparkxai.lrp.precision", oneOf("float32", "float64"));
    RULES.put("sparkxai.concepts.epochs", intAtLeast(1));
    RULES.put("sparkxai.concepts.batch-size", intAtLeast(0));
    RULES.put("sparkxai.concepts.shards", intAtLeast(0));
    RULES.put("sparkxai.concepts.intervention-policy", oneOf("random", "uncertainty"));
    RULES.put("sparkxai.ebm.partitions", intAtLeast(0));
    RULES.put("sparkxai.ebm.log-every", intAtLeast(0));
  }

  private ConfigRules() {}

  /** The rule for {@code key}, or null when only its type is checked. */
  public static Rule forKey(String key) {
    return RULES.get(key);
  }

  /** An integer of at least {@code min}. */
  public static Rule intAtLeast(int min) {
    return (c, k) -> c.getInt(k) >= min ? null : "an integer >= " + min;
  }

  /** A number in the closed range [{@code min}, {@code max}]. */
  public static Rule numberIn(double min, double max) {
    return (c, k) -> {
      double v = c.getDouble(k);
      return v >= min && v <= max ? null : "a number in [" + min + ", " + max + "]";
    };
  }

  /** A number strictly greater than {@code min}. */
  public static Rule numberAbove(double min) {
    return (c, k) -> c.getDouble(k) > min ? null : "a number > " + min;
  }

  /** One of the given words. */
  public static Rule oneOf(String... allowed) {
    List<String> words = List.of(allowed);
    return (c, k) -> words.contains(c.getString(k)) ? null : "one of " + String.join(", ", words);
  }

  /** A string that is not blank. */
  public static Rule nonBlank() {
    return (c, k) -> c.getString(k).isBlank() ? "a non-empty string" : null;
  }

  static String check(Config config, String key) {
    Rule rule = RULES.get(key);
    if (rule == null) {
      return null;
    }
    try {
      return rule.violation(config, key);
    } catch (ConfigException.WrongType e) {
      return "a value of the right type";
    }
  }
}
