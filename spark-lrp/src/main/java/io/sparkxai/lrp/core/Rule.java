package io.sparkxai.lrp.core;

import java.util.Locale;

/**
 * An LRP rule: how a layer hands the relevance of its outputs to its inputs. Formulas follow
 * Montavon et al. 2019 ("Layer-wise relevance propagation: an overview", in Explainable AI, LNCS
 * 11700), with zennit's conventions: a stabilizer {@code s} turns a denominator {@code z} into
 * {@code z + s * sign(z)} with {@code sign(0) = +1}; {@code x+}/{@code x-} and {@code W+}/{@code W-}
 * are positive and negative parts. With {@link LrpOptions#zeroBias()} every bias term is dropped.
 *
 * <ul>
 *   <li>{@link Z}: {@code R_i = sum_j x_i w_ij / z_j R_j} (LRP-0);
 *   <li>{@link Epsilon}: the same with {@code z_j + eps sign(z_j)};
 *   <li>{@link Gamma}: weights {@code W + gamma W+} for positive outputs, {@code W + gamma W-} for negative ones;
 *   <li>{@link AlphaBeta}: {@code alpha} times the positive contributions' share minus {@code beta} times
 *       the negative ones', {@code alpha - beta = 1};
 *   <li>{@link ZPlus}: positive contributions only ({@code alpha=1, beta=0});
 *   <li>{@link WSquare}: shares {@code w_ij^2 / sum_i w_ij^2}, independent of the input (no bias);
 *   <li>{@link Flat}: equal shares over the receptive field (no bias);
 *   <li>{@link ZBox}: the z^B rule for inputs bounded by {@code [low, high]} (first layer);
 *   <li>{@link Pass}: relevance passes unchanged (activations, element-wise layers);
 *   <li>{@link Norm}: the z rule on a parameter-free sum or average (sum nodes, average pooling).
 * </ul>
 */
public sealed interface Rule {

  /** Stabilizer the factories use where a rule's ratios are bounded anyway (lrp_toolbox's 1e-16). */
  double TINY = 1e-16;
  /** zennit's default stabilizer, used by the named composites. */
  double ZENNIT_STABILIZER = 1e-6;

  /** A short name with the parameters, e.g. {@code epsilon:0.01}. */
  String describe();

  /**
   * The rule for people to read, with its parameters named where they need a name, e.g.
   * {@code epsilon(0.25)}, {@code gamma(0.25)}, {@code alpha-beta(alpha=2, beta=1)},
   * {@code z^B(low=-1, high=1)}, {@code z+}, {@code w^2}.
   */
  String display();

  /**
   * What the z-rule family (z, epsilon, norm) adds to its denominators: epsilon's epsilon, the norm
   * rule's stabilizer, else {@link #TINY}.
   */
  static double denominatorEpsilon(Rule rule) {
    if (rule instanceof Epsilon e) {
      return e.epsilon();
    }
    if (rule instanceof Norm nr) {
      return nr.stabilizer();
    }
    return TINY;
  }

  /** LRP-0. */
  record Z() implements Rule {
    @Override public String describe() { return "z"; }
    @Override public String display() { return "z (LRP-0)"; }
  }

  /** LRP-epsilon. */
  record Epsilon(double epsilon) implements Rule {
    /** Checks epsilon. */
    public Epsilon {
      require(epsilon >= 0 && Double.isFinite(epsilon), "epsilon must be >= 0, got %s", epsilon);
    }

    @Override public String describe() { return "epsilon:" + epsilon; }

    @Override public String display() { return "epsilon(" + fmt(epsilon) + ")"; }
  }

  /** LRP-gamma. */
  record Gamma(double gamma, double stabilizer) implements Rule {
    /** Checks gamma. */
    public Gamma {
      require(gamma >= 0 && Double.isFinite(gamma), "gamma must be >= 0, got %s", gamma);
      requireStabilizer(stabilizer);
    }

    @Override public String describe() { return "gamma:" + gamma; }

    @Override public String display() { return "gamma(" + fmt(gamma) + ")"; }
  }

  /** LRP-alpha-beta with {@code alpha - beta = 1}. */
  record AlphaBeta(double alpha, double beta, double stabilizer) implements Rule {
    /** Checks alpha and beta. */
    public AlphaBeta {
      require(alpha >= 0 && beta >= 0, "alpha and beta must be >= 0, got alpha=%s beta=%s", alpha, beta);
      require(Math.abs(alpha - beta - 1) < 1e-12, "alpha - beta must be 1, got alpha=%s beta=%s", alpha, beta);
      requireStabilizer(stabilizer);
    }

    @Override public String describe() { return "alphabeta:" + fmt(alpha) + ":" + fmt(beta); }

    @Override public String display() { return "alpha-beta(alpha=" + fmt(alpha) + ", beta=" + fmt(beta) + ")"; }
  }

  /** LRP-z+. */
  record ZPlus(double stabilizer) implements Rule {
    /** Checks the stabilizer. */
    public ZPlus {
      requireStabilizer(stabilizer);
    }

    @Override public String describe() { return "zplus"; }

    @Override public String display() { return "z+"; }
  }

