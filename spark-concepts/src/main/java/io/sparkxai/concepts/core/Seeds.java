package io.sparkxai.concepts.core;

import java.util.SplittableRandom;

/**
 * Derives independent 64-bit seeds from a user seed and a position (a row, a shard, an epoch), so
 * that each random stream depends only on what it is for, never on which task draws it or when.
 */
public final class Seeds {

  private Seeds() {}

  /** The seed of the stream for {@code index} under {@code seed}. */
  public static long forRow(long seed, long index) {
    return mix(mix(seed) ^ (index * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
  }

  /** The seed of a named purpose ({@code salt}) and position under {@code seed}. */
  public static long derive(long seed, long salt, long index) {
    return forRow(mix(seed + salt * 0xD1B54A32D192ED03L), index);
  }

  /**
   * A standard normal draw by the Box–Muller transform, with {@link StrictMath} so that it is the
   * same on every JVM and in interpreted and compiled code alike (the JDK's own
   * {@code nextGaussian} may use {@code Math.log}, whose last bit may differ between the two).
   */
  public static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble(); // in (0, 1]
    double v = rng.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
  }

  /** A Fisher–Yates permutation of 0..n-1 from {@code seed}. */
  public static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit over the output. */
  public static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
