package io.sparkxai.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sparkxai.testkit.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fingerprint depends on the rows only: not on their order or partitioning. */
class DataFingerprintTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static final StructType SCHEMA = new StructType()
      .add("x", DataTypes.DoubleType, true)
      .add("c", DataTypes.StringType, true)
      .add("y", DataTypes.DoubleType, false);

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(RowFactory.create(i % 7 == 0 ? null : i * 0.5, "c" + (i % 3), i % 4 == 0 ? 1.0 : 0.0));
    }
    return rows;
  }

  private static DataFingerprint fingerprint(List<Row> rows, int partitions) {
    SparkSession spark = SPARK.session();
    Dataset<Row> df = spark.createDataFrame(rows, SCHEMA).repartition(partitions);
    return DataFingerprint.of(df, "y");
  }

  @Test
  void sameRowsSameFingerprintWhateverThePartitioning() {
    DataFingerprint one = fingerprint(rows(), 1);
    List<Row> reversed = new ArrayList<>(rows());
    java.util.Collections.reverse(reversed);
    assertEquals(one, fingerprint(reversed, 5));
    assertEquals(500, one.rows());
    assertEquals(125, one.positives());
    assertEquals(16, one.hash().length());
  }

  @Test
  void oneChangedValueChangesTheHash() {
    List<Row> changed = new ArrayList<>(rows());
    changed.set(10, RowFactory.create(5.000000001, "c1", 0.0));
    DataFingerprint a = fingerprint(rows(), 2);
    DataFingerprint b = fingerprint(changed, 2);
    assertEquals(a.rows(), b.rows());
    assertNotEquals(a.hash(), b.hash());
  }
}
