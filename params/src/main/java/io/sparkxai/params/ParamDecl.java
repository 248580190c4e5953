package io.sparkxai.params;

import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import scala.runtime.AbstractFunction1;

/**
 * A param declared once: its name, doc, default and {@link Rule}. A params interface holds its
 * declarations as constants and exposes each through three default methods (the param, its getter
 * and its fluent setter; see {@link DeclaredParams}); every stage implementing the interface gets
 * the Spark {@link Param} object, created for that stage by its {@link ParamRegistry}.
 *
 * <p>The Spark param type follows the value type ({@code IntParam} for {@code Integer},
 * {@code StringArrayParam} for {@code String[]}, {@code Param<String>} for strings), so saved
 * stages read and write the same JSON as hand-written params.
 *
 * @param <T> the value type
 */
public final class ParamDecl<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String doc;
  private final Class<T> type;
  private final T defaultValue;
  private final Rule<T> rule;

  private ParamDecl(String name, String doc, Class<T> type, T defaultValue, Rule<T> rule) {
    this.name = Objects.requireNonNull(name, "name");
    this.doc = Objects.requireNonNull(doc, "doc");
    this.type = type;
    this.defaultValue = defaultValue;
    this.rule = Objects.requireNonNull(rule, "rule");
    if (defaultValue != null && rule.violation(defaultValue) != null) {
      throw new IllegalArgumentException("default of " + name + " breaks its rule: " + message(defaultValue));
    }
  }

  /** An int param. */
  public static ParamDecl<Integer> ofInt(String name, String doc, int defaultValue, Rule<Integer> rule) {
    return new ParamDecl<>(name, doc, Integer.class, defaultValue, rule);
  }

  /** A long param. */
  public static ParamDecl<Long> ofLong(String name, String doc, long defaultValue, Rule<Long> rule) {
    return new ParamDecl<>(name, doc, Long.class, defaultValue, rule);
  }

  /** A double param. */
  public static ParamDecl<Double> ofDouble(String name, String doc, double defaultValue, Rule<Double> rule) {
    return new ParamDecl<>(name, doc, Double.class, defaultValue, rule);
  }

  /** An int param without a default (unset until set). */
  public static ParamDecl<Integer> ofInt(String name, String doc, Rule<Integer> rule) {
    return new ParamDecl<>(name, doc, Integer.class, null, rule);
  }

  /** A double param without a default (unset until set). */
  public static ParamDecl<Double> ofDouble(String name, String doc, Rule<Double> rule) {
    return new ParamDecl<>(name, doc, Double.class, null, rule);
  }

  /** A boolean param. */
  public static ParamDecl<Boolean> ofBoolean(String name, String doc, boolean defaultValue) {
    return new ParamDecl<>(name, doc, Boolean.class, defaultValue, Rule.any());
  }

  /** A string param; {@code defaultValue} may be {@code null} for a param without a default. */
  public static ParamDecl<String> ofString(String name, String doc, String defaultValue, Rule<String> rule) {
    return new ParamDecl<>(name, doc, String.class, defaultValue, rule);
  }

  /** A string param that takes any value. */
  public static ParamDecl<String> ofString(String name, String doc, String defaultValue) {
    return ofString(name, doc, defaultValue, Rule.any());
  }

  /** A string-array param. */
  public static ParamDecl<String[]> ofStrings(String name, String doc, String[] defaultValue, Rule<String[]> rule) {
    return new ParamDecl<>(name, doc, String[].class, defaultValue, rule);
  }

  /** An int-array param. */
  public static ParamDecl<int[]> ofInts(String name, String doc, int[] defaultValue, Rule<int[]> rule) {
    return new ParamDecl<>(name, doc, int[].class, defaultValue, rule);
  }

  /** A double-array param. */
  public static ParamDecl<double[]> ofDoubles(String name, String doc, double[] defaultValue, Rule<double[]> rule) {
    return new ParamDecl<>(name, doc, double[].class, defaultValue, rule);
  }

  /** The param's name, as Spark, saved stages and Python know it. */
  public String name() {
    return name;
  }

  /** The param's documentation. */
  public String doc() {
    return doc;
  }

  /** The value type. */
  public Class<T> type() {
    return type;
  }

  /** The default, or {@code null} when the param has none. */
  public T defaultValue() {
    return defaultValue;
  }

  /** Throws {@link IllegalArgumentException} ("NAME must be RULE, got VALUE") unless the rule allows it. */
  public void check(T value) {
    String v = value == null ? rule.nullViolation() : rule.violation(value);
    if (v != null) {
      throw new IllegalArgumentException(message(value, v));
    }
  }

  private String message(T value) {
    return message(value, rule.violation(value));
  }

  private String message(Object value, String violation) {
    return name + " must be " + violation + ", got " + Rule.describe(value);
  }

  /** A Spark param of the matching type for {@code owner}, validated by this declaration's rule. */
  Param<?> newParam(Params owner) {
    Validator<T> v = new Validator<>(this);
    if (type == Integer.class) {
      return new IntParam(owner, name, doc, cast(v));
    } else if (type == Long.class) {
      return new LongParam(owner, name, doc, cast(v));
    } else if (type == Double.class) {
      return new DoubleParam(owner, name, doc, cast(v));
    } else if (type == Boolean.class) {
      return new BooleanParam(owner, name, doc);
    } else if (type == String[].class) {
      return new StringArrayParam(owner, name, doc, cast(v));
    } else if (type == int[].class) {
      return new IntArrayParam(owner, name, doc, cast(v));
    } else if (type == double[].class) {
      return new DoubleArrayParam(owner, name, doc, cast(v));
    }
    return new Param<T>(owner, name, doc, v);
  }

  @SuppressWarnings("unchecked")
  private static <A> scala.Function1<A, Object> cast(Validator<?> v) {
    return (scala.Function1<A, Object>) (scala.Function1<?, ?>) v;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Spark's validator contract: returns true, or throws with this declaration's message. */
  private static final class Validator<T> extends AbstractFunction1<T, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ParamDecl<T> decl;

    Validator(ParamDecl<T> decl) {
      this.decl = decl;
    }

    @Override
    public Object apply(T value) {
      decl.check(value);
      return Boolean.TRUE;
    }
  }
}
