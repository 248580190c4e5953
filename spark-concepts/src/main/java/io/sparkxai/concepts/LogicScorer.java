package io.sparkxai.concepts;

import io.sparkxai.concepts.core.NetworkRunner;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.ParameterSnapshot;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores a partition's rows with an entropy network over concepts (one plain-Java runner per
 * partition): either adding the prediction columns, or reducing each row to its packed
 * concept tuple, label and prediction for the group-by that explanations and their metrics use.
 */
final class LogicScorer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int BATCH = 2048;

  private final NetworkSpec spec;
  private final ParameterSnapshot parameters;
  private final int conceptsAt;
  private final int keepColumns;

  /** @param conceptsAt position of the concepts array; @param keepColumns leading columns kept by {@link #score} */
  LogicScorer(NetworkSpec spec, ParameterSnapshot parameters, int conceptsAt, int keepColumns) {
    this.spec = spec;
    this.parameters = parameters;
    this.conceptsAt = conceptsAt;
    this.keepColumns = keepColumns;
  }

  /** Bit j set when concept j is above ½. */
  static long pack(float[] concepts, int offset, int k) {
    long tuple = 0;
    for (int j = 0; j < k; j++) {
      if (concepts[offset + j] > 0.5f) {
        tuple |= 1L << j;
      }
    }
    return tuple;
  }

  private float[] concepts(List<Row> rows) {
    int k = spec.numConcepts();
    float[] c = new float[rows.size() * k];
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      List<Object> values = row.isNullAt(conceptsAt) ? null : row.getList(conceptsAt);
      if (values == null || values.size() != k) {
        throw new IllegalArgumentException("concepts must be " + k + " numbers in every row, got " + values + " in "
            + row);
      }
      for (int j = 0; j < k; j++) {
        Object v = values.get(j);
        if (v == null || !((Float) v >= 0 && (Float) v <= 1)) {
          throw new IllegalArgumentException("concept " + j + " has value " + v + " in a row; expected a number in "
              + "[0, 1]: " + row);
        }
        c[r * k + j] = (Float) v;
      }
    }
    return c;
  }

  /** Each row's first {@code keepColumns} values, then raw scores, probabilities and the prediction. */
  Iterator<Row> score(Iterator<Row> input) {
    NetworkRunner runner = new NetworkRunner(spec, parameters);
    return BatchedRows.map(input, BATCH, rows -> {
      NetworkRunner.Outputs out = runner.run(rows.size(), null, concepts(rows), null);
      List<Row> result = new ArrayList<>(rows.size());
      for (int r = 0; r < rows.size(); r++) {
        Object[] values = new Object[keepColumns + 3];
        for (int i = 0; i < keepColumns; i++) {
          values[i] = rows.get(r).get(i);
        }
        double[][] scores = TaskScores.of(out, r);
        values[keepColumns] = Vectors.dense(scores[0]);
        values[keepColumns + 1] = Vectors.dense(scores[1]);
        values[keepColumns + 2] = (double) out.predictedClass(r);
        result.add(RowFactory.create(values));
      }
      return result;
    });
  }

  /** Rows (tuple: long, label: int, prediction: int); the label is the double at {@code labelAt}. */
  Iterator<Row> tuples(Iterator<Row> input, int labelAt) {
    NetworkRunner runner = new NetworkRunner(spec, parameters);
    int k = spec.numConcepts();
    return BatchedRows.map(input, BATCH, rows -> {
      float[] c = concepts(rows);
      NetworkRunner.Outputs out = runner.run(rows.size(), null, c, null);
      List<Row> result = new ArrayList<>(rows.size());
      for (int r = 0; r < rows.size(); r++) {
        Row row = rows.get(r);
        if (row.isNullAt(labelAt)) {
          throw new IllegalArgumentException("the label is missing (null) in a row: " + row);
        }
        result.add(RowFactory.create(pack(c, r * k, k), (int) row.getDouble(labelAt), out.predictedClass(r)));
      }
      return result;
    });
  }
}
