package io.sparkxai.concepts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparkxai.concepts.core.ConceptDataset;
import io.sparkxai.testkit.SparkSessionExtension;
import io.sparkxai.testkit.StageConformance;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The benchmark DataFrames and the concept ceiling. */
class ConceptDataAndDiagnosticsTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  @Test
  void tablesDoNotDependOnPartitioning() {
    for (ConceptDataset ds : ConceptDataset.values()) {
      Dataset<Row> one = ConceptDataFrames.generate(SPARK.session(), ds, 13, 0, 300, 1);
      Dataset<Row> seven = ConceptDataFrames.generate(SPARK.session(), ds, 13, 0, 300, 7);
      StageConformance.assertSameRows(one, seven, ds.cliName());
      // a slice of rows is the same rows of the whole table
      List<Row> slice = ConceptDataFrames.generate(SPARK.session(), ds, 13, 100, 50, 3).collectAsList();
      assertEquals(one.collectAsList().subList(100, 150), slice);
      assertEquals(ds.numFeatures() + ds.numConcepts() + 1, one.columns().length);
    }
    assertArrayEquals(new String[] {"x0", "x1", "c0", "c1", "y"}, ConceptDataFrames.schema(ConceptDataset.XOR).fieldNames());
  }

  @Test
  void ceilingIsTheLookupTablesTestAccuracy() {
    StructType schema = new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.DoubleType)
        .add("label", DataTypes.IntegerType);
    // train: (1,0) → 1 three times, → 0 once; (0,1) → 0; (1,1) → 1 and 0 (tie: 0)
    Dataset<Row> train = SPARK.session().createDataFrame(List.of(RowFactory.create(1, 0.0, 1), RowFactory.create(1, 0.0, 1),
        RowFactory.create(1, 0.0, 1), RowFactory.create(1, 0.0, 0), RowFactory.create(0, 1.0, 0),
        RowFactory.create(1, 1.0, 1), RowFactory.create(1, 1.0, 0)), schema);
    // test: (1,0)→1 right, (0,1)→1 wrong, (1,1)→0 right, (0,0) unseen → overall majority 1 (4 of 7): right
    Dataset<Row> test = SPARK.session().createDataFrame(List.of(RowFactory.create(1, 0.0, 1), RowFactory.create(0, 1.0, 1),
        RowFactory.create(1, 1.0, 0), RowFactory.create(0, 0.0, 1)), schema);
    assertEquals(0.75, ConceptDiagnostics.conceptCeiling(train, test, new String[] {"a", "b"}, "label"), 1e-12);
    // in sample: (1,0) 3 of 4 right, (0,1) right, (1,1) 1 of 2 right: 5 of 7
    assertEquals(5 / 7.0, ConceptDiagnostics.conceptCeiling(train, train, new String[] {"a", "b"}, "label"), 1e-12);
    assertThrows(IllegalArgumentException.class,
        () -> ConceptDiagnostics.conceptCeiling(train, test, new String[] {"a", "missing"}, "label"));
  }

  @Test
  void xorConceptsExplainTheTaskCompletely() {
    Dataset<Row> train = ConceptTestData.train(SPARK.session(), ConceptDataset.XOR, 4);
    Dataset<Row> test = ConceptTestData.test(SPARK.session(), ConceptDataset.XOR, 4);
    assertEquals(1.0, ConceptDiagnostics.conceptCeiling(train, test, new String[] {"c0", "c1"}, "y"));
  }
}
