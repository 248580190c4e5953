package io.sparkxai.ebm.core;

import io.sparkxai.ebm.kernel.HistogramKernel;
import io.sparkxai.ebm.kernel.KernelRows;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a {@link HistogramKernel} over a bag's rows in fixed blocks, on up to {@code threads} threads
 * (the calling thread and {@code threads - 1} of its own): one bag boosts in one task, and when a big
 * bag has the cluster's cores to itself, its rows are split across them at every step.
 *
 * <p>Still the exact algorithm, and the same bits whatever the thread count: block boundaries depend
 * only on the row range ({@link #blocks}), each block adds into its own zeroed histogram (or loss),
 * and the blocks' results are added into the caller's in block order. With fewer than
 * {@code 2 * MIN_BLOCK_ROWS} rows there is one block and the kernel runs directly on the caller's
 * histogram. Owned by one booster; closed when it is done (stops the threads).
 */
public final class ParallelKernel implements AutoCloseable {

  /**
   * Rows per block at least: a block's kernel call (a few hundred microseconds at this size) dwarfs
   * handing it to a thread (microseconds) and summing its histogram (at most a few thousand cells).
   */
  public static final int MIN_BLOCK_ROWS = 32_768;
  /** Blocks per row range at most: enough to balance 2 to 16 threads. */
  public static final int MAX_BLOCKS = 16;

  private final HistogramKernel kernel;
  private final int threads;
  private final ExecutorService pool;
  private double[][] blockHists = new double[0][];
  private final double[] blockLosses = new double[MAX_BLOCKS];

  /**
   * @param kernel the kernel
   * @param threads threads to use (1: everything in the calling thread)
   */
  public ParallelKernel(HistogramKernel kernel, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.kernel = kernel;
    this.threads = threads;
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
      Thread t = new Thread(r, "ebm-kernel");
      t.setDaemon(true);
      return t;
    });
  }

  /** The kernel. */
  public HistogramKernel kernel() {
    return kernel;
  }

  /** Blocks of a range of {@code n} rows: 1 below {@code 2 * MIN_BLOCK_ROWS}, else up to {@link #MAX_BLOCKS}. */
  static int blocks(int n) {
    return n < 2 * MIN_BLOCK_ROWS ? 1 : Math.min(MAX_BLOCKS, n / MIN_BLOCK_ROWS);
  }

  /** The first row of block {@code b} of {@code blocks} over [from, to) ({@code b = blocks} gives {@code to}). */
  static int start(int from, int to, int blocks, int b) {
    return from + (int) ((long) (to - from) * b / blocks);
  }

  /** {@link HistogramKernel#applyGradientsHistogram} over [from, to). */
  public void fused(KernelRows rows, short[] applyCodes, double[] update, short[] histCodes, double[] hist, int from,
      int to) {
    int blocks = blocks(to - from);
    if (blocks == 1) {
      kernel.applyGradientsHistogram(rows, applyCodes, update, histCodes, hist, from, to);
      return;
    }
    double[][] parts = histograms(blocks, hist.length);
    run(blocks, b -> kernel.applyGradientsHistogram(rows, applyCodes, update, histCodes, parts[b],
        start(from, to, blocks, b), start(from, to, blocks, b + 1)));
    addInOrder(parts, blocks, hist);
  }

  /** {@link HistogramKernel#histogram} over [from, to). */
  public void histogram(int k, short[] codes, double[] grad, double[] hess, double[] hist, int from, int to) {
    int blocks = blocks(to - from);
    if (blocks == 1) {
      kernel.histogram(k, codes, grad, hess, hist, from, to);
      return;
    }
    double[][] parts = histograms(blocks, hist.length);
    run(blocks, b -> kernel.histogram(k, codes, grad, hess, parts[b], start(from, to, blocks, b),
        start(from, to, blocks, b + 1)));
    addInOrder(parts, blocks, hist);
  }

  /** {@link HistogramKernel#applyAndLoss} over [from, to): the blocks' losses added in block order. */
  public double loss(KernelRows rows, short[] applyCodes, double[] update, int from, int to) {
    int blocks = blocks(to - from);
    if (blocks == 1) {
      return kernel.applyAndLoss(rows, applyCodes, update, from, to);
    }
    double[] parts = blockLosses;
    run(blocks, b -> parts[b] = kernel.applyAndLoss(rows, applyCodes, update, start(from, to, blocks, b),
        start(from, to, blocks, b + 1)));
    double sum = 0;
    for (int b = 0; b < blocks; b++) {
      sum += parts[b];
    }
    return sum;
  }

  /** {@link HistogramKernel#applyAndGradients} over [from, to) (rows are independent: no reduction). */
  public void gradients(KernelRows rows, short[] applyCodes, double[] update, double[] grad, double[] hess, int from,
      int to) {
    int blocks = blocks(to - from);
    run(blocks, b -> kernel.applyAndGradients(rows, applyCodes, update, grad, hess, start(from, to, blocks, b),
        start(from, to, blocks, b + 1)));
  }

  /** Runs {@code body} for blocks [0, n) (the blocks of one range), on the threads when there are several. */
  public void forEachBlock(int from, int to, RangeBody body) {
    int blocks = blocks(to - from);
    run(blocks, b -> body.run(start(from, to, blocks, b), start(from, to, blocks, b + 1)));
  }

  /** Work on one block of rows. */
  @FunctionalInterface
  public interface RangeBody {
    /** Processes rows [from, to). */
    void run(int from, int to);
  }

  private double[][] histograms(int blocks, int length) {
    if (blockHists.length < blocks || blockHists[0].length != length) {
      blockHists = new double[blocks][length];
    }
    for (int b = 0; b < blocks; b++) {
      Arrays.fill(blockHists[b], 0.0);
    }
    return blockHists;
  }

  private static void addInOrder(double[][] parts, int blocks, double[] hist) {
    for (int b = 0; b < blocks; b++) {
      double[] p = parts[b];
      for (int j = 0; j < hist.length; j++) {
        hist[j] += p[j];
      }
    }
  }

  private void run(int blocks, IntConsumer body) {
    if (pool == null || blocks == 1) {
      for (int b = 0; b < blocks; b++) {
        body.accept(b);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
        body.accept(b);
      }
    };
    int helpers = Math.min(threads, blocks) - 1;
    Future<?>[] futures = new Future<?>[helpers];
    for (int h = 0; h < helpers; h++) {
      futures[h] = pool.submit(worker);
    }
    Throwable failure = null;
    try {
      worker.run();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        failure = failure == null ? e.getCause() : failure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = failure == null ? e : failure;
      }
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException("a kernel thread was interrupted", failure);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
