package io.sparkxai.concepts.core;

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

  /** MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit over the output. */
  public static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
