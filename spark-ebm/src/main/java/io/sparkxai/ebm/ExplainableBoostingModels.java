package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.ModelMerge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * What to do with fitted EBMs besides scoring: merge models trained apart into one, and load a saved
 * model whose kind is not known. The merged model is an ordinary model of the inputs' class: it
 * transforms, explains, reports, saves and loads, and can warm-start a further fit.
 *
 * <pre>{@code
 * ExplainableBoostingClassificationModel a = ebm.fit(januaryRows);
 * ExplainableBoostingClassificationModel b = ebm.fit(februaryRows);
 * ExplainableBoostingClassificationModel both = ExplainableBoostingModels.merge(a, b);
 * }</pre>
 *
 * <p>How the merge combines bins, scores, weights and standard deviations, and what is exact, is
 * {@link ModelMerge}'s documentation: in short, the merged raw score of every row is the weighted mean
 * of the inputs' raw scores (weights: each model's total training weight unless given), bins are the
 * union of the inputs' cuts and levels, an input without a term scores it 0, and the standard
 * deviations are those of all inputs' bags taken together. The merged model's params are the first
 * model's, with {@code inputCols} the union of the inputs' features; its provenance names the inputs
 * ({@code mergedFrom}: uids, {@code mergedPaths} when loaded here from paths) and their weights
 * ({@code mergeWeights}); it has no training summary.
 */
public final class ExplainableBoostingModels {

  private ExplainableBoostingModels() {}

  /**
   * The models merged, each weighted by its total training weight.
   *
   * @throws IllegalArgumentException when the models cannot merge (see {@link #merge(List, double[])})
   */
  @SafeVarargs
  public static <M extends EbmModelBase<M>> M merge(M... models) {
    return merge(Arrays.asList(models), null);
  }

  /**
   * The models merged with the given weights.
   *
   * @param models at least one fitted model, all classifiers or all regressors
   * @param weights one per model ({@code >= 0}, not all 0), or null for each model's total training weight
   * @throws IllegalArgumentException naming the model and what differs: task, class count or class
   *     names, a feature's kind (numeric or categorical), vector input with other features, or a weight
   */
  @SuppressWarnings("unchecked")
  public static <M extends EbmModelBase<M>> M merge(List<M> models, double[] weights) {
    return (M) mergeAny(models, weights, null);
  }

  /**
   * The models saved at {@code paths} merged (classifiers or regressors, as saved); the paths go into
   * the merged model's provenance.
   *
   * @param weights one per model, or null for each model's total training weight
   */
  public static EbmModelBase<?> mergeSaved(List<String> paths, double[] weights) {
    return mergeSaved(SparkSession.active(), "path", paths, weights);
  }

  /**
   * {@link #mergeSaved(List, double[])} reading the models with {@code spark}.
   *
   * @param what what named the paths, for messages ({@code modelPaths})
   */
  static EbmModelBase<?> mergeSaved(SparkSession spark, String what, List<String> paths, double[] weights) {
    List<EbmModelBase<?>> models = new ArrayList<>();
    for (String p : paths) {
      models.add(SavedEbmModels.load(what, p, spark));
    }
    return mergeAny(models, weights, paths);
  }

  /**
   * The EBM saved at {@code path}, classifier or regressor as the saved metadata says.
   *
   * @throws IllegalArgumentException when {@code path} holds no saved EBM model
   */
  public static EbmModelBase<?> load(String path) {
    return SavedEbmModels.load("path", path, SparkSession.active());
  }

