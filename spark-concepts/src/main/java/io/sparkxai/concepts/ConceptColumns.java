package io.sparkxai.concepts;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Turns the user's columns into the arrays the networks read — features, concepts, labels, masks
 * as {@code array<float>} — and checks them in one pass before any training: missing or non-finite
 * values, concepts outside [0, 1], labels that are not class indices. Errors name the column, the
 * offending value, how many rows have it and one such row; no row is ever dropped.
 */
final class ConceptColumns {

  static final String FEATURES = "__sparkxai_features";
  static final String CONCEPTS = "__sparkxai_concepts";
  static final String LABEL = "__sparkxai_label";
  static final String TRUE_CONCEPTS = "__sparkxai_true_concepts";
  static final String MASK = "__sparkxai_mask";

  private ConceptColumns() {}

  /**
   * The schema with the output columns added: the vectors, then the predicted class; fails if one
   * already exists.
   */
  static StructType withOutputs(StructType schema, String[] vectorColumns, String predictionColumn) {
    List<String> existing = Arrays.asList(schema.fieldNames());
    StructType out = schema;
    for (String c : vectorColumns) {
      out = out.add(requireNew(existing, c), SQLDataTypes.VectorType(), false);
    }
    return out.add(requireNew(existing, predictionColumn), DataTypes.DoubleType, false);
  }

  private static String requireNew(List<String> existing, String column) {
    if (existing.contains(column)) {
      throw new IllegalArgumentException("output column '" + column + "' already exists in the data; choose another name");
    }
    return column;
  }

  /** Backquotes a column name so dots and spaces are taken literally. */
  static Column col(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  static void requireColumn(StructType schema, String param, String name) {
    if (!Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException(param + ": column '" + name + "' is not in the data; columns: "
          + String.join(", ", schema.fieldNames()));
    }
  }

  /**
   * The features as {@code array<float>}: the numeric {@code inputCols} when given, else
   * {@code featuresCol} (an ML vector or a numeric array).
   */
  static Column features(StructType schema, String featuresCol, String[] inputCols) {
    if (inputCols != null && inputCols.length > 0) {
      return numericColumns(schema, "inputCols", inputCols);
    }
    return vectorOrArray(schema, "featuresCol", featuresCol);
  }

  /** Names feature position i for error messages: the input column, or {@code featuresCol[i]}. */
  static IntFunction<String> featureNames(String featuresCol, String[] inputCols) {
    if (inputCols != null && inputCols.length > 0) {
      return i -> i < inputCols.length ? inputCols[i] : "feature " + i;
    }
    return i -> featuresCol + "[" + i + "]";
  }

  /** Numeric scalar columns as one {@code array<float>}. */
  static Column numericColumns(StructType schema, String param, String[] names) {
    if (names == null || names.length == 0) {
      throw new IllegalArgumentException(param + " must name at least one column");
    }
    Column[] cols = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      requireColumn(schema, param, names[i]);
      DataType t = schema.apply(names[i]).dataType();
      if (!(t instanceof NumericType) && !(t instanceof BooleanType)) {
        throw new IllegalArgumentException(param + ": column '" + names[i] + "' must be numeric, it is " + t.simpleString());
      }
      cols[i] = col(names[i]).cast(DataTypes.FloatType);
    }
    return functions.array(cols);
  }

  /** A vector, numeric-array or boolean-array column as {@code array<float>}. */
  static Column vectorOrArray(StructType schema, String param, String name) {
    requireColumn(schema, param, name);
    DataType t = schema.apply(name).dataType();
    if (t.equals(SQLDataTypes.VectorType())) {
      return org.apache.spark.ml.functions.vector_to_array(col(name), "float32");
    }
    if (t instanceof ArrayType) {
      DataType e = ((ArrayType) t).elementType();
      if (e instanceof NumericType || e instanceof BooleanType) {
        return col(name).cast(DataTypes.createArrayType(DataTypes.FloatType));
      }
    }
    throw new IllegalArgumentException(param + ": column '" + name + "' must be a vector or an array of numbers, it is "
        + t.simpleString());
  }

  /** The label as a double. */
  static Column label(StructType schema, String labelCol) {
    requireColumn(schema, "labelCol", labelCol);
    DataType t = schema.apply(labelCol).dataType();
    if (!(t instanceof NumericType) && !(t instanceof BooleanType)) {
      throw new IllegalArgumentException("labelCol: column '" + labelCol + "' must hold class indices 0, 1, ..., it is "
          + t.simpleString());
    }
    return col(labelCol).cast(DataTypes.DoubleType);
  }

