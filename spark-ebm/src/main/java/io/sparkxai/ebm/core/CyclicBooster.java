package io.sparkxai.ebm.core;

import io.sparkxai.ebm.kernel.HistogramKernel;
import io.sparkxai.ebm.kernel.KernelRows;
import io.sparkxai.ebm.kernel.Objective;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Boosts a set of terms on one bag with interpretml's schedule ({@code _boost.py} of interpret 0.7.8):
 * smoothing rounds with random split points, then rounds of a cyclic gain pass and greedy steps
 * ({@link BoostSchedule} picks the term of each step), with early stopping on the validation loss after
 * every applied step ({@link StoppingWindow}); the model with the lowest validation loss is kept.
 * Updates are fitted by {@link MainTreeFitter} and {@link PairTreeFitter}.
 *
 * The row work of each step is one fused kernel call: the previous step's update is applied to the
 * scores while the gradients and the histogram of the next term are computed; the validation loss of
 * a step is therefore known when the next step starts, which changes nothing in the schedule (no
 * choice depends on it before then). Kernel calls split the rows over {@code threads} threads
 * ({@link ParallelKernel}) with the same result for any thread count.
 *
 * <p>The per-row scores are {@code float} ({@link KernelRows} says why); the model (every term's
 * tensor, the base scores) is double. Every {@link #RESYNC_STEPS} steps the float scores are rebuilt
 * from the double model, so a row's score never carries more than that many float roundings (each at
 * most half a unit in the last place, about 3e-8 relative). Not thread-safe; one booster per bag.
 */
public final class CyclicBooster {

  /** Applied steps between rebuilds of the float scores from the double model. */
  static final int RESYNC_STEPS = 500;

  private final BagData data;
  private final Objective objective;
  private final int k;
  private final List<TermShape> terms;
  private final BoostParams params;
  private final HistogramKernel kernel;
  private final int threads;
  private final SplittableRandom rng;
  private final ProgressListener listener;
  private final String stage;
  private final short[][] codes;
  private final int[][] counts;
  private final MainTreeFitter mainFitter;
  private final PairTreeFitter pairFitter;
  private final double[][] hists;
  private double[] hist;
  private final int maxCells;

  // running state
  private ParallelKernel par;
  private double[] base;
  private double[][] start;
  private float[] scores;
  private KernelRows rows;
  private int sinceResync;
  private double[][] current;
  private double[][] best;
  private boolean[] dirty;
  private double[] grad;
  private double[] hess;
  private boolean gradientsValid;
  private int pendingTerm = -1;
  private double[] pendingUpdate;
  private boolean pendingInSmoothing;
  private double[] work;
  private double bestMetric = Double.POSITIVE_INFINITY;
  private StoppingWindow window;
  private boolean stop;
  private double lastMetric = Double.NaN;

  private BoostSchedule schedule;
  private int cachedTerm = -1;
  private double[] cached;
  private long step;

  /**
   * @param data the bag
   * @param task the task
   * @param k scores per row
   * @param terms the terms to boost (others are frozen in the initial scores)
   * @param params hyperparameters
   * @param kernel the histogram kernel
   * @param threads threads for the kernel's row work (1 or more; the result does not depend on it)
   * @param rng this bag's random stream (shuffles, ties, random splits)
   * @param listener progress (may be null)
   * @param stage a name for progress lines ("mains", "pairs")
   */
  public CyclicBooster(BagData data, PredictionTask task, int k, List<TermShape> terms, BoostParams params,
      HistogramKernel kernel, int threads, SplittableRandom rng, ProgressListener listener, String stage) {
    this.data = data;
    this.objective = task.objective();
    this.k = k;
    this.terms = List.copyOf(terms);
    this.params = params;
    this.kernel = kernel;
    this.threads = threads;
    this.rng = rng;
    this.listener = listener;
    this.stage = stage;
    int t = terms.size();
    this.codes = new short[t][];
    this.counts = new int[t][];
    int cells = 1;
    for (int i = 0; i < t; i++) {
      codes[i] = data.codes(terms.get(i));
      counts[i] = data.trainCounts(terms.get(i));
      cells = Math.max(cells, terms.get(i).cells());
    }
    this.maxCells = cells;
    this.mainFitter = new MainTreeFitter(k, params);
    this.pairFitter = new PairTreeFitter(k, params);
    this.hists = new double[t][];
    for (int i = 0; i < t; i++) {
      hists[i] = new double[terms.get(i).cells() * k * 2]; // exact size: kernels may rely on it
    }
  }

