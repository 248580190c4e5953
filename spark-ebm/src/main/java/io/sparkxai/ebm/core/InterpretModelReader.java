package io.sparkxai.ebm.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads interpretml's JSON ({@link InterpretJson}) into an {@link EbmModel}: the output and its link,
 * the features ({@link InterpretFeature}), then every term's tensors spread onto our bins.
 */
final class InterpretModelReader {

  private final String where;
  private final int k;
  private final List<InterpretFeature> features = new ArrayList<>();
  private final Map<String, Integer> index = new LinkedHashMap<>();

  private InterpretModelReader(String where, int k) {
    this.where = where;
    this.k = k;
  }

  /** One term as read: its features (interpretml's order) and flat tensors in interpretml's layout. */
  private record Term(int[] features, double[] scores, double[] stdevs, double[] weights) {}

  static EbmJson.Document read(JsonNode root, String where) {
    if (!InterpretJson.isInterpret(root)) {
      throw new IllegalArgumentException(where + " is not an interpretml EBM JSON (no \"ebm\" object)");
    }
    String version = root.path("version").asText("");
    if (!InterpretJson.VERSION.equals(version)) {
      throw new IllegalArgumentException(where + " has interpretml JSON version \"" + version + "\"; this library "
          + "reads version " + InterpretJson.VERSION + " (written by interpret 0.7's to_json)");
    }
    JsonNode ebm = root.get("ebm");
    JsonNode outputs = ebm.path("outputs");
    if (!outputs.isArray() || outputs.size() != 1) {
      throw new IllegalArgumentException(where + " has " + outputs.size() + " outputs; spark-ebm reads models of one");
    }
    JsonNode output = outputs.get(0);
    String link = output.path("link").asText("");
    List<String> classes = new ArrayList<>();
    output.path("classes").forEach(c -> classes.add(c.asText()));
    PredictionTask task = switch (link) {
      case "logit" -> PredictionTask.BINARY;
      case "mlogit" -> PredictionTask.MULTICLASS;
      case "identity" -> PredictionTask.REGRESSION;
      default -> throw new IllegalArgumentException(where + " has link \"" + link + "\"; spark-ebm reads logit "
          + "(binary), mlogit (multiclass) and identity (regression)");
    };
    int classCount = task == PredictionTask.REGRESSION ? 1 : classes.size();
    if (task != PredictionTask.REGRESSION && (classCount < 2 || (task == PredictionTask.BINARY) != (classCount == 2))) {
      throw new IllegalArgumentException(where + " has link " + link + " with " + classCount + " classes");
    }
    InterpretModelReader r = new InterpretModelReader(where, task.scores(classCount));
    EbmModel model = r.model(ebm, task, classCount);
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("importedFrom", "interpretml JSON " + version + ", implementation "
        + ebm.path("implementation").asText("unknown"));
    if (!classes.isEmpty()) {
      provenance.put("classNames", String.join("\n", classes));
    }
    return new EbmJson.Document(model, null, provenance);
  }

  private EbmModel model(JsonNode ebm, PredictionTask task, int classCount) {
    double[] intercept = InterpretJson.flatten(ebm.path("intercept"), new ArrayList<>());
    if (intercept.length != k) {
      throw new IllegalArgumentException(where + " has " + intercept.length + " intercept values; a " + task
          + " model needs " + k);
    }
    for (JsonNode f : ebm.path("features")) {
      InterpretFeature feature = new InterpretFeature(f, where);
      if (index.put(feature.name, features.size()) != null) {
        throw new IllegalArgumentException(where + " has two features named '" + feature.name + "'");
      }
      features.add(feature);
    }
    List<Term> terms = new ArrayList<>();
    for (JsonNode t : ebm.path("terms")) {
      terms.add(term(t));
    }
    List<FeatureBinning> binnings = binnings(terms);
    List<ModelTerm> mains = new ArrayList<>();
    List<ModelTerm> pairs = new ArrayList<>();
    for (int f = 0; f < features.size(); f++) {
      mains.add(zeroMain(f, binnings));
    }
    for (Term t : terms) {
      if (t.features().length == 1) {
        mains.set(t.features()[0], main(t, binnings));
      } else {
        pairs.add(pair(t, binnings));
      }
    }
    mains.addAll(pairs);
    return new EbmModel(task, classCount, binnings, mains, intercept);
  }

