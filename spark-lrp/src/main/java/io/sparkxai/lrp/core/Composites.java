package io.sparkxai.lrp.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * zennit's named composites with its defaults (zennit 0.5, module {@code zennit.composites}): epsilon
 * 1e-6 for dense layers, gamma 0.25, stabilizer 1e-6, and the shared base map (activations pass,
 * sums and average pooling take the norm rule, BatchNorm passes). Softmax also passes here (zennit
 * leaves it to its gradient; explain the logits where you can).
 */
public final class Composites {

  /** zennit's default epsilon. */
  public static final double EPSILON = 1e-6;
  /** zennit's default gamma. */
  public static final double GAMMA = 0.25;
  /** zennit's default stabilizer. */
  public static final double STABILIZER = Rule.ZENNIT_STABILIZER;

  /** The names {@link #byName} knows. */
  public static final List<String> NAMES = List.of("EpsilonPlus", "EpsilonPlusFlat", "EpsilonGammaBox",
      "EpsilonAlpha2Beta1", "EpsilonAlpha2Beta1Flat");

  private Composites() {}

  private static List<Composite.Entry> base(Composite.Entry... specific) {
    List<Composite.Entry> l = new ArrayList<>(List.of(
        new Composite.Entry(LayerType.ACTIVATION, Rule.pass()),
        new Composite.Entry(LayerType.SUM, new Rule.Norm(STABILIZER)),
        new Composite.Entry(LayerType.AVG_POOL, new Rule.Norm(STABILIZER)),
        new Composite.Entry(LayerType.BATCH_NORM, Rule.pass()),
        new Composite.Entry(LayerType.SOFTMAX, Rule.pass())));
    l.addAll(List.of(specific));
    return l;
  }

  private static Composite.Entry epsilonDense() {
    return new Composite.Entry(LayerType.DENSE, new Rule.Epsilon(EPSILON));
  }

  /** z+ for convolutions, epsilon for dense layers. */
  public static Composite epsilonPlus() {
    return new Composite("EpsilonPlus", base(new Composite.Entry(LayerType.CONVOLUTION, new Rule.ZPlus(STABILIZER)),
        epsilonDense()), List.of(), Map.of());
  }

  /** {@link #epsilonPlus()} with the flat rule for the first dense or convolutional layer. */
  public static Composite epsilonPlusFlat() {
    return new Composite("EpsilonPlusFlat", base(new Composite.Entry(LayerType.CONVOLUTION,
        new Rule.ZPlus(STABILIZER)), epsilonDense()),
        List.of(new Composite.Entry(LayerType.LINEAR, new Rule.Flat(STABILIZER))), Map.of());
  }

  /** z^B(low, high) for the first convolution, gamma for the other convolutions, epsilon for dense layers. */
  public static Composite epsilonGammaBox(double low, double high) {
    return new Composite("EpsilonGammaBox", base(new Composite.Entry(LayerType.CONVOLUTION,
        new Rule.Gamma(GAMMA, STABILIZER)), epsilonDense()),
        List.of(new Composite.Entry(LayerType.CONVOLUTION, new Rule.ZBox(low, high, STABILIZER))), Map.of());
  }

  /** alpha=2, beta=1 for convolutions, epsilon for dense layers. */
  public static Composite epsilonAlpha2Beta1() {
    return new Composite("EpsilonAlpha2Beta1", base(new Composite.Entry(LayerType.CONVOLUTION,
        new Rule.AlphaBeta(2, 1, STABILIZER)), epsilonDense()), List.of(), Map.of());
  }

  /** {@link #epsilonAlpha2Beta1()} with the flat rule for the first dense or convolutional layer. */
  public static Composite epsilonAlpha2Beta1Flat() {
    return new Composite("EpsilonAlpha2Beta1Flat", base(new Composite.Entry(LayerType.CONVOLUTION,
        new Rule.AlphaBeta(2, 1, STABILIZER)), epsilonDense()),
        List.of(new Composite.Entry(LayerType.LINEAR, new Rule.Flat(STABILIZER))), Map.of());
  }

  /** Whether the composite of this name (as {@link #byName} reads it) takes input bounds: EpsilonGammaBox. */
  public static boolean takesBounds(String name) {
    return key(name).equals("epsilongammabox");
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replace("_", "");
  }

  /**
   * A composite by its zennit name (case-insensitive, also snake case such as
   * {@code epsilon_gamma_box}); {@code low} and {@code high} are EpsilonGammaBox's input bounds (null
   * elsewhere).
   */
  public static Composite byName(String name, Double low, Double high) {
    String key = key(name);
    boolean box = takesBounds(name);
    if (box && (low == null || high == null)) {
      throw new IllegalArgumentException("composite EpsilonGammaBox needs the input bounds low and high");
    }
    if (!box && (low != null || high != null)) {
      throw new IllegalArgumentException("low/high apply to EpsilonGammaBox only, not to " + name);
    }
    return switch (key) {
      case "epsilonplus" -> epsilonPlus();
      case "epsilonplusflat" -> epsilonPlusFlat();
      case "epsilongammabox" -> epsilonGammaBox(low, high);
      case "epsilonalpha2beta1" -> epsilonAlpha2Beta1();
      case "epsilonalpha2beta1flat" -> epsilonAlpha2Beta1Flat();
      default -> throw new IllegalArgumentException("unknown composite '" + name + "'; composites: "
          + String.join(", ", NAMES));
    };
  }
}
