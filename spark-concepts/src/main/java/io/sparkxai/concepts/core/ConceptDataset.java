package io.sparkxai.concepts.core;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The synthetic concept benchmarks of torch_explain ({@code torch_explain.datasets.benchmarks}),
 * with its exact formulas, generated row by row: row {@code i} of seed {@code s} depends only on
 * {@code (s, i)}, so any slice of rows can be produced by any task in any order and the table is the
 * same whatever the partitioning. (torch_explain draws all rows from numpy's global generator, and its
 * {@code dot} ignores its seed; ours does not.) Labels and concepts are 0/1.
 *
 * <ul>
 *   <li>{@link #XOR}: x ~ U(0,1)², c = [x₀ &gt; ½, x₁ &gt; ½], y = c₀ ⊕ c₁.</li>
 *   <li>{@link #TRIGONOMETRY}: (a, b, d) ~ N(0, 2²)³, x = [sin a + a, cos a + a, sin b + b, cos b + b,
 *       sin d + d, cos d + d, a² + b² + d²], c = [a &gt; 0, b &gt; 0, d &gt; 0], y = (a + b + d) &gt; 1.</li>
 *   <li>{@link #DOT}: v₁, v₃ ~ 2·N(0, 1)², x = [v₁ + v₃, v₁ − v₃] (4 values), c = [v₁·(1, 1) &gt; 0,
 *       v₃·(−1, −1) &gt; 0], y = v₁·v₃ &gt; 0.</li>
 * </ul>
 */
public enum ConceptDataset {
  /** Two uniform inputs; the task is the exclusive or of their thresholded values. */
  XOR(2, 2) {
    @Override
    int fill(SplittableRandom rng, double[] x, int[] c) {
      x[0] = rng.nextDouble();
      x[1] = rng.nextDouble();
      c[0] = x[0] > 0.5 ? 1 : 0;
      c[1] = x[1] > 0.5 ? 1 : 0;
      return c[0] ^ c[1];
    }
  },
  /** Three hidden normals seen through trigonometric features; the task is their sum above 1. */
  TRIGONOMETRY(7, 3) {
    @Override
    int fill(SplittableRandom rng, double[] x, int[] c) {
      double a = 2 * Seeds.gaussian(rng);
      double b = 2 * Seeds.gaussian(rng);
      double d = 2 * Seeds.gaussian(rng);
      x[0] = StrictMath.sin(a) + a;
      x[1] = StrictMath.cos(a) + a;
      x[2] = StrictMath.sin(b) + b;
      x[3] = StrictMath.cos(b) + b;
      x[4] = StrictMath.sin(d) + d;
      x[5] = StrictMath.cos(d) + d;
      x[6] = a * a + b * b + d * d;
      c[0] = a > 0 ? 1 : 0;
      c[1] = b > 0 ? 1 : 0;
      c[2] = d > 0 ? 1 : 0;
      return a + b + d > 1 ? 1 : 0;
    }
  },
  /** Two hidden 2-d vectors seen through their sum and difference; the task is their dot product's sign. */
  DOT(4, 2) {
    @Override
    int fill(SplittableRandom rng, double[] x, int[] c) {
      double v10 = 2 * Seeds.gaussian(rng);
      double v11 = 2 * Seeds.gaussian(rng);
      double v30 = 2 * Seeds.gaussian(rng);
      double v31 = 2 * Seeds.gaussian(rng);
      x[0] = v10 + v30;
      x[1] = v11 + v31;
      x[2] = v10 - v30;
      x[3] = v11 - v31;
      c[0] = v10 + v11 > 0 ? 1 : 0;
      c[1] = -v30 - v31 > 0 ? 1 : 0;
      return v10 * v30 + v11 * v31 > 0 ? 1 : 0;
    }
  };

  private final int features;
  private final int concepts;

  ConceptDataset(int features, int concepts) {
    this.features = features;
    this.concepts = concepts;
  }

  /** Number of input features (columns x0, x1, ...). */
  public int numFeatures() {
    return features;
  }

  /** Number of concepts (columns c0, c1, ...). */
  public int numConcepts() {
    return concepts;
  }

  /** The name as the command line takes it ({@code xor}, {@code trigonometry}, {@code dot}). */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The data set called {@code name} (case-insensitive); the error lists the names. */
  public static ConceptDataset of(String name) {
    for (ConceptDataset d : values()) {
      if (d.cliName().equalsIgnoreCase(name.trim())) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown concept data set '" + name + "'; data sets: xor, trigonometry, dot");
  }

  /**
   * Generates row {@code index} of the table with {@code seed}.
   *
   * @param x receives the {@link #numFeatures()} features
   * @param c receives the {@link #numConcepts()} concepts (0 or 1)
   * @return the label (0 or 1)
   */
  public int row(long seed, long index, double[] x, int[] c) {
    if (x.length != features || c.length != concepts) {
      throw new IllegalArgumentException(cliName() + " rows have " + features + " features and " + concepts
          + " concepts, got arrays of " + x.length + " and " + c.length);
    }
    return fill(new SplittableRandom(Seeds.forRow(seed, index)), x, c);
  }

  abstract int fill(SplittableRandom rng, double[] x, int[] c);
}
