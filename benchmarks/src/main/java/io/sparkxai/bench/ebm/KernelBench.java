package io.sparkxai.bench.ebm;

import io.sparkxai.ebm.kernel.HistogramKernel;
import io.sparkxai.ebm.kernel.KernelRows;
import io.sparkxai.ebm.kernel.Kernels;
import io.sparkxai.ebm.kernel.Objective;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The EBM histogram kernels on the fused boosting step, JMH: {@code rows} rows with {@code features}
 * bin-code columns; one operation is one cyclic round, {@code features} fused steps, each applying
 * the previous feature's update to the scores and building the next feature's histogram (so with 22
 * features the code columns, 2 bytes a row each, no longer fit the caches, as in a real fit).
 * {@code validation} is the loss pass a step also makes over validation rows (15 % of them).
 *
 * <p>Data: scores N(0, 2), labels Bernoulli(1/2) (logistic) or N(0, 1) (squared), no weights; every
 * fourth feature has 8 bins (a categorical), the others 1,021 (a numeric feature at interpretml's
 * 1,024 max bins), codes uniform. Run with {@code benchmarks/kernel-bench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules=jdk.incubator.vector"})
public class KernelBench {

  @Param({"java", "vector", "native"})
  public String kernel;

  @Param({"1", "8", "22"})
  public int features;

  @Param({"logistic", "squared"})
  public String loss;

  @Param({"1000000"})
  public int rows;

  private HistogramKernel k;
  private KernelRows data;
  private short[][] codes;
  private double[][] updates;
  private double[][] hists;
  private int validationFrom;
  private double[] grad;
  private double[] hess;

  /** Builds the data and picks the kernel by name (as {@code -Dsparkxai.kernel} would). */
  @Setup(Level.Trial)
  public void setup() {
    k = Kernels.all().stream().filter(x -> x.name().equals(kernel)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no kernel " + kernel));
    if (!k.isAvailable()) {
      throw new IllegalStateException(kernel + " is not available: " + k.unavailableReason());
    }
    SplittableRandom r = new SplittableRandom(20240611);
    Objective objective = loss.equals("logistic") ? Objective.LOGISTIC : Objective.SQUARED;
    double[] labels = new double[rows];
    float[] scores = new float[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = objective == Objective.LOGISTIC ? r.nextInt(2) : r.nextGaussian();
      scores[i] = (float) (r.nextGaussian() * 2);
    }
    data = KernelRows.of(objective, 1, labels, null, scores);
    codes = new short[features][rows];
    updates = new double[features][];
    hists = new double[features][];
    for (int f = 0; f < features; f++) {
      int bins = f % 4 == 3 ? 8 : 1021;
      for (int i = 0; i < rows; i++) {
        codes[f][i] = (short) r.nextInt(bins);
      }
      updates[f] = new double[bins];
      for (int b = 0; b < bins; b++) {
        updates[f][b] = r.nextGaussian() * 1e-3;
      }
      hists[f] = new double[2 * bins];
    }
    validationFrom = rows - rows * 15 / 100;
    grad = new double[rows];
    hess = new double[rows];
    for (int i = 0; i < rows; i++) {
      grad[i] = r.nextGaussian();
      hess[i] = 0.25 * r.nextDouble();
    }
  }

  /** One cyclic round: {@code features} fused steps over the training rows. */
  @Benchmark
  public void fusedRound(Blackhole bh) {
    int n = validationFrom;
    for (int f = 0; f < features; f++) {
      int prev = (f + features - 1) % features;
      double[] hist = hists[f];
      Arrays.fill(hist, 0.0);
      k.applyGradientsHistogram(data, codes[prev], updates[prev], codes[f], hist, 0, n);
      bh.consume(hist);
    }
  }

  /**
   * The floor under the fused step: {@code features} histograms of stored gradients and hessians
   * (the scatter-add alone, no update, no gradient), over the same rows and codes.
   */
  @Benchmark
  public void histogramRound(Blackhole bh) {
    int n = validationFrom;
    for (int f = 0; f < features; f++) {
      double[] hist = hists[f];
      Arrays.fill(hist, 0.0);
      k.histogram(1, codes[f], grad, hess, hist, 0, n);
      bh.consume(hist);
    }
  }

  /** The validation loss passes of one round: {@code features} update-and-loss calls. */
  @Benchmark
  public double validationRound() {
    double sum = 0;
    for (int f = 0; f < features; f++) {
      sum += k.applyAndLoss(data, codes[f], updates[f], validationFrom, rows);
    }
    return sum;
  }
}
