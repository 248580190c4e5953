package io.sparkxai.conf;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The validated configuration of one command run: {@code reference.conf}, overlaid by an optional
 * {@code --config} file, overlaid by flags. Every key must exist in {@code reference.conf} (except
 * under {@link #FREE_FORM}, which holds settings passed on to Spark), every value must have the
 * type of its default and follow its {@link ConfigRules rule}. Immutable.
 */
public final class SparkXaiConfig {

  /** Sections whose keys are not ours to check: they are handed to Spark as they are. */
  public static final Set<String> FREE_FORM = Set.of("sparkxai.spark.conf");

  private final Config config;
  private final boolean masterGiven;

  private SparkXaiConfig(Config config, boolean masterGiven) {
    this.config = config;
    this.masterGiven = masterGiven;
  }

  /** The defaults alone, validated. */
  public static SparkXaiConfig defaults() {
    return load(null, Map.of());
  }

  /**
   * Loads, merges and validates.
   *
   * @param file a HOCON file given with {@code --config}, or null
   * @param flags values given on the command line, keyed by full path ({@code sparkxai.spark.master})
   * @throws ConfigValidationException naming the file or key, the value and what is allowed
   */
  public static SparkXaiConfig load(Path file, Map<String, String> flags) {
    Config reference = ConfigFactory.parseResources(SparkXaiConfig.class.getClassLoader(), "reference.conf",
        ConfigParseOptions.defaults().setAllowMissing(false)).resolve();
    Config fromFile = ConfigFactory.empty();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigValidationException("config file " + file + " does not exist or is not a file");
      }
      try {
        fromFile = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      } catch (ConfigException e) {
        throw new ConfigValidationException("config file " + file + " cannot be parsed: " + oneLine(e.getMessage()));
      }
      checkKnownKeys(fromFile, reference, "config file " + file);
    }
    Config fromFlags = ConfigFactory.parseMap(flags, "command-line flags");
    checkKnownKeys(fromFlags, reference, "flag");
    Config merged;
    try {
      merged = fromFlags.withFallback(fromFile).withFallback(reference).resolve();
    } catch (ConfigException e) {
      throw new ConfigValidationException("configuration cannot be resolved: " + oneLine(e.getMessage()));
    }
    checkValues(merged, reference);
    boolean masterGiven = fromFlags.hasPath("sparkxai.spark.master") || fromFile.hasPath("sparkxai.spark.master");
    return new SparkXaiConfig(merged, masterGiven);
  }

  private static void checkKnownKeys(Config given, Config reference, String source) {
    for (Map.Entry<String, ConfigValue> e : new TreeMap<>(entries(given)).entrySet()) {
      String key = e.getKey();
      if (isFreeForm(key) || reference.hasPathOrNull(key)) {
        continue;
      }
      throw new ConfigValidationException("unknown config key '" + key + "' (from " + source + ", value "
          + e.getValue().render() + "); known keys" + knownKeysNear(key, reference));
    }
  }

  private static void checkValues(Config merged, Config reference) {
    for (Map.Entry<String, ConfigValue> e : new TreeMap<>(entries(reference)).entrySet()) {
      String key = e.getKey();
      ConfigValue value = merged.getValue(key);
      String rendered = value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST
          ? value.render() : String.valueOf(value.unwrapped());
      if (!sameType(e.getValue(), merged, key)) {
        throw new ConfigValidationException("config key '" + key + "' has value " + rendered + "; allowed: "
            + typeName(e.getValue().valueType()));
      }
      String violation = ConfigRules.check(merged, key);
      if (violation != null) {
        throw new ConfigValidationException("config key '" + key + "' has value " + rendered + "; allowed: "
            + violation);
      }
    }
  }

  private static boolean sameType(ConfigValue reference, Config merged, String key) {
    try {
      switch (reference.valueType()) {
        case NUMBER:
          if (reference.unwrapped() instanceof Integer || reference.unwrapped() instanceof Long) {
            merged.getLong(key);
          } else {
            merged.getDouble(key);
          }
          return true;
        case BOOLEAN:
          merged.getBoolean(key);
          return true;
        case STRING:
          return merged.getValue(key).valueType() != ConfigValueType.OBJECT
              && merged.getValue(key).valueType() != ConfigValueType.LIST;
        case LIST:
          merged.getList(key);
          return true;
        case OBJECT:
          merged.getObject(key);
          return true;
        default:
          return true;
      }
    } catch (ConfigException.WrongType e) {
      return false;
    }
  }

  private static String typeName(ConfigValueType t) {
    switch (t) {
      case NUMBER: return "a number";
      case BOOLEAN: return "true or false";
      case LIST: return "a list";
      case OBJECT: return "an object";
      default: return "a string";
    }
  }

  /** Leaf entries, with free-form sections reported as one entry. */
  private static Map<String, ConfigValue> entries(Config config) {
    Map<String, ConfigValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> e : config.entrySet()) {
      String key = e.getKey();
      String free = FREE_FORM.stream().filter(f -> key.startsWith(f + ".")).findFirst().orElse(null);
      if (free != null) {
        out.put(free, config.getValue(free));
      } else {
        out.put(key, e.getValue());
      }
    }
    return out;
  }

  private static boolean isFreeForm(String key) {
    return FREE_FORM.stream().anyMatch(f -> key.equals(f) || key.startsWith(f + "."));
  }

  /** The known keys of the deepest section of {@code key} that exists, for the error message. */
  private static String knownKeysNear(String key, Config reference) {
    String section = key;
    while (section.contains(".") && !reference.hasPath(section = section.substring(0, section.lastIndexOf('.')))) {
      // walk up to the nearest existing section
    }
    String prefix = reference.hasPath(section) ? section + "." : "";
    List<String> keys = new ArrayList<>();
    for (String k : new TreeSet<>(entries(reference).keySet())) {
      if (k.startsWith(prefix)) {
        keys.add(k);
      }
    }
    String where = prefix.isEmpty() ? "" : " under " + section;
    return where + ": " + String.join(", ", keys.size() > 25 ? keys.subList(0, 25) : keys)
        + (keys.size() > 25 ? ", ..." : "");
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  /** The merged, validated HOCON tree (read-only). */
  public Config raw() {
    return config;
  }

  /** Spark master, app name and pass-through settings. */
  public SparkSettings spark() {
    Map<String, String> conf = new LinkedHashMap<>();
    if (config.hasPath("sparkxai.spark.conf")) {
      for (Map.Entry<String, ConfigValue> e : config.getConfig("sparkxai.spark.conf").entrySet()) {
        conf.put(unquote(e.getKey()), String.valueOf(e.getValue().unwrapped()));
      }
    }
    return new SparkSettings(config.getString("sparkxai.spark.master"), masterGiven,
        config.getString("sparkxai.spark.app-name"), Collections.unmodifiableMap(conf));
  }

  private static String unquote(String key) {
    return key.replace("\"", "");
  }

  /** An integer value by full key. */
  public int getInt(String key) {
    return config.getInt(key);
  }

  /** A long value by full key. */
  public long getLong(String key) {
    return config.getLong(key);
  }

  /** A double value by full key. */
  public double getDouble(String key) {
    return config.getDouble(key);
  }

  /** A boolean value by full key. */
  public boolean getBoolean(String key) {
    return config.getBoolean(key);
  }

  /** A string value by full key. */
  public String getString(String key) {
    return config.getString(key);
  }

  /** A list of strings by full key. */
  public List<String> getStringList(String key) {
    return List.copyOf(config.getStringList(key));
  }
}