  /**
   * Runs the schedule.
   *
   * @param initialScores per row and class, the scores of everything not boosted here (intercept,
   *     frozen terms, the start tensors' contribution); not modified
   * @param start the start tensor of each term (null for zeros); not modified
   * @param rounds the most schedule rounds to run (a round is one cyclic pass and its greedy steps),
   *     or 0 for as many as {@code maxRounds} and early stopping allow
   * @param smoothingLeft smoothing rounds still to run
   * @param earlyStopping whether to stop early and keep the best model (false: return the last model)
   */
  public BoostOutcome run(double[] initialScores, double[][] start, int rounds, int smoothingLeft,
      boolean earlyStopping) {
    if (current != null) {
      throw new IllegalStateException("a booster runs once");
    }
    try (ParallelKernel p = new ParallelKernel(kernel, threads)) {
      par = p;
      return boost(initialScores, start, rounds, smoothingLeft, earlyStopping);
    } finally {
      par = null;
    }
  }

  private BoostOutcome boost(double[] initialScores, double[][] start, int rounds, int smoothingLeft,
      boolean earlyStopping) {
    long began = System.nanoTime();
    prepare(initialScores, start, earlyStopping);
    int t = terms.size();
    if (t == 0) {
      return new BoostOutcome(current, 0, 0, Double.NaN, false);
    }
    long maxSteps = (long) params.maxRounds() * t;
    schedule = new BoostSchedule(t, params, smoothingLeft, rng);
    boolean validation = data.trainRows() < data.rows();
    while (step < maxSteps) {
      if (schedule.atRoundStart()) {
        if (rounds > 0 && schedule.roundsStarted() == rounds) {
          break;
        }
        schedule.startRound(step);
        if (listener != null && schedule.roundsStarted() > 1) {
          listener.round(stage, schedule.roundsStarted() - 1, step, lastMetric, System.nanoTime() - began);
        }
      }
      boolean progress = schedule.progress();
      int term = schedule.nextTerm();
      double[] update = updateOf(term, progress, schedule.smoothing());
      if (stop) {
        break;
      }
      if (progress) {
        apply(term, update, validation);
      }
      schedule.advance();
    }
    if (!stop) {
      flushIfPending();
    }
    boolean keepBest = window.size() > 0;
    double[][] result = keepBest ? best : current;
    double metric = keepBest ? bestMetric : lastMetric;
    if (listener != null) {
      listener.done(stage, schedule.roundsStarted(), step, metric, System.nanoTime() - began);
    }
    return new BoostOutcome(result, step, schedule.roundsStarted(), metric, stop);
  }

  /** The model and buffers at the start of a run. */
  private void prepare(double[] initialScores, double[][] start, boolean earlyStopping) {
    int t = terms.size();
    base = initialScores;
    this.start = start;
    scores = new float[initialScores.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (float) initialScores[i];
    }
    rows = data.kernelRows(objective, k, scores);
    current = new double[t][];
    best = new double[t][];
    dirty = new boolean[t];
    for (int i = 0; i < t; i++) {
      int len = terms.get(i).cells() * k;
      current[i] = start == null || start[i] == null ? new double[len] : start[i].clone();
      best[i] = current[i].clone();
    }
    pendingUpdate = new double[maxCells * k];
    work = new double[maxCells * k];
    cached = new double[maxCells * k];
    boolean validation = data.trainRows() < data.rows();
    int windowSize = earlyStopping && validation ? params.earlyStoppingRounds() * t : 0;
    window = new StoppingWindow(windowSize, params.earlyStoppingTolerance());
  }

  /**
   * The update of {@code term} at the current scores (fitted from its histogram, or the one a gain pass
   * cached for the first greedy step); its gain goes into the greedy queue.
   */
  private double[] updateOf(int term, boolean progress, boolean random) {
    GainKey key;
    double[] update;
    if (!schedule.reusesCached()) {
      histogramOf(term, progress);
      if (stop) {
        return null;
      }
      TermShape shape = terms.get(term);
      double gain = shape.isPair()
          ? pairFitter.fit(shape, hist, counts[term], work, random, rng)
          : mainFitter.fit(shape, hist, counts[term], work, random, rng);
      gain = gain / data.trainWeight() * params.gainMultiple();
      if (shape.nominal()) {
        gain *= params.gainScale();
      }
      if (Double.isNaN(gain)) {
        gain = Double.NEGATIVE_INFINITY;
      }
      key = new GainKey(-gain, rng.nextLong(), term);
      update = work;
      if (schedule.offer(key, progress)) {
        cachedTerm = term;
        System.arraycopy(work, 0, cached, 0, shape.cells() * k);
      }
    } else {
      key = schedule.takeBest();
      if (cachedTerm != term) {
        throw new IllegalStateException("greedy queue and cached update disagree: " + cachedTerm + " vs " + term);
      }
      update = cached;
    }
    schedule.requeue(key);
    return update;
  }