  /** What one validation pass found. */
  record Summary(long rows, int numClasses, int featureWidth) {}

  /**
   * Checks prepared training rows ({@link #FEATURES} may be absent, {@link #CONCEPTS},
   * {@link #LABEL}) and returns their count, the number of classes (largest label + 1, at least 2)
   * and the feature width.
   */
  static Summary validate(Dataset<Row> prepared, IntFunction<String> featureNames, List<String> conceptNames,
      String labelName) {
    boolean hasFeatures = Arrays.asList(prepared.columns()).contains(FEATURES);
    Column badFeature = hasFeatures ? badArray(FEATURES, false) : functions.lit(false);
    Column badConcept = badArray(CONCEPTS, true);
    Column y = functions.col(LABEL);
    Column badLabel = y.isNull().or(functions.isnan(y)).or(y.lt(0)).or(y.notEqual(functions.floor(y)));
    Row r = prepared.agg(functions.count(functions.lit(1)),
        functions.sum(functions.when(badFeature, 1).otherwise(0)),
        functions.sum(functions.when(badConcept, 1).otherwise(0)),
        functions.sum(functions.when(badLabel, 1).otherwise(0)),
        functions.max(y),
        hasFeatures ? functions.max(functions.size(functions.col(FEATURES))) : functions.lit(0),
        hasFeatures ? functions.min(functions.size(functions.col(FEATURES))) : functions.lit(0)).first();
    long rows = r.getLong(0);
    if (rows == 0) {
      throw new IllegalArgumentException("the training data has no rows");
    }
    long featureRows = r.isNullAt(1) ? 0 : r.getLong(1);
    long conceptRows = r.isNullAt(2) ? 0 : r.getLong(2);
    long labelRows = r.isNullAt(3) ? 0 : r.getLong(3);
    if (hasFeatures && r.getInt(5) != r.getInt(6)) {
      throw new IllegalArgumentException("features have different lengths across rows: " + r.getInt(6) + " to "
          + r.getInt(5));
    }
    if (featureRows > 0) {
      Row bad = prepared.filter(badFeature).first();
      throw new IllegalArgumentException(describe("feature", bad.getList(bad.fieldIndex(FEATURES)), featureNames,
          featureRows, "a finite number", false) + "; clean or impute the column first");
    }
    if (conceptRows > 0) {
      Row bad = prepared.filter(badConcept).first();
      throw new IllegalArgumentException(describe("concept", bad.getList(bad.fieldIndex(CONCEPTS)),
          i -> i < conceptNames.size() ? conceptNames.get(i) : "concept " + i, conceptRows, "a number in [0, 1]", true));
    }
    if (labelRows > 0) {
      Row bad = prepared.filter(badLabel).first();
      Object v = bad.get(bad.fieldIndex(LABEL));
      throw new IllegalArgumentException("label column '" + labelName + "' has value " + v + " in " + labelRows
          + " row(s); expected a class index 0, 1, 2, ...");
    }
    double maxLabel = r.getDouble(4);
    if (maxLabel > 10_000) {
      throw new IllegalArgumentException("label column '" + labelName + "' has class index " + (long) maxLabel
          + "; expected class indices 0, 1, ... (index the labels first, e.g. with StringIndexer)");
    }
    return new Summary(rows, Math.max(2, (int) maxLabel + 1), hasFeatures ? r.getInt(5) : 0);
  }

  private static Column badArray(String name, boolean unitInterval) {
    Column a = functions.col(name);
    Column badElement = functions.exists(a, x -> {
      Column bad = x.isNull().or(functions.isnan(x)).or(x.equalTo(Float.POSITIVE_INFINITY))
          .or(x.equalTo(Float.NEGATIVE_INFINITY));
      return unitInterval ? bad.or(x.lt(0)).or(x.gt(1)) : bad;
    });
    return a.isNull().or(badElement);
  }

  private static String describe(String what, List<Object> values, IntFunction<String> names, long rows,
      String expected, boolean unitInterval) {
    if (values == null) {
      return what + "s are missing (null) in " + rows + " row(s)";
    }
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      boolean bad = v == null || !Float.isFinite((Float) v) || unitInterval && ((Float) v < 0 || (Float) v > 1);
      if (bad) {
        String name = names.apply(i);
        return what + " column '" + name + "' has value " + v + " in a row with " + what + "s " + values + " ("
            + rows + " row(s) have such a value); expected " + expected;
      }
    }
    return what + "s are invalid in " + rows + " row(s)";
  }
}
