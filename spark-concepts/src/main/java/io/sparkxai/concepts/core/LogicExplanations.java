package io.sparkxai.concepts.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Global logic explanations of an entropy network (Barbiero et al. 2022, section 3.3), computed
 * from counts of concept tuples rather than from rows:
 * <ol>
 *   <li>each class's relevant concepts are those with normalised attention α̃ &gt; ½, the most
 *       attended first, at most {@code maxConcepts} of them;</li>
 *   <li>the correctly predicted training rows, restricted to those concepts, give the class's
 *       truth table: a restricted tuple is true when more such rows have the class than not,
 *       false when fewer, and free (don't care) when tied or — if asked — never seen;</li>
 *   <li>the table is minimised exactly ({@link LogicMinimizer}) into a DNF formula whose terms are
 *       distinct by construction.</li>
 * </ol>
 * torch_explain instead joins one minterm per row and simplifies with sympy, which keeps
 * duplicates and only uses rows of the class; the formula here is the smallest one consistent with
 * the same evidence.
 */
public final class LogicExplanations {

  /** Branch-and-bound nodes per class before the cover search settles for the best found. */
  public static final long NODE_BUDGET = 2_000_000;

  private LogicExplanations() {}

  /**
   * One class's explanation.
   *
   * @param label the class
   * @param formula the DNF formula over concept indices
   * @param relevant the concepts the formula may use (ascending)
   * @param exact whether the formula is proven minimal
   */
  public record ClassExplanation(int label, Formula formula, int[] relevant, boolean exact) {

    /** The explanation with the relevant concepts' indices (not the array's identity). */
    @Override
    public String toString() {
      return "ClassExplanation[label=" + label + ", formula=" + formula + ", relevant=" + Arrays.toString(relevant)
          + ", exact=" + exact + "]";
    }
  }

  /**
   * Quality of explanations on a set of rows (Barbiero et al. 2022, section 4): per class, the
   * formula read as a one-vs-rest classifier; the summaries are means over classes.
   *
   * @param accuracy mean over classes of the share of rows where the formula agrees with "label is the class"
   * @param fidelity mean over classes of the share of rows where it agrees with "the model predicts the class"
   * @param complexity mean number of literals per class formula
   * @param classAccuracy per class
   * @param classFidelity per class
   * @param classComplexity per class
   * @param rows rows evaluated
   */
  public record Metrics(double accuracy, double fidelity, double complexity, double[] classAccuracy,
      double[] classFidelity, int[] classComplexity, long rows) {

    /** The metrics with the per-class values (not the arrays' identities). */
    @Override
    public String toString() {
      return "Metrics[accuracy=" + accuracy + ", fidelity=" + fidelity + ", complexity=" + complexity
          + ", classAccuracy=" + Arrays.toString(classAccuracy) + ", classFidelity=" + Arrays.toString(classFidelity)
          + ", classComplexity=" + Arrays.toString(classComplexity) + ", rows=" + rows + "]";
    }
  }

  /**
   * The attention α (classes × concepts) of the entropy layer in {@code parameters}: the layer's
   * 3-d weight W (classes, out, concepts), γ = Σ_out |W|, α = softmax(γ/τ) per class.
   */
  public static double[][] attention(NetworkSpec spec, ParameterSnapshot parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      long[] shape = parameters.shape(i);
      if (shape.length == 3) {
        float[] w = parameters.values(i);
        double[] weight = new double[w.length];
        for (int j = 0; j < w.length; j++) {
          weight[j] = w[j]; // exact: |W| summed in double either way
        }
        return attention(weight, (int) shape[0], (int) shape[1], (int) shape[2], spec.temperature());
      }
    }
    throw new IllegalArgumentException("the network has no entropy layer (no 3-d weight): " + parameters);
  }

  /**
   * α = softmax(Σ_out |W| / τ) per class (Barbiero et al. 2022, eq. 1–3) of the entropy layer's
   * weight {@code w}, laid out (classes, out, in): {@code w[(c * out + o) * in + j]}.
   */
  static double[][] attention(double[] w, int classes, int out, int in, double temperature) {
    double[][] alpha = new double[classes][in];
    for (int c = 0; c < classes; c++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < in; j++) {
        double g = 0;
        for (int o = 0; o < out; o++) {
          g += Math.abs(w[(c * out + o) * in + j]);
        }
        alpha[c][j] = g / temperature;
        max = Math.max(max, alpha[c][j]);
      }
      double sum = 0;
      for (int j = 0; j < in; j++) {
        alpha[c][j] = StrictMath.exp(alpha[c][j] - max);
        sum += alpha[c][j];
      }
      for (int j = 0; j < in; j++) {
        alpha[c][j] /= sum;
      }
    }
    return alpha;
  }

  /** Concepts with α/max α &gt; ½, the most attended first, at most {@code maxConcepts}; returned ascending. */
  public static int[] relevantConcepts(double[] alpha, int maxConcepts) {
    double max = 0;
    for (double a : alpha) {
      max = Math.max(max, a);
    }
    List<Integer> picked = new ArrayList<>();
    for (int j = 0; j < alpha.length; j++) {
      if (alpha[j] / max > 0.5) {
        picked.add(j);
      }
    }
    picked.sort(Comparator.comparingDouble((Integer j) -> -alpha[j]).thenComparingInt(j -> j));
    return picked.subList(0, Math.min(maxConcepts, picked.size())).stream().mapToInt(Integer::intValue).sorted()
        .toArray();
  }

  /**
   * Explains class {@code label} from the training tuples.
   *
   * @param relevant the concepts the formula may use (at most {@link LogicMinimizer#MAX_VARIABLES})
   * @param training tuple counts of the training rows with the model's predictions
   * @param unseenAsDontCare whether restricted tuples no correct row shows are free (else false)
   */
  public static ClassExplanation explainClass(int label, int[] relevant, List<TupleCount> training,
      boolean unseenAsDontCare) {
    int n = relevant.length;
    if (n > LogicMinimizer.MAX_VARIABLES) {
      throw new IllegalArgumentException("class " + label + " attends to " + n + " concepts; at most "
          + LogicMinimizer.MAX_VARIABLES + " can be minimised exactly (lower maxExplanationConcepts)");
    }
    Map<Integer, long[]> votes = new HashMap<>();
    for (TupleCount t : training) {
      if (t.label() != t.prediction()) {
        continue;
      }
      int local = restrict(t.tuple(), relevant);
      votes.computeIfAbsent(local, k -> new long[2])[t.label() == label ? 0 : 1] += t.count();
    }
    BitSet on = new BitSet();
    BitSet dontCare = new BitSet();
    if (unseenAsDontCare) {
      dontCare.set(0, 1 << n);
    }
    for (Map.Entry<Integer, long[]> e : votes.entrySet()) {
      long[] v = e.getValue();
      dontCare.clear(e.getKey());
      if (v[0] > v[1]) {
        on.set(e.getKey());
      } else if (v[0] == v[1]) {
        dontCare.set(e.getKey());
      }
    }
    LogicMinimizer.Result r = LogicMinimizer.minimize(n, on, dontCare, NODE_BUDGET);
    List<Term> terms = new ArrayList<>();
    for (Term t : r.terms()) {
      terms.add(new Term(expand(t.care(), relevant), expand(t.value(), relevant)));
    }
    return new ClassExplanation(label, new Formula(terms), relevant.clone(), r.exact());
  }

  /** Bits of {@code tuple} at {@code relevant}, packed into 0..n−1. */
  static int restrict(long tuple, int[] relevant) {
    int local = 0;
    for (int i = 0; i < relevant.length; i++) {
      if ((tuple >>> relevant[i] & 1) != 0) {
        local |= 1 << i;
      }
    }
    return local;
  }

  private static long expand(long local, int[] relevant) {
    long global = 0;
    for (int i = 0; i < relevant.length; i++) {
      if ((local >>> i & 1) != 0) {
        global |= 1L << relevant[i];
      }
    }
    return global;
  }

  /** Accuracy, fidelity and complexity of one formula per class on {@code rows}. */
  public static Metrics evaluate(List<Formula> formulas, List<TupleCount> rows) {
    int classes = formulas.size();
    long[] right = new long[classes];
    long[] faithful = new long[classes];
    long all = 0;
    for (TupleCount t : rows) {
      all += t.count();
      for (int c = 0; c < classes; c++) {
        boolean says = formulas.get(c).holds(t.tuple());
        if (says == (t.label() == c)) {
          right[c] += t.count();
        }
        if (says == (t.prediction() == c)) {
          faithful[c] += t.count();
        }
      }
    }
    double[] acc = new double[classes];
    double[] fid = new double[classes];
    int[] complexity = new int[classes];
    double sumAcc = 0;
    double sumFid = 0;
    double sumComplexity = 0;
    for (int c = 0; c < classes; c++) {
      acc[c] = all == 0 ? Double.NaN : right[c] / (double) all;
      fid[c] = all == 0 ? Double.NaN : faithful[c] / (double) all;
      complexity[c] = formulas.get(c).complexity();
      sumAcc += acc[c];
      sumFid += fid[c];
      sumComplexity += complexity[c];
    }
    return new Metrics(sumAcc / classes, sumFid / classes, sumComplexity / classes, acc, fid, complexity, all);
  }
}
