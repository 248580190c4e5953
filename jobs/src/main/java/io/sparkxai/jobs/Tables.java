package io.sparkxai.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Reads the tables commands take as {@code --train}, {@code --test} or {@code --input}: Parquet when
 * the path ends in {@code .parquet} (file or folder) or is a folder of Parquet files, otherwise CSV
 * with a header row. In CSV, an empty field and each of the configured missing markers (by default
 * {@code ?}) mean missing; spaces around fields are ignored; column types are inferred.
 */
public final class Tables {

  private Tables() {}

  /** True when {@code path} is read as Parquet. */
  public static boolean isParquet(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".parquet") || lower.endsWith(".parquet/")) {
      return true;
    }
    Path p = Paths.get(path);
    if (Files.isDirectory(p)) {
      try (var files = Files.list(p)) {
        return files.anyMatch(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"));
      } catch (java.io.IOException e) {
        return false;
      }
    }
    return false;
  }

  /** Fails with a usage error naming {@code flag} when {@code path} is a local path that does not exist. */
  public static void requireExists(String flag, String path) {
    if (path != null && !path.contains("://") && !Files.exists(Paths.get(path))) {
      throw new UsageException(flag + " " + path + ": no such file or folder");
    }
  }

  /**
   * Reads a table.
   *
   * @param flag the flag that named the path, for error messages ({@code --train})
   * @param missingMarkers CSV strings that mean missing besides the empty field
   */
  public static Dataset<Row> read(SparkSession spark, String flag, String path, List<String> missingMarkers) {
    requireExists(flag, path);
    if (isParquet(path)) {
      return spark.read().parquet(path);
    }
    Dataset<Row> df = spark.read()
        .option("header", "true")
        .option("inferSchema", "true")
        .option("ignoreLeadingWhiteSpace", "true")
        .option("ignoreTrailingWhiteSpace", "true")
        .option("mode", "FAILFAST")
        .csv(path);
    return markMissing(df, missingMarkers);
  }

  /**
   * Replaces missing markers by null. Inference reads a numeric column with "?" in it as a string,
   * so columns whose values are all numbers apart from the markers become doubles again.
   */
  static Dataset<Row> markMissing(Dataset<Row> df, List<String> markers) {
    if (markers.isEmpty()) {
      return df;
    }
    Object[] markerValues = markers.toArray();
    Column[] cols = new Column[df.schema().fields().length];
    StructField[] fields = df.schema().fields();
    for (int i = 0; i < fields.length; i++) {
      Column c = functions.col(quote(fields[i].name()));
      if (fields[i].dataType().equals(DataTypes.StringType)) {
        c = functions.when(c.isin(markerValues), functions.lit(null).cast(DataTypes.StringType)).otherwise(c);
      }
      cols[i] = c.as(fields[i].name());
    }
    Dataset<Row> cleaned = df.select(cols);
    return numericWhereAllNumeric(cleaned);
  }

  private static Dataset<Row> numericWhereAllNumeric(Dataset<Row> df) {
    StructField[] fields = df.schema().fields();
    List<Column> checks = new java.util.ArrayList<>();
    List<Integer> stringCols = new java.util.ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].dataType().equals(DataTypes.StringType)) {
        Column c = functions.col(quote(fields[i].name()));
        // count values that are present but do not parse as a number
        checks.add(functions.sum(functions.when(c.isNotNull().and(c.try_cast(DataTypes.DoubleType).isNull()), 1)
            .otherwise(0)).as("bad" + i));
        stringCols.add(i);
      }
    }
    if (checks.isEmpty()) {
      return df;
    }
    Row counts = df.agg(checks.get(0), checks.subList(1, checks.size()).toArray(new Column[0])).first();
    Column[] cols = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      cols[i] = functions.col(quote(fields[i].name()));
    }
    for (int k = 0; k < stringCols.size(); k++) {
      int i = stringCols.get(k);
      Object bad = counts.get(k);
      if (bad != null && ((Number) bad).longValue() == 0) {
        cols[i] = cols[i].cast(DataTypes.DoubleType).as(fields[i].name());
      }
    }
    return df.select(cols);
  }

  /** Backquotes a column name so that dots and spaces in it are taken literally. */
  public static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
