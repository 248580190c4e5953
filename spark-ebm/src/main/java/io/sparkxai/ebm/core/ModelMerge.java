package io.sparkxai.ebm.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges fitted EBMs of one task into one EBM whose raw score is, for every row, the weighted mean of
 * the inputs' raw scores: models trained apart (on batches, on partitions of the data, by different
 * teams) become one glass-box model. The rules, and what is exact:
 *
 * <ul>
 *   <li><b>Weights.</b> Input {@code m} counts with {@code a_m = w_m / sum w}; by default {@code w_m}
 *       is its total training weight ({@link #trainingWeight}).</li>
 *   <li><b>Features</b> are matched by name; the merged model has the union (the first model's in its
 *       order, then the others' new ones). A feature must be numeric in every input or categorical in
 *       every input. Bins follow {@link BinUnion}: the union of the cuts (pairs: of the pair cuts), the
 *       union of the kept levels, so each merged bin lies inside one bin of every input.</li>
 *   <li><b>Terms</b> are matched by their features' names; the merged model has the union, mains in
 *       feature order, then pairs. An input without a term scores it 0. Merged score per cell and class:
 *       {@code s = sum_m a_m s_m(bin of m)} — exact: the merged model reproduces the weighted mean of
 *       the inputs' raw scores for every row, and inputs that share bins give the weighted mean of their
 *       scores cell by cell. Terms are not centred again (the mean of the centred inputs stays).</li>
 *   <li><b>Intercept</b>: {@code sum_m a_m intercept_m} (per class).</li>
 *   <li><b>Standard deviations</b> (over the bags of all inputs, as if they were one bag population
 *       weighted by {@code a_m}): {@code stdev^2 = sum_m a_m (stdev_m^2 + (s_m - s)^2)}, the variance of
 *       the mixture; an input without the term counts with {@code s_m = stdev_m = 0}. When every input
 *       keeps its {@link OuterBags}, the merged model keeps them all (input {@code m}'s bags weighted to
 *       sum to {@code a_m}), and their weighted spread is that formula.</li>
 *   <li><b>Training weights</b> per cell: the inputs' weights, summed where cells coincide and split by
 *       {@link CellWeights} where an input's cell covers several merged cells (an estimate; the total is
 *       exact). They are data counts: the merge weights {@code w_m} do not scale them. Importances are
 *       recomputed from them.</li>
 *   <li><b>Multiclass</b>: the same per class; the inputs must have the same number of classes.</li>
 * </ul>
 */
public final class ModelMerge {

  private ModelMerge() {}

  /**
   * The total training weight of a model: the weight summed over the cells of its first term (every
   * term covers all training rows), or 0 without terms.
   */
  public static double trainingWeight(EbmModel m) {
    return m.terms().isEmpty() ? 0 : Arrays.stream(m.terms().get(0).weights()).sum();
  }

  /**
   * The merged model.
   *
   * @param models at least one model, all of one task and class count
   * @param weights per model, its weight ({@code >= 0}, not all 0), or null for each model's
   *     {@link #trainingWeight}
   * @throws IllegalArgumentException naming the model (1-based) and what differs
   */
  public static EbmModel merge(List<EbmModel> models, double[] weights) {
    double[] alpha = shares(models, weights);
    EbmModel first = models.get(0);
    for (int m = 1; m < models.size(); m++) {
      EbmModel other = models.get(m);
      if (other.task() != first.task() || other.classes() != first.classes()) {
        throw new IllegalArgumentException("model " + (m + 1) + " is " + describe(other) + " but model 1 is "
            + describe(first) + "; only models of one task and class count merge");
      }
    }
    List<BinUnion> unions = unions(models);
    List<FeatureBinning> features = new ArrayList<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (BinUnion u : unions) {
      index.put(u.merged().name(), features.size());
      features.add(u.merged());
    }
    int k = first.scoresPerRow();
    List<int[]> termFeatures = termFeatures(models, index);
    List<ModelTerm> terms = new ArrayList<>();
    List<TermMaps> termMaps = new ArrayList<>();
    for (int[] f : termFeatures) {
      TermMaps maps = TermMaps.of(f, models, unions, features);
      termMaps.add(maps);
      terms.add(maps.merge(alpha, k, features));
    }
    double[] intercept = new double[k];
    for (int m = 0; m < models.size(); m++) {
      double[] i = models.get(m).intercept();
      for (int c = 0; c < k; c++) {
        intercept[c] += alpha[m] * i[c];
      }
    }
    return new EbmModel(first.task(), first.classes(), features, terms, intercept,
        mergedBags(models, alpha, termMaps, k));
  }

  private static String describe(EbmModel m) {
    return m.task() == PredictionTask.MULTICLASS ? "multiclass over " + m.classes() + " classes"
        : m.task().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The merge weights as shares summing to 1. */
  private static double[] shares(List<EbmModel> models, double[] weights) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("no models to merge");
    }
    if (weights != null && weights.length != models.size()) {
      throw new IllegalArgumentException(weights.length + " weights for " + models.size() + " models; give one"
          + " weight per model");
    }
    double[] w = new double[models.size()];
    double total = 0;
    for (int m = 0; m < w.length; m++) {
      w[m] = weights != null ? weights[m] : trainingWeight(models.get(m));
      if (!(w[m] >= 0) || Double.isInfinite(w[m])) {
        throw new IllegalArgumentException("the weight of model " + (m + 1) + " must be finite and >= 0, got "
            + w[m]);
      }
      total += w[m];
    }
    if (total <= 0) {
      throw new IllegalArgumentException("the merge weights sum to 0 (" + Arrays.toString(w) + "); give positive"
          + " weights" + (weights == null ? " (these models carry no training weight)" : ""));
    }
    for (int m = 0; m < w.length; m++) {
      w[m] /= total;
    }
    return w;
  }

  /** One {@link BinUnion} per feature name, the first model's features first. */
  private static List<BinUnion> unions(List<EbmModel> models) {
    Map<String, List<FeatureBinning>> byName = new LinkedHashMap<>();
    for (int m = 0; m < models.size(); m++) {
      for (FeatureBinning b : models.get(m).features()) {
        List<FeatureBinning> seen = byName.computeIfAbsent(b.name(), n -> nulls(models.size()));
        FeatureBinning other = seen.stream().filter(x -> x != null).findFirst().orElse(null);
        if (other != null && other.kind() != b.kind()) {
          throw new IllegalArgumentException("feature '" + b.name() + "' is " + kind(b) + " in model " + (m + 1)
              + " but " + kind(other) + " in model " + (seen.indexOf(other) + 1) + "; a feature must be one kind in"
              + " every model");
        }
        seen.set(m, b);
      }
    }
    List<BinUnion> out = new ArrayList<>();
    byName.values().forEach(sources -> out.add(BinUnion.of(sources)));
    return out;
  }

  private static String kind(FeatureBinning b) {
    return b.isCategorical() ? "categorical" : "numeric";
  }

  private static <T> List<T> nulls(int n) {
    return new ArrayList<>(java.util.Collections.nCopies(n, null));
  }

  /** The merged terms' features (merged indexes): mains in feature order, then pairs as first seen. */
  private static List<int[]> termFeatures(List<EbmModel> models, Map<String, Integer> index) {
    boolean[] main = new boolean[index.size()];
    List<int[]> pairs = new ArrayList<>();
    for (EbmModel m : models) {
      for (ModelTerm t : m.terms()) {
        int[] f = t.features();
        int a = index.get(m.features().get(f[0]).name());
        if (f.length == 1) {
          main[a] = true;
          continue;
        }
        int b = index.get(m.features().get(f[1]).name());
        int[] pair = {Math.min(a, b), Math.max(a, b)};
        if (pairs.stream().noneMatch(p -> Arrays.equals(p, pair))) {
          pairs.add(pair);
        }
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int f = 0; f < main.length; f++) {
      if (main[f]) {
        out.add(new int[] {f});
      }
    }
    out.addAll(pairs);
    return out;
  }

  /** The inputs' bags side by side, input {@code m}'s weighted to sum to its share; null unless all have bags. */
  private static OuterBags mergedBags(List<EbmModel> models, double[] alpha, List<TermMaps> termMaps, int k) {
    if (models.stream().anyMatch(m -> m.bags() == null)) {
      return null;
    }
    List<Double> weights = new ArrayList<>();
    List<double[]> intercepts = new ArrayList<>();
    List<List<double[]>> scores = new ArrayList<>();
    termMaps.forEach(t -> scores.add(new ArrayList<>()));
    for (int m = 0; m < models.size(); m++) {
      OuterBags bags = models.get(m).bags();
      double[] w = bags.weights();
      double total = Arrays.stream(w).sum();
      for (int b = 0; b < bags.size(); b++) {
        weights.add(alpha[m] * w[b] / total);
        intercepts.add(bags.intercept(b));
        for (int t = 0; t < termMaps.size(); t++) {
          scores.get(t).add(termMaps.get(t).bagTensor(m, b, k));
        }
      }
    }
    List<double[][]> perTerm = new ArrayList<>();
    for (List<double[]> s : scores) {
      perTerm.add(s.toArray(new double[0][]));
    }
    return new OuterBags(weights.stream().mapToDouble(Double::doubleValue).toArray(),
        intercepts.toArray(new double[0][]), perTerm);
  }
}