  /** The merge of any fitted EBMs of one class; {@code paths} (or null) where they were loaded from. */
  static EbmModelBase<?> mergeAny(List<? extends EbmModelBase<?>> models, double[] weights, List<String> paths) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("no models to merge");
    }
    EbmModelBase<?> first = models.get(0);
    List<EbmModel> ebms = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      EbmModelBase<?> model = models.get(m);
      if (model.getClass() != first.getClass()) {
        throw new IllegalArgumentException("model " + (m + 1) + " is a " + model.getClass().getSimpleName()
            + " but model 1 is a " + first.getClass().getSimpleName() + "; models of different tasks do not merge");
      }
      if (!model.isFitted()) {
        throw new IllegalArgumentException("model " + (m + 1) + " (" + model.uid() + ") holds no fitted EBM");
      }
      ebms.add(model.ebm());
    }
    List<String> classNames = classNames(models);
    checkInputs(models);
    double[] used = weights != null ? weights.clone() : ebms.stream().mapToDouble(ModelMerge::trainingWeight).toArray();
    EbmModel merged = ModelMerge.merge(ebms, used);
    Map<String, String> provenance = provenance(models, used, paths);
    if (!classNames.isEmpty()) {
      provenance.put("classNames", String.join("\n", classNames));
    }
    String levels = vectorLevels(models);
    if (levels != null) {
      provenance.put(VectorAttributes.PROVENANCE_KEY, levels);
    }
    EbmModelBase<?> out = first.derived(merged, null, provenance);
    if (first.getInputCols().length > 0) {
      out.set(out.inputCols(), merged.features().stream().map(f -> f.name()).toArray(String[]::new));
      out.set(out.categoricalCols(), models.stream().flatMap(m -> Arrays.stream(m.getCategoricalCols())).distinct()
          .toArray(String[]::new));
    }
    return out;
  }

  /** The class names the models agree on (those that name none agree with any), or an empty list. */
  private static List<String> classNames(List<? extends EbmModelBase<?>> models) {
    List<String> names = List.of();
    int from = 0;
    for (int m = 0; m < models.size(); m++) {
      List<String> n = models.get(m).classNames();
      if (n.isEmpty()) {
        continue;
      }
      if (!names.isEmpty() && !names.equals(n)) {
        throw new IllegalArgumentException("model " + (m + 1) + " names its classes " + n + " but model "
            + (from + 1) + " names them " + names + "; only models of the same classes merge");
      }
      names = n;
      from = m;
    }
    return names;
  }

  /**
   * The category names by index of vector slots that every input naming them names alike (a slot whose
   * inputs disagree is left out: a transform then needs them in the scored vector's metadata).
   */
  private static String vectorLevels(List<? extends EbmModelBase<?>> models) {
    Map<String, List<String>> agreed = new LinkedHashMap<>();
    java.util.Set<String> disputed = new java.util.HashSet<>();
    for (EbmModelBase<?> m : models) {
      VectorAttributes.fromProvenance(m.provenance()).forEach((feature, names) -> {
        List<String> before = agreed.putIfAbsent(feature, names);
        if (before != null && !before.equals(names)) {
          disputed.add(feature);
        }
      });
    }
    disputed.forEach(agreed::remove);
    List<String> features = new ArrayList<>(agreed.keySet());
    String[][] levels = features.stream().map(f -> agreed.get(f).toArray(new String[0])).toArray(String[][]::new);
    return VectorAttributes.toProvenance(features, levels);
  }

  /** Vector input reads features by slot: every model must then read the same slots. */
  private static void checkInputs(List<? extends EbmModelBase<?>> models) {
    EbmModelBase<?> first = models.get(0);
    boolean vector = first.getInputCols().length == 0;
    for (int m = 1; m < models.size(); m++) {
      EbmModelBase<?> model = models.get(m);
      if ((model.getInputCols().length == 0) != vector) {
        throw new IllegalArgumentException("model " + (m + 1) + " reads " + (vector ? "inputCols" : "a vector column")
            + " but model 1 reads " + (vector ? "a vector column" : "inputCols") + "; models read alike to merge");
      }
      if (vector && !featureNames(model).equals(featureNames(first))) {
        throw new IllegalArgumentException("model " + (m + 1) + " reads vector slots " + featureNames(model)
            + " but model 1 reads " + featureNames(first) + "; models on vector input merge only with the same"
            + " slots");
      }
    }
  }

  private static Map<String, String> provenance(List<? extends EbmModelBase<?>> models, double[] weights,
      List<String> paths) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("library", "spark-ebm");
    p.put("libraryVersion", LibraryVersion.get());
    p.put("sparkVersion", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    p.put("mergedAt", java.time.Instant.now().toString());
    p.put("mergedFrom", models.stream().map(EbmModelBase::uid).collect(Collectors.joining(", ")));
    if (paths != null) {
      p.put("mergedPaths", String.join(", ", paths));
    }
    p.put("mergeWeights", Arrays.stream(weights).mapToObj(Double::toString).collect(Collectors.joining(", ")));
    return p;
  }

  private static List<String> featureNames(EbmModelBase<?> m) {
    return m.ebm().features().stream().map(f -> f.name()).toList();
  }
}
