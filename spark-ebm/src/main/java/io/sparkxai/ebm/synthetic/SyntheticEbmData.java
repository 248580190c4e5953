package io.sparkxai.ebm.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The synthetic binary-classification set of {@code gen_ebm_synthetic.py}, with the same feature
 * distributions, true shape functions, intercept (−1) and logit noise (sd 0.3). Our own random
 * streams replace numpy's, so rows differ from the Python file's but follow the same law.
 *
 * <p>Features: {@code x0..x19} (numeric; {@code x12..x19} are noise; {@code x5} is missing, NaN, in
 * about 1% of rows), {@code c0} (8 levels), {@code c1} (30 Zipf-like levels). True terms: 12 numeric
 * mains, both categoricals, {@code x0 & x1} and {@code x3 & x10}. Immutable and thread-safe.
 */
public final class SyntheticEbmData {

  /** Number of numeric features. */
  public static final int NUMERIC_FEATURES = 20;
  /** Rows per independently seeded chunk. */
  public static final int CHUNK_ROWS = 10_000;
  /** Levels of {@code c0}. */
  public static final List<String> C0_LEVELS = List.of("A", "B", "C", "D", "E", "F", "G", "H");
  private static final double[] C0_PROBS = {0.30, 0.20, 0.15, 0.10, 0.10, 0.07, 0.05, 0.03};
  private static final double[] C0_EFFECT = {0.5, -0.3, 0.2, 0.0, -0.6, 0.8, -0.2, 1.0};
  /** Levels of {@code c1}: k00..k29. */
  public static final List<String> C1_LEVELS;
  /** The intercept of the true logit. */
  public static final double INTERCEPT = -1.0;
  private static final double LOGIT_NOISE_SD = 0.3;