  /** LRP-w^2. */
  record WSquare(double stabilizer) implements Rule {
    /** Checks the stabilizer. */
    public WSquare {
      requireStabilizer(stabilizer);
    }

    @Override public String describe() { return "wsquare"; }

    @Override public String display() { return "w^2"; }
  }

  /** LRP-flat. */
  record Flat(double stabilizer) implements Rule {
    /** Checks the stabilizer. */
    public Flat {
      requireStabilizer(stabilizer);
    }

    @Override public String describe() { return "flat"; }

    @Override public String display() { return "flat"; }
  }

  /** LRP-z^B for inputs in {@code [low, high]}. */
  record ZBox(double low, double high, double stabilizer) implements Rule {
    /** Checks the bounds. */
    public ZBox {
      require(Double.isFinite(low) && Double.isFinite(high) && low <= high, "zbox needs low <= high, got %s, %s",
          low, high);
      requireStabilizer(stabilizer);
    }

    @Override public String describe() { return "zbox:" + fmt(low) + ":" + fmt(high); }

    @Override public String display() { return "z^B(low=" + fmt(low) + ", high=" + fmt(high) + ")"; }
  }

  /** Relevance passes through unchanged. */
  record Pass() implements Rule {
    @Override public String describe() { return "pass"; }
    @Override public String display() { return "pass (relevance unchanged)"; }
  }

  /** The z rule on a parameter-free sum or average. */
  record Norm(double stabilizer) implements Rule {
    /** Checks the stabilizer. */
    public Norm {
      requireStabilizer(stabilizer);
    }

    @Override public String describe() { return "norm"; }

    @Override public String display() { return "norm (z rule on a sum)"; }
  }

  /** LRP-0. */
  static Rule z() {
    return new Z();
  }

  /** LRP-epsilon. */
  static Rule epsilon(double epsilon) {
    return new Epsilon(epsilon);
  }

  /** LRP-gamma with a tiny stabilizer. */
  static Rule gamma(double gamma) {
    return new Gamma(gamma, TINY);
  }

  /** LRP-alpha-beta with a tiny stabilizer. */
  static Rule alphaBeta(double alpha, double beta) {
    return new AlphaBeta(alpha, beta, TINY);
  }

  /** LRP-z+ with a tiny stabilizer. */
  static Rule zPlus() {
    return new ZPlus(TINY);
  }

  /** LRP-w^2. */
  static Rule wSquare() {
    return new WSquare(TINY);
  }

  /** LRP-flat. */
  static Rule flat() {
    return new Flat(TINY);
  }

  /** LRP-z^B with a tiny stabilizer. */
  static Rule zBox(double low, double high) {
    return new ZBox(low, high, TINY);
  }

  /** Pass-through. */
  static Rule pass() {
    return new Pass();
  }

  /** The norm rule with zennit's stabilizer. */
  static Rule norm() {
    return new Norm(ZENNIT_STABILIZER);
  }

  /**
   * Parses the command-line form: {@code z}, {@code epsilon:E}, {@code gamma:G}, {@code alphabeta:A:B},
   * {@code zplus}, {@code wsquare}, {@code flat}, {@code zbox:L:H}, {@code pass}, {@code norm}.
   *
   * @throws IllegalArgumentException naming the text and the forms allowed
   */
  static Rule parse(String text) {
    String[] p = text.strip().split(":");
    String name = p[0].toLowerCase(Locale.ROOT);
    try {
      Rule r = switch (name) {
        case "z", "lrp0", "zero" -> args(p, 0, text) ? z() : null;
        case "epsilon", "eps" -> args(p, 1, text) ? epsilon(Double.parseDouble(p[1])) : null;
        case "gamma" -> args(p, 1, text) ? gamma(Double.parseDouble(p[1])) : null;
        case "alphabeta", "ab" -> args(p, 2, text) ? alphaBeta(Double.parseDouble(p[1]), Double.parseDouble(p[2]))
            : null;
        case "zplus", "z+" -> args(p, 0, text) ? zPlus() : null;
        case "wsquare", "w2", "ww" -> args(p, 0, text) ? wSquare() : null;
        case "flat" -> args(p, 0, text) ? flat() : null;
        case "zbox", "zb" -> args(p, 2, text) ? zBox(Double.parseDouble(p[1]), Double.parseDouble(p[2])) : null;
        case "pass" -> args(p, 0, text) ? pass() : null;
        case "norm" -> args(p, 0, text) ? norm() : null;
        default -> null;
      };
      if (r == null) {
        throw new IllegalArgumentException("unknown rule '" + text + "'");
      }
      return r;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rule '" + text + "' has a parameter that is not a number; " + FORMS);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + "; " + FORMS, e);
    }
  }

  /** The forms {@link #parse} accepts. */
  String FORMS = "rules: z, epsilon:E, gamma:G, alphabeta:A:B (A-B=1), zplus, wsquare, flat, zbox:L:H, pass, norm";

  private static boolean args(String[] parts, int n, String text) {
    if (parts.length != n + 1) {
      throw new IllegalArgumentException("rule '" + text + "' takes " + n + " parameter(s)");
    }
    return true;
  }

  private static void require(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
    }
  }

  private static void requireStabilizer(double s) {
    require(s > 0 && Double.isFinite(s), "a stabilizer must be > 0, got %s", s);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