  /** Applies a step to the model; the rows get it with the next kernel call. */
  private void apply(int term, double[] update, boolean validation) {
    step++;
    if (pendingTerm >= 0) {
      // only a greedy step reusing the cached update skips the histogram; its gain pass flushed already
      throw new IllegalStateException("an update is still pending at step " + step);
    }
    int len = terms.get(term).cells() * k;
    double[] cur = current[term];
    for (int i = 0; i < len; i++) {
      cur[i] += update[i];
    }
    dirty[term] = true;
    System.arraycopy(update, 0, pendingUpdate, 0, len);
    pendingTerm = term;
    pendingInSmoothing = schedule.smoothing();
    gradientsValid = false;
    sinceResync++;
    if (!validation) {
      bookkeeping(0.0); // nothing to validate on: the current model is the result
    }
  }

  /** Puts the histogram of {@code term} at the current scores into {@link #hist}. */
  private void histogramOf(int term, boolean progress) {
    hist = hists[term];
    Arrays.fill(hist, 0.0);
    int n = data.trainRows();
    if (sinceResync >= RESYNC_STEPS) {
      resync();
    }
    if (!progress) {
      // a gain pass: every term's histogram at the same scores, so gradients are stored once
      if (!gradientsValid) {
        if (grad == null) {
          grad = new double[n * k];
          hess = new double[n * k];
        }
        int pt = pendingTerm;
        par.gradients(rows, pt >= 0 ? codes[pt] : null, pendingUpdate, grad, hess, 0, n);
        validate(pt);
        gradientsValid = true;
      }
      par.histogram(k, codes[term], grad, hess, hist, 0, n);
      return;
    }
    if (pendingTerm < 0 && gradientsValid) {
      par.histogram(k, codes[term], grad, hess, hist, 0, n);
      return;
    }
    int pt = pendingTerm;
    par.fused(rows, pt >= 0 ? codes[pt] : null, pendingUpdate, codes[term], hist, 0, n);
    validate(pt);
  }

  /**
   * Rebuilds every row's float score from the double model: the base scores plus each term's change
   * since the start, added in term order (so the result depends on the model only). A pending update
   * is part of the model already: its validation loss is booked from the rebuilt scores.
   */
  private void resync() {
    sinceResync = 0;
    int t = terms.size();
    double[][] delta = new double[t][];
    for (int i = 0; i < t; i++) {
      double[] d = current[i].clone();
      if (start != null && start[i] != null) {
        for (int j = 0; j < d.length; j++) {
          d[j] -= start[i][j];
        }
      }
      delta[i] = d;
    }
    par.forEachBlock(0, data.rows(), (from, to) -> FloatScores.rebuild(base, codes, delta, k, scores, from, to));
    gradientsValid = false;
    int pt = pendingTerm;
    pendingTerm = -1;
    if (pt >= 0 && data.trainRows() < data.rows()) {
      double loss = par.loss(rows, null, null, data.trainRows(), data.rows());
      bookkeeping(loss / data.validationWeight());
    }
  }

  /** Applies the pending update to the validation rows and books its loss. */
  private void validate(int pt) {
    if (pt < 0) {
      return;
    }
    pendingTerm = -1;
    if (data.trainRows() < data.rows()) {
      double loss = par.loss(rows, codes[pt], pendingUpdate, data.trainRows(), data.rows());
      bookkeeping(loss / data.validationWeight());
    }
  }

  private void flushIfPending() {
    if (pendingTerm < 0) {
      return;
    }
    int pt = pendingTerm;
    // the training rows' scores are only needed again if boosting continues: apply them too
    par.gradients(rows, codes[pt], pendingUpdate, gradBuffer(), hessBuffer(), 0, data.trainRows());
    gradientsValid = true;
    validate(pt);
  }

  private double[] gradBuffer() {
    if (grad == null) {
      grad = new double[data.trainRows() * k];
      hess = new double[data.trainRows() * k];
    }
    return grad;
  }

  private double[] hessBuffer() {
    gradBuffer();
    return hess;
  }

  /** The validation metric of the step just applied: best-model snapshot and early stopping. */
  private void bookkeeping(double metric) {
    lastMetric = metric;
    if (metric <= bestMetric) {
      bestMetric = metric;
      for (int i = 0; i < current.length; i++) {
        if (dirty[i]) {
          System.arraycopy(current[i], 0, best[i], 0, current[i].length);
          dirty[i] = false;
        }
      }
    }
    if (window.add(metric, !pendingInSmoothing)) {
      stop = true;
    }
  }
}