  private Term term(JsonNode t) {
    List<String> names = new ArrayList<>();
    t.path("term_features").forEach(n -> names.add(n.asText()));
    String name = String.join(" & ", names);
    if (names.isEmpty() || names.size() > 2) {
      throw new IllegalArgumentException(where + ": term '" + name + "' has " + names.size() + " features; "
          + "spark-ebm models have mains and pairs only");
    }
    int[] f = new int[names.size()];
    int[] shape = new int[names.size()];
    for (int i = 0; i < f.length; i++) {
      Integer fi = index.get(names.get(i));
      if (fi == null) {
        throw new IllegalArgumentException(where + ": term '" + name + "' names no feature '" + names.get(i) + "'");
      }
      f[i] = fi;
      InterpretFeature feature = features.get(fi);
      shape[i] = feature.bins(feature.level(f.length));
    }
    double[] scores = tensor(t.get("scores"), shape, true, name, "scores");
    double[] stdevs = t.hasNonNull("standard_deviations")
        ? tensor(t.get("standard_deviations"), shape, true, name, "standard_deviations") : new double[scores.length];
    double[] weights = t.hasNonNull("bin_weights")
        ? tensor(t.get("bin_weights"), shape, false, name, "bin_weights") : new double[scores.length / k];
    return new Term(f, scores, stdevs, weights);
  }

  /** A term's tensor, checked against the shape its features' binnings give (and the classes). */
  private double[] tensor(JsonNode n, int[] axes, boolean perClass, String term, String what) {
    if (n == null) {
      throw new IllegalArgumentException(where + ": term '" + term + "' has no " + what);
    }
    List<Integer> shape = new ArrayList<>();
    double[] flat = InterpretJson.flatten(n, shape);
    List<Integer> expected = new ArrayList<>();
    Arrays.stream(axes).forEach(expected::add);
    if (perClass && k > 1) {
      expected.add(k);
    }
    if (!shape.equals(expected)) {
      throw new IllegalArgumentException(where + ": term '" + term + "' has " + what + " of shape " + shape
          + "; its binnings give " + expected);
    }
    return flat;
  }

  /** Our binnings; a feature had missing values (or "other" levels) where its main term has weight there. */
  private List<FeatureBinning> binnings(List<Term> terms) {
    List<FeatureBinning> out = new ArrayList<>();
    for (int f = 0; f < features.size(); f++) {
      boolean missing = true;
      boolean other = false;
      for (Term t : terms) {
        if (t.features().length == 1 && t.features()[0] == f && t.weights().length > 0) {
          missing = t.weights()[0] > 0;
          other = t.weights()[t.weights().length - 1] > 0;
        }
      }
      out.add(features.get(f).binning(missing, other));
    }
    return out;
  }

  private ModelTerm zeroMain(int f, List<FeatureBinning> binnings) {
    TermShape s = TermShape.main(f, binnings.get(f));
    int cells = s.cells();
    return new ModelTerm(ModelAssembler.name(s, binnings), s.features(), s.binsA(), 1, new double[cells * k],
        new double[cells * k], new double[cells], 0);
  }

  private ModelTerm main(Term t, List<FeatureBinning> binnings) {
    int f = t.features()[0];
    InterpretFeature feature = features.get(f);
    int[] map = feature.binMap(binnings.get(f), feature.level(1), false);
    return spread(t, new int[] {f}, map, new int[] {0}, 1, false, binnings);
  }

  /** A pair, its features in increasing order (interpretml's axes swapped when they were not). */
  private ModelTerm pair(Term t, List<FeatureBinning> binnings) {
    int[] f = t.features();
    boolean swap = f[0] > f[1];
    int a = Math.min(f[0], f[1]);
    int b = Math.max(f[0], f[1]);
    int[] mapA = features.get(a).binMap(binnings.get(a), features.get(a).level(2), true);
    int[] mapB = features.get(b).binMap(binnings.get(b), features.get(b).level(2), true);
    int secondAxis = features.get(f[1]).bins(features.get(f[1]).level(2));
    return spread(t, new int[] {a, b}, mapA, mapB, secondAxis, swap, binnings);
  }

  /**
   * Our term from interpretml's: our cell {@code (x, y)} takes interpretml's cell {@code (mapA[x], mapB[y])}
   * ({@code (mapB[y], mapA[x])} when the axes are swapped), whose second axis has {@code secondAxis} bins;
   * an interpretml cell's weight goes to the first of our cells inside it.
   */
  private ModelTerm spread(Term t, int[] f, int[] mapA, int[] mapB, int secondAxis, boolean swap,
      List<FeatureBinning> binnings) {
    int na = mapA.length;
    int nb = mapB.length;
    double[] scores = new double[na * nb * k];
    double[] stdevs = new double[scores.length];
    double[] weights = new double[na * nb];
    boolean[] placed = new boolean[t.weights().length];
    for (int x = 0; x < na; x++) {
      for (int y = 0; y < nb; y++) {
        int from = swap ? mapB[y] * secondAxis + mapA[x] : mapA[x] * secondAxis + mapB[y];
        int cell = x * nb + y;
        System.arraycopy(t.scores(), from * k, scores, cell * k, k);
        System.arraycopy(t.stdevs(), from * k, stdevs, cell * k, k);
        if (!placed[from]) {
          weights[cell] = t.weights()[from];
          placed[from] = true;
        }
      }
    }
    TermShape s = TermShape.of(f, binnings);
    return new ModelTerm(ModelAssembler.name(s, binnings), f, na, nb, scores, stdevs, weights,
        ModelAssembler.importance(scores, weights, k));
  }
}
