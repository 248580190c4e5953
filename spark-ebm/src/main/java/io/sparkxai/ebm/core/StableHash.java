package io.sparkxai.ebm.core;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash that is the same on every JVM, platform and run (unlike {@code Object.hashCode} of
 * some types): the row keys that decide shards, bags and validation splits are built from it, so the
 * model depends on the data, the seed and the parameters only. Mixing is SplitMix64's finaliser
 * (Steele, Lea and Flood 2014), combined per value with an odd multiplier.
 */
public final class StableHash {

  /** The hash of no value. */
  public static final long SEED = 0x2545F4914F6CDD1DL;

  private StableHash() {}

  /** SplitMix64's finaliser: a bijective, well-mixing function of a long. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Adds a long to a running hash. */
  public static long add(long h, long v) {
    return mix(h * 0x9E3779B97F4A7C15L + v);
  }

  /** Adds a double to a running hash; every NaN hashes alike and -0.0 like 0.0. */
  public static long add(long h, double v) {
    if (Double.isNaN(v)) {
      return add(h, 0x7FF8000000000000L);
    }
    return add(h, Double.doubleToLongBits(v == 0.0 ? 0.0 : v));
  }

  /** Adds a string (or null, distinct from every string) to a running hash. */
  public static long add(long h, String s) {
    if (s == null) {
      return add(h, 0x5DEECE66DL);
    }
    long x = add(h, (long) s.length());
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    long word = 0;
    int n = 0;
    for (byte value : b) {
      word = (word << 8) | (value & 0xFF);
      if (++n == 8) {
        x = add(x, word);
        word = 0;
        n = 0;
      }
    }
    return n == 0 ? x : add(x, word ^ ((long) n << 56));
  }

  /** A uniform double in [0, 1) from a hash. */
  public static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }
}
