package io.sparkxai.concepts;

import io.sparkxai.concepts.core.ConceptDataset;
import java.util.Iterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The synthetic concept benchmarks ({@link ConceptDataset}: xor, trigonometry, dot) as DataFrames
 * with columns {@code x0, x1, ...} (double), {@code c0, c1, ...} (int, 0/1) and {@code y} (int,
 * 0/1). Rows {@code [firstRow, firstRow + rows)} of the table of a seed: each row depends only on
 * the seed and its index, so the table is the same for any number of partitions, and disjoint row
 * ranges of one seed make a train/test split.
 *
 * <pre>{@code
 * Dataset<Row> train = ConceptDataFrames.generate(spark, ConceptDataset.TRIGONOMETRY, 42, 0, 335, 2);
 * Dataset<Row> test = ConceptDataFrames.generate(spark, ConceptDataset.TRIGONOMETRY, 42, 335, 165, 2);
 * }</pre>
 */
public final class ConceptDataFrames {

  /** The label column. */
  public static final String LABEL = "y";

  private ConceptDataFrames() {}

  /** The schema of {@code dataset}'s tables. */
  public static StructType schema(ConceptDataset dataset) {
    StructType s = new StructType();
    for (int j = 0; j < dataset.numFeatures(); j++) {
      s = s.add("x" + j, DataTypes.DoubleType, false);
    }
    for (int j = 0; j < dataset.numConcepts(); j++) {
      s = s.add("c" + j, DataTypes.IntegerType, false);
    }
    return s.add(LABEL, DataTypes.IntegerType, false);
  }

  /** Feature column names {@code x0, x1, ...}. */
  public static String[] featureColumns(ConceptDataset dataset) {
    String[] out = new String[dataset.numFeatures()];
    for (int j = 0; j < out.length; j++) {
      out[j] = "x" + j;
    }
    return out;
  }

  /** Concept column names {@code c0, c1, ...}. */
  public static String[] conceptColumns(ConceptDataset dataset) {
    String[] out = new String[dataset.numConcepts()];
    for (int j = 0; j < out.length; j++) {
      out[j] = "c" + j;
    }
    return out;
  }

  /**
   * Rows {@code [firstRow, firstRow + rows)} of {@code dataset} under {@code seed}, in
   * {@code partitions} partitions, in row order.
   */
  public static Dataset<Row> generate(SparkSession spark, ConceptDataset dataset, long seed, long firstRow, long rows,
      int partitions) {
    if (rows < 0 || firstRow < 0) {
      throw new IllegalArgumentException("rows and firstRow must be >= 0, got " + rows + " and " + firstRow);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    StructType schema = schema(dataset);
    return spark.range(firstRow, firstRow + rows, 1, partitions).mapPartitions(
        (Iterator<Long> ids) -> rowsOf(dataset, seed, ids), Encoders.row(schema));
  }

  private static Iterator<Row> rowsOf(ConceptDataset dataset, long seed, Iterator<Long> ids) {
    double[] x = new double[dataset.numFeatures()];
    int[] c = new int[dataset.numConcepts()];
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return ids.hasNext();
      }

      @Override
      public Row next() {
        int y = dataset.row(seed, ids.next(), x, c);
        Object[] values = new Object[x.length + c.length + 1];
        for (int j = 0; j < x.length; j++) {
          values[j] = x[j];
        }
        for (int j = 0; j < c.length; j++) {
          values[x.length + j] = c[j];
        }
        values[values.length - 1] = y;
        return RowFactory.create(values);
      }
    };
  }
}
