package io.sparkxai.params;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.param.Params;

/**
 * The root of our params interfaces. A param is declared once, in an interface extending this one,
 * as a {@link ParamDecl} constant and three default methods:
 *
 * <pre>{@code
 * ParamDecl<Integer> MAX_BINS = ParamDecl.ofInt("maxBins", "bins per feature", 1024, Rule.atLeast(3));
 *
 * default IntParam maxBins() { return intParam(MAX_BINS); }     // what Spark reflects on
 * default int getMaxBins() { return valueOf(MAX_BINS); }
 * default S setMaxBins(int value) { return setValue(MAX_BINS, value); }
 * }</pre>
 *
 * Every estimator and model implementing the interface has the param, its default, its rule and its
 * fluent setter; a stage's only duty is to create its {@link ParamRegistry} in its constructor and
 * return it from {@link #paramRegistry()}. Spark finds params by reflecting over public no-arg
 * methods returning a {@link Param}, which default methods are.
 *
 * @param <S> the concrete stage, returned by the fluent setters
 */
public interface DeclaredParams<S extends DeclaredParams<S>> extends Params {

  /** This stage's params, one per declaration. */
  ParamRegistry paramRegistry();

  /** This stage's Spark param for {@code decl}. */
  default <T> Param<T> declared(ParamDecl<T> decl) {
    return paramRegistry().param(decl);
  }

  /** This stage's {@code IntParam} for {@code decl} (Spark's int params are {@code Param<Object>} to Java). */
  default IntParam intParam(ParamDecl<Integer> decl) {
    return (IntParam) (Param<?>) declared(decl);
  }

  /** This stage's {@code LongParam} for {@code decl}. */
  default LongParam longParam(ParamDecl<Long> decl) {
    return (LongParam) (Param<?>) declared(decl);
  }

  /** This stage's {@code DoubleParam} for {@code decl}. */
  default DoubleParam doubleParam(ParamDecl<Double> decl) {
    return (DoubleParam) (Param<?>) declared(decl);
  }

  /** This stage's {@code BooleanParam} for {@code decl}. */
  default BooleanParam booleanParam(ParamDecl<Boolean> decl) {
    return (BooleanParam) (Param<?>) declared(decl);
  }

  /** This stage's {@code StringArrayParam} for {@code decl}. */
  default StringArrayParam stringArrayParam(ParamDecl<String[]> decl) {
    return (StringArrayParam) (Param<?>) declared(decl);
  }

  /** This stage's {@code IntArrayParam} for {@code decl}. */
  default IntArrayParam intArrayParam(ParamDecl<int[]> decl) {
    return (IntArrayParam) (Param<?>) declared(decl);
  }

  /** This stage's {@code DoubleArrayParam} for {@code decl}. */
  default DoubleArrayParam doubleArrayParam(ParamDecl<double[]> decl) {
    return (DoubleArrayParam) (Param<?>) declared(decl);
  }

  /** The value of {@code decl}'s param: the one set, else the default. */
  @SuppressWarnings("unchecked")
  default <T> T valueOf(ParamDecl<T> decl) {
    return (T) getOrDefault(declared(decl));
  }

  /** The value of {@code decl}'s param, or {@code null} when it is neither set nor has a default. */
  default <T> T valueOrNull(ParamDecl<T> decl) {
    return isDefined(declared(decl)) ? valueOf(decl) : null;
  }

  /**
   * Sets {@code decl}'s param, or clears it when {@code value} is {@code null} (for params without
   * a default, whose getters read {@code null} as unset), and returns this stage.
   */
  @SuppressWarnings("unchecked")
  default <T> S setOrClear(ParamDecl<T> decl, T value) {
    if (value == null) {
      clear(declared(decl));
      return (S) this;
    }
    return setValue(decl, value);
  }

  /** Sets {@code decl}'s param (its rule checks the value) and returns this stage. */
  @SuppressWarnings("unchecked")
  default <T> S setValue(ParamDecl<T> decl, T value) {
    set(declared(decl), value);
    return (S) this;
  }
}
