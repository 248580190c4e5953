package io.sparkxai.ebm.core;

import io.sparkxai.ebm.kernel.HistogramKernel;
import io.sparkxai.ebm.kernel.KernelRows;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One shard's part of one sync of the merged mode: rebuild the bag's scores from the sent model (so
 * a retried task computes exactly the same thing), measure the sent model's validation loss and the
 * hessian mass of every boosted cell, then run the requested schedule rounds locally and return the
 * change. Stateless.
 */
public final class ShardRound {

  private ShardRound() {}

  /**
   * Runs one sync on one shard.
   *
   * @param fitter the bag fitter (task, binnings, parameters, kernel)
   * @param shard the shard's rows
   * @param request the sync
   * @param smoothingRounds the smoothing rounds of the stage
   * @param kernel the histogram kernel
   * @param listener progress (may be null)
   */
  public static ShardUpdate run(BagFitter fitter, BinnedShard shard, SyncRequest request, int smoothingRounds,
      BoostParams params, PredictionTask task, HistogramKernel kernel, ProgressListener listener) {
    BagData data = fitter.data(shard, request.bag());
    List<FeatureBinning> binnings = data.binnings();
    int k = fitter.scoresPerRow();
    List<TermShape> frozen = shapes(request.frozenFeatures(), binnings);
    List<TermShape> boosted = shapes(request.boostedFeatures(), binnings);
    double[] scores = fitter.scores(data, request.intercept(), frozen, request.frozen());
    for (int t = 0; t < boosted.size(); t++) {
      data.addScores(boosted.get(t), request.current()[t], k, scores);
    }
    double valLoss = 0;
    KernelRows rows = fitter.kernelRows(data, scores);
    if (data.trainRows() < data.rows()) {
      valLoss = kernel.applyAndLoss(rows, null, null, data.trainRows(), data.rows());
    }
    int n = data.trainRows();
    double[] grad = new double[n * k];
    double[] hess = new double[n * k];
    kernel.applyAndGradients(rows, null, null, grad, hess, 0, n);
    double[][] mass = new double[boosted.size()][];
    for (int t = 0; t < boosted.size(); t++) {
      TermShape s = boosted.get(t);
      double[] hist = new double[s.cells() * k * 2];
      kernel.histogram(k, data.codes(s), grad, hess, hist, 0, n);
      double[] m = new double[s.cells() * k];
      for (int i = 0; i < m.length; i++) {
        m[i] = hist[2 * i + 1];
      }
      mass[t] = m;
    }
    double[][] delta = new double[boosted.size()][];
    long steps = 0;
    if (request.rounds() > 0 && !boosted.isEmpty()) {
      int smoothingLeft = Math.max(0, smoothingRounds - request.roundsDone());
      BoostParams stageParams = params.withSmoothingRounds(smoothingRounds);
      SplittableRandom rng = new SplittableRandom(StableHash.add(StableHash.add(
          fitter.random(request.bag(), request.stage().equals("pairs") ? 1 : 0).nextLong(), (long) request.sync()),
          (long) shard.index()));
      CyclicBooster booster = new CyclicBooster(data, task, k, boosted, stageParams, kernel, fitter.threads(), rng,
          listener, request.stage());
      BoostOutcome out = booster.run(scores, request.current(), request.rounds(), smoothingLeft, false);
      steps = out.steps();
      for (int t = 0; t < boosted.size(); t++) {
        double[] d = out.tensors()[t].clone();
        double[] c = request.current()[t];
        for (int i = 0; i < d.length; i++) {
          d[i] -= c[i];
        }
        delta[t] = d;
      }
    } else {
      for (int t = 0; t < boosted.size(); t++) {
        delta[t] = new double[boosted.get(t).cells() * k];
      }
    }
    data.dropCellCodes();
    return new ShardUpdate(request.bag(), shard.index(), valLoss, data.validationWeight(), delta, mass, steps,
        kernel.name());
  }

  /** Term shapes of feature lists. */
  public static List<TermShape> shapes(List<int[]> features, List<FeatureBinning> binnings) {
    List<TermShape> out = new ArrayList<>();
    for (int[] f : features) {
      out.add(TermShape.of(f, binnings));
    }
    return out;
  }
}
