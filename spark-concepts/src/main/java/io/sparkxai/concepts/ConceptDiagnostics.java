package io.sparkxai.concepts;

import io.sparkxai.concepts.core.ConceptLookupTable;
import io.sparkxai.concepts.core.TupleCount;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Diagnostics of a concept set and of the models built on it, which torch_explain and the CEM code
 * do not offer:
 * <ul>
 *   <li>the <b>concept ceiling</b>: the test accuracy of the best lookup table from true concept
 *       tuples to classes fitted on the training rows — what any model predicting the task from
 *       these concepts alone can reach (trigonometry ≈ 81 %, dot ≈ 80 %, xor 100 %). A bottleneck
 *       that does better is using leakage; a task far above it needs more concepts;</li>
 *   <li><b>leakage</b>: accuracy with the model's soft concepts minus accuracy with all concepts
 *       intervened ({@link ConceptModelMetrics#leakage()}).</li>
 * </ul>
 * Rows are reduced with a Spark group-by on bit-packed concept tuples (concept &gt; ½ is true).
 */
public final class ConceptDiagnostics {

  private ConceptDiagnostics() {}

  /** The lookup table fitted on {@code train}'s concept and label columns. */
  public static ConceptLookupTable lookupTable(Dataset<?> train, String[] conceptCols, String labelCol) {
    List<TupleCount> counts = tupleCounts(train, conceptCols, labelCol);
    int classes = 2;
    for (TupleCount t : counts) {
      classes = Math.max(classes, t.label() + 1);
    }
    return ConceptLookupTable.fit(counts, classes);
  }

  /**
   * The concept ceiling: accuracy on {@code test} of the lookup table fitted on {@code train}
   * (pass the same data twice for the in-sample ceiling).
   */
  public static double conceptCeiling(Dataset<?> train, Dataset<?> test, String[] conceptCols, String labelCol) {
    return lookupTable(train, conceptCols, labelCol).accuracy(tupleCounts(test, conceptCols, labelCol));
  }

  /** Leakage of a trained concept model on {@code data} (see {@link ConceptModelMetrics#leakage()}). */
  public static double leakage(ConceptModel<?> model, Dataset<?> data) {
    return model.evaluate(data, "random").leakage();
  }

  /** Counts of (concept tuple, label) in {@code data}; the prediction field is -1. */
  public static List<TupleCount> tupleCounts(Dataset<?> data, String[] conceptCols, String labelCol) {
    StructType schema = data.schema();
    if (conceptCols.length == 0 || conceptCols.length > 63) {
      throw new IllegalArgumentException("conceptCols must name 1 to 63 columns, got " + conceptCols.length);
    }
    Dataset<Row> prepared = data.toDF().select(
        ConceptColumns.numericColumns(schema, "conceptCols", conceptCols).as(ConceptColumns.CONCEPTS),
        ConceptColumns.label(schema, labelCol).as(ConceptColumns.LABEL));
    ConceptColumns.validate(prepared, i -> "feature " + i, List.of(conceptCols), labelCol);
    return ConceptTuples.count(prepared.select(
        ConceptTuples.pack(functions.col(ConceptColumns.CONCEPTS), conceptCols.length).as(ConceptTuples.TUPLE),
        functions.col(ConceptColumns.LABEL).cast("int").as(ConceptTuples.LABEL),
        functions.lit(-1).as(ConceptTuples.PREDICTION)));
  }
}
