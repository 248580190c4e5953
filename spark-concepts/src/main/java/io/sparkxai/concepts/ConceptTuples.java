package io.sparkxai.concepts;

import io.sparkxai.concepts.core.TupleCount;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Bit-packed concept tuples in Spark: the packing as a column expression (bit j = concept j &gt; ½),
 * and the group-by that reduces rows to {@link TupleCount}s, whose number is bounded by the
 * distinct tuples (2^k at most), not by the rows.
 */
final class ConceptTuples {

  static final String TUPLE = "tuple";
  static final String LABEL = "label";
  static final String PREDICTION = "prediction";

  private ConceptTuples() {}

  /** The packed tuple of an {@code array<float>} column of {@code k} concepts. */
  static Column pack(Column concepts, int k) {
    Column tuple = functions.lit(0L);
    for (int j = 0; j < k; j++) {
      tuple = tuple.plus(functions.when(concepts.getItem(j).gt(0.5), functions.lit(1L << j)).otherwise(0L));
    }
    return tuple;
  }

  /**
   * The tuple, label and prediction counts of rows ({@link ConceptColumns#CONCEPTS},
   * {@link ConceptColumns#LABEL}) scored by {@code scorer}.
   */
  static List<TupleCount> count(Dataset<Row> conceptsAndLabels, LogicScorer scorer) {
    StructType schema = new StructType().add(TUPLE, DataTypes.LongType).add(LABEL, DataTypes.IntegerType)
        .add(PREDICTION, DataTypes.IntegerType);
    return count(conceptsAndLabels.mapPartitions((MapPartitionsFunction<Row, Row>) it -> scorer.tuples(it, 1),
        Encoders.row(schema)));
  }

  /** Counts rows of ({@link #TUPLE}, {@link #LABEL}, {@link #PREDICTION}), in a stable order. */
  static List<TupleCount> count(Dataset<Row> tuples) {
    List<Row> rows = tuples.groupBy(TUPLE, LABEL, PREDICTION).count().orderBy(TUPLE, LABEL, PREDICTION).collectAsList();
    List<TupleCount> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(new TupleCount(r.getLong(0), r.getInt(1), r.getInt(2), r.getLong(3)));
    }
    return out;
  }
}
