package io.sparkxai.ebm.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One term of a merged model and, per input model, its own term over the same features (or none) with
 * the map from each merged cell to that term's cell; turns the inputs' tensors into the merged term
 * ({@link ModelMerge} states the rules). Immutable.
 *
 * @param features the merged term's features (merged indexes)
 * @param binsA merged bins of the first axis
 * @param binsB merged bins of the second axis (1 for a main term)
 * @param sources per input, its term index, or -1 when it lacks the term
 * @param maps per input, merged cell to its cell (null when it lacks the term)
 * @param models the inputs
 */
record TermMaps(int[] features, int binsA, int binsB, int[] sources, List<int[]> maps, List<EbmModel> models) {

  /** The maps of the merged term over {@code f} (one or two merged feature indexes). */
  static TermMaps of(int[] f, List<EbmModel> models, List<BinUnion> unions, List<FeatureBinning> features) {
    boolean pair = f.length == 2;
    int binsA = pair ? features.get(f[0]).pairBins() : features.get(f[0]).mainBins();
    int binsB = pair ? features.get(f[1]).pairBins() : 1;
    int[] sources = new int[models.size()];
    List<int[]> maps = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      EbmModel model = models.get(m);
      sources[m] = -1;
      int[] map = null;
      for (int t = 0; t < model.terms().size() && map == null; t++) {
        ModelTerm term = model.terms().get(t);
        int[] own = term.features();
        if (own.length != f.length) {
          continue;
        }
        int[] merged = new int[own.length];
        for (int i = 0; i < own.length; i++) {
          merged[i] = indexOf(features, model.features().get(own[i]).name());
        }
        if (!pair && merged[0] == f[0]) {
          map = unions.get(f[0]).mainMaps().get(m).clone();
        } else if (pair && (merged[0] == f[0] && merged[1] == f[1] || merged[0] == f[1] && merged[1] == f[0])) {
          map = pairMap(unions.get(f[0]).pairMaps().get(m), unions.get(f[1]).pairMaps().get(m), binsB,
              term.binsB(), merged[0] != f[0]);
        }
        if (map != null) {
          sources[m] = t;
        }
      }
      maps.add(map);
    }
    return new TermMaps(f, binsA, binsB, sources, maps, List.copyOf(models));
  }

  private static int indexOf(List<FeatureBinning> features, String name) {
    for (int i = 0; i < features.size(); i++) {
      if (features.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("feature " + name + " is not among the merged features");
  }

  /** Merged pair cell {@code a * binsB + b} to the source cell; {@code swapped}: the source's axes are (b, a). */
  private static int[] pairMap(int[] mapA, int[] mapB, int binsB, int sourceBinsB, boolean swapped) {
    int[] map = new int[mapA.length * binsB];
    for (int a = 0; a < mapA.length; a++) {
      for (int b = 0; b < binsB; b++) {
        map[a * binsB + b] = swapped ? mapB[b] * sourceBinsB + mapA[a] : mapA[a] * sourceBinsB + mapB[b];
      }
    }
    return map;
  }

  /** Merged cells. */
  int cells() {
    return binsA * binsB;
  }

  /** The merged term: weighted mean scores, pooled standard deviations, merged cell weights, importance. */
  ModelTerm merge(double[] alpha, int k, List<FeatureBinning> merged) {
    int len = cells() * k;
    double[] mean = new double[len];
    for (int m = 0; m < sources.length; m++) {
      if (sources[m] >= 0) {
        double[] s = models.get(m).terms().get(sources[m]).scores();
        int[] map = maps.get(m);
        for (int i = 0; i < len; i++) {
          mean[i] += alpha[m] * s[map[i / k] * k + i % k];
        }
      }
    }
    double[] variance = new double[len]; // sum_m a_m (stdev_m^2 + (s_m - mean)^2); s_m = stdev_m = 0 without the term
    List<int[]> weightMaps = new ArrayList<>();
    List<double[]> weights = new ArrayList<>();
    for (int m = 0; m < sources.length; m++) {
      if (sources[m] < 0) {
        for (int i = 0; i < len; i++) {
          variance[i] += alpha[m] * mean[i] * mean[i];
        }
        continue;
      }
      ModelTerm term = models.get(m).terms().get(sources[m]);
      double[] s = term.scores();
      double[] sd = term.stdevs();
      int[] map = maps.get(m);
      for (int i = 0; i < len; i++) {
        int from = map[i / k] * k + i % k;
        double d = s[from] - mean[i];
        variance[i] += alpha[m] * (sd[from] * sd[from] + d * d);
      }
      weightMaps.add(map);
      weights.add(term.weights());
    }
    double[] stdev = new double[len];
    for (int i = 0; i < len; i++) {
      stdev[i] = Math.sqrt(variance[i]);
    }
    double[] cellWeights = CellWeights.merged(cells(), weightMaps, weights);
    TermShape shape = TermShape.of(features, merged);
    return new ModelTerm(ModelAssembler.name(shape, merged), features, binsA, binsB, mean, stdev, cellWeights,
        ModelAssembler.importance(mean, cellWeights, k));
  }

  /** Bag {@code b} of input {@code m}'s tensor of this term on the merged cells (zeros when it lacks the term). */
  double[] bagTensor(int m, int b, int k) {
    double[] out = new double[cells() * k];
    if (sources[m] < 0) {
      return out;
    }
    double[] s = models.get(m).bags().score(sources[m], b);
    int[] map = maps.get(m);
    for (int cell = 0; cell < map.length; cell++) {
      for (int c = 0; c < k; c++) {
        out[cell * k + c] = s[map[cell] * k + c];
      }
    }
    return out;
  }
}
