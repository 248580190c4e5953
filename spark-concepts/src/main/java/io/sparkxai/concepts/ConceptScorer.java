package io.sparkxai.concepts;

import io.sparkxai.concepts.core.InterventionPolicy;
import io.sparkxai.concepts.core.NetworkRunner;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.ParameterSnapshot;
import io.sparkxai.concepts.core.Seeds;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores a partition's rows in batches with one {@link NetworkRunner} per partition (plain Java, so
 * executors need no native library to score), optionally intervening on concepts. Reads the prepared columns the model added
 * ({@link ConceptColumns#FEATURES}, and for interventions {@link ConceptColumns#TRUE_CONCEPTS} and
 * {@link ConceptColumns#MASK}) at the given positions.
 */
final class ConceptScorer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int BATCH = 1024;

  private final NetworkSpec spec;
  private final ParameterSnapshot parameters;
  private final int featuresAt;
  private final int truthAt;
  private final int maskAt;
  private final InterventionPolicy policy;
  private final int count;
  private final long policySeed;
  private final int keepColumns;
  private final String featureColumn;

  /**
   * @param featuresAt position of the features array
   * @param truthAt position of the true concepts array, or -1
   * @param maskAt position of the mask array, or -1
   * @param policy intervention policy (used when there is no mask)
   * @param count concepts to intervene on under the policy
   * @param keepColumns how many leading input columns the output rows keep
   * @param featureColumn the user's feature column(s), for error messages
   */
  ConceptScorer(NetworkSpec spec, ParameterSnapshot parameters, int featuresAt, int truthAt, int maskAt,
      InterventionPolicy policy, int count, long policySeed, int keepColumns, String featureColumn) {
    this.spec = spec;
    this.parameters = parameters;
    this.featuresAt = featuresAt;
    this.truthAt = truthAt;
    this.maskAt = maskAt;
    this.policy = policy;
    this.count = count;
    this.policySeed = policySeed;
    this.keepColumns = keepColumns;
    this.featureColumn = featureColumn;
  }

  /** The prepared arrays of one batch. */
  private final class Batch {
    final int rows;
    final float[] features;
    final float[] truth;
    final float[] mask;

    Batch(List<Row> rows) {
      this.rows = rows.size();
      int d = spec.numFeatures();
      int k = spec.numConcepts();
      features = new float[this.rows * d];
      truth = truthAt >= 0 ? new float[this.rows * k] : null;
      mask = maskAt >= 0 ? new float[this.rows * k] : null;
      for (int r = 0; r < this.rows; r++) {
        Row row = rows.get(r);
        copy(row, featuresAt, features, r, d, "features '" + featureColumn + "'");
        if (truth != null) {
          copy(row, truthAt, truth, r, k, "true concepts");
        }
        if (mask != null) {
          copy(row, maskAt, mask, r, k, "intervention mask");
        }
      }
    }
  }

  private static void copy(Row row, int at, float[] out, int r, int width, String what) {
    if (row.isNullAt(at)) {
      throw new IllegalArgumentException(what + " are missing (null) in a row: " + row);
    }
    List<Object> values = row.getList(at);
    if (values.size() != width) {
      throw new IllegalArgumentException(what + " have " + values.size() + " values in a row, the model expects "
          + width + ": " + row);
    }
    for (int j = 0; j < width; j++) {
      Object v = values.get(j);
      if (v == null || !Float.isFinite((Float) v)) {
        throw new IllegalArgumentException(what + " have value " + v + " at position " + j + " in a row; expected a "
            + "finite number: " + row);
      }
      out[r * width + j] = (Float) v;
    }
  }

  /** The mask of the first {@code k} concepts of each row's policy order. */
  private float[] policyMask(Batch b, int[][] orders, int k) {
    int c = spec.numConcepts();
    float[] mask = new float[b.rows * c];
    for (int r = 0; r < b.rows; r++) {
      for (int i = 0; i < k; i++) {
        mask[r * c + orders[r][i]] = 1f;
      }
    }
    return mask;
  }

  private int[][] orders(Batch b, double[] predicted, InterventionPolicy p) {
    int c = spec.numConcepts();
    int d = spec.numFeatures();
    int[][] orders = new int[b.rows][];
    for (int r = 0; r < b.rows; r++) {
      long h = Seeds.mix(policySeed);
      for (int j = 0; j < d; j++) {
        h = Seeds.mix(h ^ Float.floatToIntBits(b.features[r * d + j]));
      }
      orders[r] = p.order(predicted, r * c, c, h);
    }
    return orders;
  }

  /** Scores a partition: each input row's first {@code keepColumns} values, then the four outputs. */
  Iterator<Row> score(Iterator<Row> input) {
    NetworkRunner runner = new NetworkRunner(spec, parameters);
    return BatchedRows.map(input, BATCH, rows -> scoreBatch(runner, rows));
  }

  private List<Row> scoreBatch(NetworkRunner runner, List<Row> rows) {
    Batch b = new Batch(rows);
    NetworkRunner.Outputs out;
    if (b.mask != null) {
      out = runner.run(b.rows, b.features, b.truth, b.mask);
    } else if (policy != InterventionPolicy.NONE && count > 0) {
      double[] predicted = policy == InterventionPolicy.UNCERTAINTY
          ? runner.run(b.rows, b.features, null, null).predictedConcepts() : new double[b.rows * spec.numConcepts()];
      float[] mask = policyMask(b, orders(b, predicted, policy), Math.min(count, spec.numConcepts()));
      out = runner.run(b.rows, b.features, b.truth, mask);
    } else {
      out = runner.run(b.rows, b.features, null, null);
    }
    List<Row> result = new ArrayList<>(b.rows);
    int k = spec.numConcepts();
    for (int r = 0; r < b.rows; r++) {
      Object[] values = new Object[keepColumns + 4];
      Row in = rows.get(r);
      for (int i = 0; i < keepColumns; i++) {
        values[i] = in.get(i);
      }
      double[] concepts = new double[k];
      for (int j = 0; j < k; j++) {
        concepts[j] = out.usedConcepts()[r * k + j];
      }
      double[][] scores = TaskScores.of(out, r);
      values[keepColumns] = Vectors.dense(concepts);
      values[keepColumns + 1] = Vectors.dense(scores[0]);
      values[keepColumns + 2] = Vectors.dense(scores[1]);
      values[keepColumns + 3] = (double) out.predictedClass(r);
      result.add(RowFactory.create(values));
    }
    return result;
  }

  /**
   * Evaluates a partition: counts {rows, correct concepts, correct predictions with 0..k concepts
   * intervened under {@code curvePolicy}}; labels at {@code labelAt}.
   */
  Iterator<long[]> evaluate(Iterator<Row> input, int labelAt, InterventionPolicy curvePolicy) {
    int k = spec.numConcepts();
    long[] counts = new long[k + 3];
    NetworkRunner runner = new NetworkRunner(spec, parameters);
    List<Row> rows = new ArrayList<>(BATCH);
    while (input.hasNext()) {
      rows.add(input.next());
      if (rows.size() == BATCH || !input.hasNext()) {
        evaluateBatch(runner, rows, labelAt, curvePolicy, counts);
        rows.clear();
      }
    }
    return List.of(counts).iterator();
  }

  private void evaluateBatch(NetworkRunner runner, List<Row> rows, int labelAt, InterventionPolicy curvePolicy,
      long[] counts) {
    Batch b = new Batch(rows);
    int k = spec.numConcepts();
    int[] labels = new int[b.rows];
    for (int r = 0; r < b.rows; r++) {
      Row row = rows.get(r);
      if (row.isNullAt(labelAt)) {
        throw new IllegalArgumentException("the label is missing (null) in a row: " + row);
      }
      double y = row.getDouble(labelAt);
      if (!(y >= 0 && y == Math.floor(y) && y < spec.numClasses())) {
        throw new IllegalArgumentException("label " + y + " is not a class index of this model (0.."
            + (spec.numClasses() - 1) + ") in a row: " + row);
      }
      labels[r] = (int) y;
    }
    NetworkRunner.Outputs base = runner.run(b.rows, b.features, null, null);
    counts[0] += b.rows;
    for (int r = 0; r < b.rows; r++) {
      for (int j = 0; j < k; j++) {
        if ((base.predictedConcepts()[r * k + j] > 0.5) == (b.truth[r * k + j] > 0.5f)) {
          counts[1]++;
        }
      }
    }
    int[][] orders = orders(b, base.predictedConcepts(), curvePolicy);
    for (int m = 0; m <= k; m++) {
      NetworkRunner.Outputs out = m == 0 ? base
          : runner.run(b.rows, b.features, b.truth, policyMask(b, orders, m));
      for (int r = 0; r < b.rows; r++) {
        if (out.predictedClass(r) == labels[r]) {
          counts[2 + m]++;
        }
      }
    }
  }
}
