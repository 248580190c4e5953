package io.sparkxai.ebm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.ebm.kernel.JavaKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The booster on data generated here with a known additive logit: the schedule's step counts, early
 * stopping, the learned shapes, and the assembled model's explanations.
 */
class BoosterTest {

  /** y ~ Bernoulli(sigmoid(1.5 * sign(x0) + x1)), x2 noise, c0 a categorical with effects. */
  private static BinnedShard data(int n, long seed, List<FeatureBinning> out) {
    SplittableRandom r = new SplittableRandom(seed);
    boolean[] cat = {false, false, false, true};
    ScanStats stats = new ScanStats(cat, 10_000, 10_000);
    double[][] x = new double[n][3];
    String[] c = new String[n];
    double[] y = new double[n];
    String[] levels = {"a", "b", "c"};
    double[] effect = {-1, 0, 1};
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = Math.round(r.nextGaussian() * 100) / 100.0;
      }
      int l = r.nextInt(3);
      c[i] = levels[l];
      double logit = 1.5 * Math.signum(x[i][0]) + x[i][1] + effect[l];
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      stats.add(new double[] {x[i][0], x[i][1], x[i][2], Double.NaN}, new String[] {null, null, null, c[i]}, y[i], 1,
          i, false);
    }
    List<FeatureBinning> b = Binning.build(List.of("x0", "x1", "x2", "c0"), stats, 64, 16, 10);
    out.addAll(b);
    RowBlock block = new RowBlock(4, false, false);
    for (int i = 0; i < n; i++) {
      int[] codes = {b.get(0).bin(x[i][0]), b.get(1).bin(x[i][1]), b.get(2).bin(x[i][2]), b.get(3).bin(c[i])};
      block.add(StableHash.mix(i), i, codes, y[i], 1, false);
    }
    int[] mainBins = b.stream().mapToInt(FeatureBinning::mainBins).toArray();
    return BinnedShard.of(0, List.of(block), mainBins, false, false);
  }

  private static BoostParams params(int maxRounds, int smoothing, double greedy, int stopping) {
    return new BoostParams(0.05, maxRounds, stopping, 1e-5, 4, 1e-4, 2, smoothing, greedy, 0, 10, 10, 5, 1);
  }

  /** A bag of a shard ready to boost: its rows, intercept and base scores. */
  private record Bag(BinnedShard shard, BagFitter fitter, BagData data, double[] intercept, double[] base) {
    static Bag of(BagFitter fitter, BinnedShard shard) {
      BagData d = fitter.data(shard, 0);
      double[] intercept = fitter.initialIntercept(d);
      return new Bag(shard, fitter, d, intercept, fitter.scores(d, intercept, List.of(), new double[0][]));
    }

    /** Bag 0 of {@link BoosterTest#data} with a binary fitter. */
    static Bag binary(int n, long seed, BoostParams params, int pairSmoothing, double validation) {
      List<FeatureBinning> b = new ArrayList<>();
      BinnedShard shard = BoosterTest.data(n, seed, b);
      return of(new BagFitter(PredictionTask.BINARY, 2, b, params, pairSmoothing, validation, 5, new JavaKernel(), 1),
          shard);
    }

    BoostOutcome boostMains() {
      return fitter.boostMains(data, base, null, 0, null);
    }

    /** The scores with the boosted mains added. */
    double[] scoresWith(BoostOutcome mains) {
      return fitter.scores(data, intercept, fitter.mainShapes(), mains.tensors());
    }
  }


  @Test
  void cyclicScheduleRunsOneStepPerTermPerRound() {
    Bag bag = Bag.binary(2000, 1, params(7, 3, 0, 0), 0, 0.2);
    assertEquals(1600, bag.data().trainRows(), "20% validation");
    BoostOutcome out = bag.boostMains();
    assertEquals(7 * 4, out.steps(), "7 rounds x 4 terms, no early stopping");
    assertEquals(7, out.rounds());
  }

  @Test
  void greedyScheduleAndEarlyStoppingLearnTheShapes() {
    Bag bag = Bag.binary(5000, 2, params(5000, 10, 10, 20), 0, 0.15);
    BagFitter fitter = bag.fitter();
    List<FeatureBinning> b = fitter.binnings();
    BinnedShard shard = bag.shard();
    BagData d = bag.data();
    double[] intercept = bag.intercept();
    BoostOutcome out = bag.boostMains();
    assertTrue(out.stoppedEarly(), "stops on the validation loss");
    assertTrue(out.steps() < 5000 * 4);
    double[] x0 = out.tensors()[0];
    FeatureBinning f0 = b.get(0);
    // the step at 0: every bin below 0 scores lower than every bin above
    double maxBelow = Double.NEGATIVE_INFINITY;
    double minAbove = Double.POSITIVE_INFINITY;
    for (int bin = 1; bin <= f0.cuts().length + 1; bin++) {
      double[] bounds = f0.mainBinBounds(bin);
      if (bounds[1] <= -0.1) {
        maxBelow = Math.max(maxBelow, x0[bin]);
      } else if (bounds[0] >= 0.1) {
        minAbove = Math.min(minAbove, x0[bin]);
      }
    }
    assertTrue(minAbove - maxBelow > 1.5, "jump " + (minAbove - maxBelow) + " (true 3)");
    double[] c0 = out.tensors()[3];
    assertTrue(c0[1] < c0[2] && c0[2] < c0[3] || c0[b.get(3).bin("a")] < c0[b.get(3).bin("c")],
        "category effects keep their order");

    // assemble one bag: contributions add up to the raw score exactly
    List<TermShape> shapes = fitter.mainShapes();
    double[][] weights = ShardScoring.binWeights(shard, b, shapes);
    EbmModel model = ModelAssembler.assemble(PredictionTask.BINARY, 2, b, shapes, List.of(intercept),
        List.<double[][]>of(out.tensors()),
        new double[] {d.trainWeight()}, weights);
    for (ModelTerm t : model.terms()) {
      double mean = 0;
      double w = 0;
      for (int cell = 0; cell < t.cells(); cell++) {
        mean += t.weights()[cell] * t.scores()[cell];
        w += t.weights()[cell];
      }
      assertEquals(0, mean / w, 1e-9, "term " + t.name() + " is centred");
    }
    assertTrue(model.terms().get(2).importance() < model.terms().get(0).importance(), "noise below the signal");
    double[] contributions = new double[4];
    double[] raw = new double[1];
    for (int i = 0; i < 100; i++) {
      int[] bins = new int[4];
      for (int f = 0; f < 4; f++) {
        bins[f] = shard.code(f, i);
      }
      model.explain(bins, contributions, raw);
      double sum = model.intercept()[0];
      for (double v : contributions) {
        sum += v;
      }
      assertEquals(raw[0], sum, 1e-12);
      assertEquals(raw[0], model.raw(bins)[0], 0);
    }
  }

  @Test
  void pairsAreRankedAndBoostedOnTopOfFrozenMains() {
    Bag bag = Bag.binary(3000, 3, params(200, 5, 10, 0), 5, 0.15);
    BoostOutcome mains = bag.boostMains();
    BagFitter fitter = bag.fitter();
    List<int[]> candidates = BagFitter.candidatePairs(fitter.binnings());
    assertEquals(6, candidates.size());
    double[] scores = bag.scoresWith(mains);
    double[] strengths = fitter.interactionStrengths(bag.data(), scores, candidates);
    assertEquals(6, strengths.length);
    List<int[]> chosen = PairRanking.choose(candidates, List.of(strengths), 2);
    assertEquals(2, chosen.size());
    BoostOutcome pairs = fitter.boostPairs(bag.data(), scores, chosen, null, 0, null);
    assertEquals(2, pairs.tensors().length);
    int[] first = chosen.get(0);
    assertEquals(TermShape.pair(first[0], first[1], fitter.binnings()).cells(), pairs.tensors()[0].length);
  }

  @Test
  void multiclassMainsAndPairsBoostPerClass() {
    List<FeatureBinning> b = new ArrayList<>();
    BinnedShard binary = data(3000, 4, b);
    // a third class where exactly one of x0, x1 is high: an XOR, which no sum of mains can express
    RowBlock block = new RowBlock(4, false, false);
    for (int i = 0; i < binary.size(); i++) {
      int[] codes = new int[4];
      for (int f = 0; f < 4; f++) {
        codes[f] = binary.code(f, i);
      }
      boolean third = b.get(0).mainBinBounds(codes[0])[0] >= 0.5 != b.get(1).mainBinBounds(codes[1])[0] >= 0.5;
      block.add(binary.key(i), i, codes, third ? 2 : binary.label(i), 1, false);
    }
    int[] mainBins = b.stream().mapToInt(FeatureBinning::mainBins).toArray();
    BinnedShard shard = BinnedShard.of(0, List.of(block), mainBins, false, false);
    BagFitter fitter = new BagFitter(PredictionTask.MULTICLASS, 3, b, params(300, 5, 10, 20), 5, 0.15, 5,
        new JavaKernel(), 1);
    assertEquals(3, fitter.scoresPerRow());
    Bag bag = Bag.of(fitter, shard);
    BagData d = bag.data();
    assertEquals(3, bag.intercept().length);
    BoostOutcome mains = bag.boostMains();
    assertEquals(b.get(0).mainBins() * 3, mains.tensors()[0].length, "one score per bin and class");
    double[] scores = bag.scoresWith(mains);
    List<int[]> candidates = BagFitter.candidatePairs(b);
    double[] strengths = fitter.interactionStrengths(d, scores, candidates);
    List<int[]> top = PairRanking.choose(candidates, List.of(strengths), 1);
    assertEquals(0, top.get(0)[0], "x0 & x1 carry the third class");
    assertEquals(1, top.get(0)[1]);
    BoostOutcome pairs = fitter.boostPairs(d, scores, top, null, 0, null);
    assertTrue(pairs.metric() < mains.metric(), "the pair lowers the validation loss: " + mains.metric() + " -> "
        + pairs.metric());
  }

  @Test
  void interactionsSettingIsParsed() {
    assertEquals(42, PairRanking.count("3x", 14));
    assertEquals(10, PairRanking.count("10", 14));
    assertEquals(0, PairRanking.count("0", 14));
    assertEquals(7, PairRanking.count("0.5x", 14));
  }
}
