package io.sparkxai.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;

/**
 * Turns a two-valued label column into 0/1 doubles. Numbers: the larger value is the positive class.
 * Strings: trimmed, with one trailing period dropped (UCI test files write {@code >50K.}); the
 * positive class is {@code positive} if given, else the larger value in string order. A null label
 * or a third value is an error naming the column, the count and the values seen; nothing is dropped.
 *
 * @param column the label column
 * @param negative the value read as 0
 * @param positive the value read as 1
 * @param numeric whether the column is numeric
 */
public record BinaryLabel(String column, String negative, String positive, boolean numeric) {

  /** The 0/1 label column name that {@link #apply} adds. */
  public static final String OUTPUT = "__label";

  /** Finds the two classes in {@code train}. */
  public static BinaryLabel of(Dataset<Row> train, String column, String positive) {
    if (!List.of(train.columns()).contains(column)) {
      throw new UsageException("label column '" + column + "' is not in the data; columns: "
          + String.join(", ", train.columns()));
    }
    boolean numeric = train.schema().apply(column).dataType() instanceof NumericType;
    Column normalized = normalized(train, column, numeric);
    long nulls = train.filter(functions.col(Tables.quote(column)).isNull()).count();
    if (nulls > 0) {
      throw new IllegalArgumentException("label column '" + column + "' is missing in " + nulls
          + " rows; fill or remove them first");
    }
    List<Row> distinct = train.select(normalized.as("v")).distinct().limit(3).collectAsList();
    List<String> values = new ArrayList<>();
    for (Row r : distinct) {
      values.add(String.valueOf(r.get(0)));
    }
    values.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
    if (values.size() != 2) {
      throw new IllegalArgumentException("label column '" + column + "' must have exactly 2 classes for a binary "
          + "task, found " + (values.size() < 3 ? values.size() : "more than 2") + ": " + values);
    }
    String pos = positive != null ? positive : values.get(1);
    if (!values.contains(pos)) {
      throw new UsageException("--positive-label " + pos + " is not a value of '" + column + "': " + values);
    }
    String neg = values.get(0).equals(pos) ? values.get(1) : values.get(0);
    return new BinaryLabel(column, neg, pos, numeric);
  }

  /** Adds {@link #OUTPUT} (0.0 or 1.0); a value that is neither class is an error naming it. */
  public Dataset<Row> apply(Dataset<Row> df, String what) {
    Column v = normalized(df, column, numeric);
    List<Row> other = df.select(v.as("v")).filter(functions.col("v").isNull()
        .or(functions.col("v").notEqual(positive).and(functions.col("v").notEqual(negative))))
        .groupBy("v").count().limit(5).collectAsList();
    if (!other.isEmpty()) {
      throw new IllegalArgumentException("label column '" + column + "' in " + what + " has values other than "
          + negative + " and " + positive + ": " + other);
    }
    return df.withColumn(OUTPUT, functions.when(v.equalTo(positive), 1.0).otherwise(0.0));
  }

  private static Column normalized(Dataset<Row> df, String column, boolean numeric) {
    Column c = functions.col(Tables.quote(column));
    if (numeric) {
      return c.cast(DataTypes.DoubleType).cast(DataTypes.StringType);
    }
    return functions.regexp_replace(functions.trim(c), "\\.$", "");
  }
}
