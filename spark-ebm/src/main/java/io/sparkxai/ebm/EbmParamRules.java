package io.sparkxai.ebm;

import io.sparkxai.ebm.core.PairRanking;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import scala.runtime.AbstractFunction1;

/**
 * Every rule a parameter value must follow, in one place. A rule is a Spark param validator that
 * throws {@link IllegalArgumentException} with a message naming the param, the rule and the value
 * ({@code "maxBins must be >= 3, got 1"}), so bad values fail where they are set; the cross-param
 * rules run in {@link EbmSettings#from}.
 */
final class EbmParamRules {

  private EbmParamRules() {}

  /** A validator: returns true or throws with the message. */
  abstract static class Rule<T> extends AbstractFunction1<T, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    final String name;

    Rule(String name) {
      this.name = name;
    }

    abstract String violation(T value);

    @Override
    public Object apply(T value) {
      String v = violation(value);
      if (v != null) {
        throw new IllegalArgumentException(name + " must be " + v + ", got " + describe(value));
      }
      return Boolean.TRUE;
    }
  }

  static String describe(Object value) {
    if (value instanceof String[]) {
      return List.of((String[]) value).toString();
    }
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  static Rule<Object> intAtLeast(String name, int min) {
    return new Rule<>(name) {
      private static final long serialVersionUID = 1L;

      @Override
      String violation(Object v) {
        return ((Number) v).intValue() >= min ? null : ">= " + min;
      }
    };
  }

  static Rule<Object> doubleAtLeast(String name, double min) {
    return new Rule<>(name) {
      private static final long serialVersionUID = 1L;

      @Override
      String violation(Object v) {
        double d = ((Number) v).doubleValue();
        return d >= min && !Double.isNaN(d) ? null : ">= " + min;
      }
    };
  }

  static Rule<Object> doubleAbove(String name, double min) {
    return new Rule<>(name) {
      private static final long serialVersionUID = 1L;

      @Override
      String violation(Object v) {
        double d = ((Number) v).doubleValue();
        return d > min && Double.isFinite(d) ? null : "a finite number > " + min;
      }
    };
  }

  static Rule<Object> fraction(String name) {
    return new Rule<>(name) {
      private static final long serialVersionUID = 1L;

      @Override
      String violation(Object v) {
        double d = ((Number) v).doubleValue();
        return d >= 0 && d < 1 ? null : "in [0, 1)";
      }
    };
  }

  static Rule<String> oneOf(String name, String... allowed) {
    return new Rule<>(name) {
      private static final long serialVersionUID = 1L;

      @Override
      String violation(String v) {
        return v != null && List.of(allowed).contains(v.toLowerCase(Locale.ROOT)) ? null
            : "one of " + String.join(", ", allowed);
      }
    };
  }

  static Rule<String> interactions(String name) {
    return new Rule<>(name) {
      private static final long serialVersionUID = 1L;

      @Override
      String violation(String v) {
        try {
          PairRanking.count(v, 1);
          return null;
        } catch (IllegalArgumentException e) {
          return "a count (\"10\", \"0\") or a multiple of the feature count (\"3x\")";
        }
      }
    };
  }

  static Rule<String[]> distinctNames(String name) {
    return new Rule<>(name) {
      private static final long serialVersionUID = 1L;

      @Override
      String violation(String[] v) {
        if (v == null) {
          return "a list of names";
        }
        for (String s : v) {
          if (s == null || s.isEmpty()) {
            return "a list of non-empty names";
          }
        }
        return List.of(v).stream().distinct().count() == v.length ? null : "a list of distinct names";
      }
    };
  }

  static Rule<Object> anyValue(String name) {
    return new Rule<>(name) {
      private static final long serialVersionUID = 1L;

      @Override
      String violation(Object v) {
        return null;
      }
    };
  }

  static Rule<String> any(String name) {
    return new Rule<>(name) {
      private static final long serialVersionUID = 1L;

      @Override
      String violation(String v) {
        return v == null ? "a string" : null;
      }
    };
  }
}
