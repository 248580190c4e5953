package io.sparkxai.ebm.core;

import io.sparkxai.ebm.kernel.HistogramKernel;
import io.sparkxai.ebm.kernel.KernelRows;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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
 * histogram.
 *
 * <p>A step's kernel calls take tens of microseconds on a bag like UCI Adult, as long as waking a
 * parked thread, so the helper threads spin for {@link #SPIN_NANOS} after each call before they park,
 * and blocks are claimed from a shared counter: the calling thread takes every block no helper has
 * claimed yet, so it never waits for a helper to wake up, only for blocks a helper is running. Owned
 * by one booster; closed when it is done (stops the threads).
 */
public final class ParallelKernel implements AutoCloseable {

  /**
   * Rows per block at least: a block's kernel call (a few hundred microseconds at this size) dwarfs
   * handing it to a thread (microseconds) and summing its histogram (at most a few thousand cells).
   */
  public static final int MIN_BLOCK_ROWS = 12_288;
  /**
   * Rows a call needs before helpers join: below this a call takes less than about 150 us, and waiting
   * for a helper that was descheduled (on a busy machine) costs more than it saves (measured on Adult,
   * 27,700 rows: two threads 20 s, one 14 s, on a shared two-core box).
   */
  public static final int PARALLEL_ROWS = 65_536;
  /** How long an idle helper spins for the next call before it parks (calls of a step follow within tens of us). */
  static final long SPIN_NANOS = 50_000;
  /** Blocks per row range at most: enough to balance 2 to 16 threads. */
  public static final int MAX_BLOCKS = 16;

  private final HistogramKernel kernel;
  private final Helper[] helpers;
  private volatile Op current;
  private volatile boolean closed;
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
    this.helpers = new Helper[threads - 1];
    for (int i = 0; i < helpers.length; i++) {
      helpers[i] = new Helper();
      Thread t = new Thread(helpers[i], "ebm-kernel-" + (i + 1));
      t.setDaemon(true);
      helpers[i].thread = t;
      t.start();
    }
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
    run(blocks, to - from, b -> kernel.applyGradientsHistogram(rows, applyCodes, update, histCodes, parts[b],
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
    run(blocks, to - from, b -> kernel.histogram(k, codes, grad, hess, parts[b], start(from, to, blocks, b),
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
    run(blocks, to - from, b -> parts[b] = kernel.applyAndLoss(rows, applyCodes, update,
        start(from, to, blocks, b), start(from, to, blocks, b + 1)));
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
    run(blocks, to - from, b -> kernel.applyAndGradients(rows, applyCodes, update, grad, hess,
        start(from, to, blocks, b), start(from, to, blocks, b + 1)));
  }

  /** Runs {@code body} on each block of rows [from, to), on the threads when there are several. */
  public void forEachBlock(int from, int to, RangeBody body) {
    int blocks = blocks(to - from);
    run(blocks, to - from, b -> body.run(start(from, to, blocks, b), start(from, to, blocks, b + 1)));
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

  private void run(int blocks, int rows, IntConsumer body) {
    if (helpers.length == 0 || blocks == 1 || rows < PARALLEL_ROWS) {
      for (int b = 0; b < blocks; b++) {
        body.accept(b);
      }
      return;
    }
    Op op = new Op(blocks, body);
    current = op;
    for (Helper h : helpers) {
      if (h.parked) {
        LockSupport.unpark(h.thread);
      }
    }
    op.work();
    while (op.done.get() < blocks) {
      Thread.onSpinWait(); // only blocks a helper claimed and is running
    }
    Throwable failure = op.failure.get();
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException("a kernel thread failed", failure);
    }
  }

  /** One parallel call: blocks claimed from a counter by whichever thread comes first. */
  private static final class Op {
    final int blocks;
    final IntConsumer body;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    Op(int blocks, IntConsumer body) {
      this.blocks = blocks;
      this.body = body;
    }

    void work() {
      for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
        try {
          body.accept(b);
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        } finally {
          done.incrementAndGet();
        }
      }
    }
  }

  /** A helper thread: runs each new call's unclaimed blocks; spins a while between calls, then parks. */
  private final class Helper implements Runnable {
    Thread thread;
    volatile boolean parked;

    @Override
    public void run() {
      Op last = null;
      long idleSince = System.nanoTime();
      while (!closed) {
        Op op = current;
        if (op != null && op != last) {
          last = op;
          op.work();
          idleSince = System.nanoTime();
        } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
          Thread.onSpinWait();
        } else {
          parked = true;
          if (current == last && !closed) { // no call slipped in between: sleep until one comes
            LockSupport.park(this);
          }
          parked = false;
          idleSince = System.nanoTime();
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Helper h : helpers) {
      LockSupport.unpark(h.thread);
    }
  }
}
