package io.sparkxai.ebm.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@link SyntheticEbmData} as a Spark DataFrame, drawn in parallel on the executors: columns
 * {@code x0..x19} (double; {@code x5} null when missing), {@code c0}, {@code c1} (string) and
 * {@code y} (int, 0 or 1). The rows depend on the seed and split only, not on the partition count.
 */
public final class SyntheticEbmDataFrames {

  /** The train split. */
  public static final int TRAIN = 0;
  /** The test split. */
  public static final int TEST = 1;
  /** The label column. */
  public static final String LABEL = "y";

  private SyntheticEbmDataFrames() {}

  /** The schema of the generated frame. */
  public static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < SyntheticEbmData.NUMERIC_FEATURES; i++) {
      fields.add(DataTypes.createStructField("x" + i, DataTypes.DoubleType, true));
    }
    fields.add(DataTypes.createStructField("c0", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("c1", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(LABEL, DataTypes.IntegerType, false));
    return DataTypes.createStructType(fields);
  }

  /**
   * Draws {@code rows} rows of a split.
   *
   * @param split {@link #TRAIN} or {@link #TEST}
   * @param partitions how many partitions to draw them in
   */
  public static Dataset<Row> generate(SparkSession spark, long seed, int split, long rows, int partitions) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be >= 1, got " + rows);
    }
    long chunks = SyntheticEbmData.chunks(rows);
    int parts = (int) Math.max(1, Math.min(partitions, chunks));
    FlatMapFunction<Long, Row> draw = chunk -> {
      SyntheticEbmData data = new SyntheticEbmData(seed);
      List<Row> out = new ArrayList<>(SyntheticEbmData.CHUNK_ROWS);
      data.generateChunk(split, chunk, rows, s -> out.add(toRow(s)));
      return out.iterator();
    };
    return spark.range(0, chunks, 1, parts).flatMap(draw, Encoders.row(schema()));
  }

  private static Row toRow(SyntheticEbmData.Sample s) {
    Object[] values = new Object[SyntheticEbmData.NUMERIC_FEATURES + 3];
    for (int i = 0; i < SyntheticEbmData.NUMERIC_FEATURES; i++) {
      values[i] = Double.isNaN(s.x()[i]) ? null : s.x()[i];
    }
    values[SyntheticEbmData.NUMERIC_FEATURES] = s.c0Level();
    values[SyntheticEbmData.NUMERIC_FEATURES + 1] = s.c1Level();
    values[SyntheticEbmData.NUMERIC_FEATURES + 2] = s.y();
    return RowFactory.create(values);
  }
}