  static {
    List<String> levels = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      levels.add(String.format("k%02d", i));
    }
    C1_LEVELS = Collections.unmodifiableList(levels);
  }

  /** One generated row. {@code x[5]} is NaN when missing. */
  public record Sample(double[] x, int c0, int c1, int y, double trueLogit) {
    /** The level name of {@code c0}. */
    public String c0Level() {
      return C0_LEVELS.get(c0);
    }

    /** The level name of {@code c1}. */
    public String c1Level() {
      return C1_LEVELS.get(c1);
    }
  }

  private final long seed;
  private final double[] c1Probs;
  private final double[] c1Effect;

  /** The generator for {@code seed}; c1's level effects are drawn from it (N(0, 0.4), 3 decimals). */
  public SyntheticEbmData(long seed) {
    this.seed = seed;
    double[] w = new double[30];
    double sum = 0;
    for (int i = 0; i < 30; i++) {
      w[i] = 1.0 / Math.pow(i + 1, 1.1);
      sum += w[i];
    }
    for (int i = 0; i < 30; i++) {
      w[i] /= sum;
    }
    this.c1Probs = w;
    SplittableRandom r = new SplittableRandom(mix(seed, -1, -1));
    this.c1Effect = new double[30];
    for (int i = 0; i < 30; i++) {
      c1Effect[i] = Math.round(r.nextGaussian() * 0.4 * 1000.0) / 1000.0;
    }
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** Number of chunks holding {@code rows} rows. */
  public static long chunks(long rows) {
    return (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
  }

  /**
   * Draws chunk {@code chunk} of a split of {@code totalRows} rows, in order.
   *
   * @param split 0 for train, 1 for test (any other number gives another independent sample)
   */
  public void generateChunk(int split, long chunk, long totalRows, Consumer<Sample> out) {
    long first = chunk * CHUNK_ROWS;
    int n = (int) Math.min(CHUNK_ROWS, totalRows - first);
    SplittableRandom r = new SplittableRandom(mix(seed, split, chunk));
    for (int i = 0; i < n; i++) {
      out.accept(draw(r));
    }
  }

  /** All rows of a split (for small sets; large ones go through {@link #generateChunk}). */
  public List<Sample> generate(int split, int rows) {
    List<Sample> out = new ArrayList<>(rows);
    for (long c = 0; c < chunks(rows); c++) {
      generateChunk(split, c, rows, out::add);
    }
    return out;
  }

  private Sample draw(SplittableRandom r) {
    double[] x = new double[NUMERIC_FEATURES];
    x[0] = r.nextGaussian();
    x[1] = r.nextGaussian();
    x[2] = r.nextDouble();
    x[3] = -1 + 2 * r.nextDouble();
    x[4] = r.nextExponential();
    x[5] = 50 + 10 * r.nextGaussian();
    if (r.nextDouble() < 0.01) {
      x[5] = Double.NaN;
    }
    x[6] = Math.exp(0.75 * r.nextGaussian());
    x[7] = poisson(r, 3.0);
    x[8] = r.nextDouble();
    x[9] = 0.6 * x[0] + 0.8 * r.nextGaussian();
    x[10] = beta2and5(r);
    x[11] = r.nextGaussian();
    x[12] = r.nextGaussian();
    x[13] = 100 * r.nextDouble();
    x[14] = r.nextInt(10);
    x[15] = r.nextInt(2);
    x[16] = 5.0 * r.nextExponential();
    x[17] = Math.round(3 * r.nextGaussian() * 10.0) / 10.0;
    x[18] = 0.5 * x[2] + 0.5 * r.nextDouble();
    x[19] = studentT3(r);
    int c0 = choice(r, C0_PROBS);
    int c1 = choice(r, c1Probs);
    double trueLogit = INTERCEPT;
    for (double v : terms(x, c0, c1).values()) {
      trueLogit += v;
    }
    double logit = trueLogit + LOGIT_NOISE_SD * r.nextGaussian();
    int y = r.nextDouble() < 1.0 / (1.0 + Math.exp(-logit)) ? 1 : 0;
    return new Sample(x, c0, c1, y, trueLogit);
  }

  /** The true contribution of each term for one row (names as an EBM reports them). */
  public Map<String, Double> terms(double[] x, int c0, int c1) {
    Map<String, Double> f = new LinkedHashMap<>();
    f.put("x0", 0.8 * x[0]);
    f.put("x1", 0.5 * x[1] * x[1] - 0.5);
    f.put("x2", 1.2 * Math.sin(2 * Math.PI * x[2]));
    f.put("x3", x[3] > 0.3 ? 0.7 : -0.3);
    f.put("x4", -0.6 * Math.log1p(x[4]));
    f.put("x5", Double.isNaN(x[5]) ? 0.5 : Math.max(-1.0, Math.min(1.0, 0.04 * (x[5] - 50.0))));
    f.put("x6", 0.3 * Math.log(x[6]));
    f.put("x7", 0.25 * Math.min(x[7], 6) - 0.75);
    f.put("x8", x[8] > 0.8 ? 1.0 : 0.0);
    f.put("x9", 0.3 * Math.tanh(2 * x[9]));
    f.put("x10", -1.5 * (x[10] - 0.3));
    f.put("x11", 0.2 * x[11]);
    f.put("c0", C0_EFFECT[c0]);
    f.put("c1", c1Effect[c1]);
    f.put("x0 & x1", 0.6 * x[0] * x[1]);
    f.put("x3 & x10", 0.8 * Math.signum(x[3]) * Math.signum(x[10] - 0.25));
    return f;
  }

  /**
   * The ground-truth importance of each term on {@code samples}: mean |f − mean f|, the figure the
   * Python generator reports as {@code true_term_mean_abs_centered}. Sorted, largest first.
   */
  public Map<String, Double> trueImportances(List<Sample> samples) {
    Map<String, double[]> values = new LinkedHashMap<>();
    int n = samples.size();
    for (int i = 0; i < n; i++) {
      Sample s = samples.get(i);
      for (Map.Entry<String, Double> e : terms(s.x(), s.c0(), s.c1()).entrySet()) {
        values.computeIfAbsent(e.getKey(), k -> new double[n])[i] = e.getValue();
      }
    }
    List<Map.Entry<String, Double>> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      double mean = 0;
      for (double v : e.getValue()) {
        mean += v / n;
      }
      double mad = 0;
      for (double v : e.getValue()) {
        mad += Math.abs(v - mean) / n;
      }
      out.add(Map.entry(e.getKey(), mad));
    }
    out.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    Map<String, Double> sorted = new LinkedHashMap<>();
    out.forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static int poisson(SplittableRandom r, double lambda) {
    double l = Math.exp(-lambda);
    double p = 1.0;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  /** Beta(2, 5) as the 2nd smallest of 6 uniforms (order statistics of integer-shape betas). */
  private static double beta2and5(SplittableRandom r) {
    double smallest = Double.MAX_VALUE;
    double second = Double.MAX_VALUE;
    for (int i = 0; i < 6; i++) {
      double u = r.nextDouble();
      if (u < smallest) {
        second = smallest;
        smallest = u;
      } else if (u < second) {
        second = u;
      }
    }
    return second;
  }

  /** Student's t with 3 degrees of freedom: Z / sqrt(chi2(3) / 3). */
  private static double studentT3(SplittableRandom r) {
    double z = r.nextGaussian();
    double a = r.nextGaussian();
    double b = r.nextGaussian();
    double c = r.nextGaussian();
    return z / Math.sqrt((a * a + b * b + c * c) / 3.0);
  }

  private static int choice(SplittableRandom r, double[] probs) {
    double u = r.nextDouble();
    double acc = 0;
    for (int i = 0; i < probs.length - 1; i++) {
      acc += probs[i];
      if (u < acc) {
        return i;
      }
    }
    return probs.length - 1;
  }

  /** SplitMix64-style mixing of (seed, split, chunk) into one stream seed. */
  static long mix(long seed, long split, long chunk) {
    long z = seed * 0x9E3779B97F4A7C15L + split * 0xBF58476D1CE4E5B9L + chunk * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
