package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.testkit.SparkSessionExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every bad input of the issue, each with its stated behaviour: a clear error, or a defined result. */
class EbmBadInputTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static Dataset<Row> base;

  @BeforeAll
  static void data() {
    base = EbmTestData.synthetic(SPARK.session(), 5, 0, 800, 2).select("x0", "x1", "x2", "c0", "y").cache();
  }

  private static ExplainableBoostingClassifier est() {
    return new ExplainableBoostingClassifier().setInputCols(new String[] {"x0", "x1", "x2", "c0"}).setLabelCol("y")
        .setOuterBags(1).setInteractions("0").setMaxBins(32).setMaxRounds(20).setLogEvery(0);
  }

  private static String fail(ExplainableBoostingClassifier est, Dataset<Row> data) {
    return assertThrows(IllegalArgumentException.class, () -> est.fit(data)).getMessage();
  }

  private static void contains(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), "'" + p + "' expected in: " + message);
    }
  }

  @Test
  void nullAndNaNLabelsAreRefusedOrSkippedAndCounted() {
    Dataset<Row> bad = base.withColumn("y", functions.when(functions.col("x0").gt(1.5), functions.lit(null))
        .when(functions.col("x0").lt(-1.8), Double.NaN).otherwise(functions.col("y").cast("double")));
    long expected = base.filter("x0 > 1.5 OR x0 < -1.8").count();
    contains(fail(est(), bad), "label column 'y'", "null, NaN or infinite in " + expected + " of 800 rows",
        "handleInvalid=skip");
    ExplainableBoostingClassificationModel m = est().setHandleInvalid("skip").fit(bad);
    assertEquals(expected, m.summary().skippedRows());
    assertEquals(800 - expected, m.summary().rows());
  }

  @Test
  void infiniteLabelsAreRefused() {
    Dataset<Row> bad = base.withColumn("y", functions.when(functions.col("x0").gt(2.0), Double.POSITIVE_INFINITY)
        .otherwise(functions.col("y").cast("double")));
    contains(fail(est(), bad), "label column 'y'", "infinite");
  }

  @Test
  void labelsOutsideZeroOneForBinary() {
    Dataset<Row> bad = base.withColumn("y", functions.when(functions.col("x0").gt(1.0), 2).otherwise(functions.col("y")));
    contains(fail(est().setFamily("binary"), bad), "label column 'y'", "outside {0, 1}", "class index 2");
    Dataset<Row> negative = base.withColumn("y", functions.when(functions.col("x0").gt(1.0), -1)
        .otherwise(functions.col("y")));
    contains(fail(est(), negative), "label column 'y'", "class indexes", "-1.0");
    Dataset<Row> fraction = base.withColumn("y", functions.col("y").plus(0.5));
    contains(fail(est(), fraction), "class indexes", "0.5");
  }

  @Test
  void singleClassLabel() {
    contains(fail(est(), base.withColumn("y", functions.lit(1))), "single class (1)", "800 rows");
  }

  @Test
  void emptyDataFrame() {
    contains(fail(est(), base.limit(0)), "empty");
  }

  @Test
  void partitionsWithZeroRowsChangeNothing() {
    Dataset<Row> small = base.limit(200).cache();
    org.apache.spark.api.java.JavaSparkContext jsc =
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(SPARK.session().sparkContext());
    Dataset<Row> withEmpty = SPARK.session().createDataFrame(
        small.javaRDD().coalesce(1).union(jsc.parallelize(new ArrayList<Row>(), 3)), small.schema());
    assertEquals(4, withEmpty.rdd().getNumPartitions());
    EbmModel a = est().fit(small.repartition(2)).ebm();
    EbmModel b = est().fit(withEmpty).ebm();
    assertEquals(a, b);
  }

  @Test
  void constantAndAllMissingFeaturesGetEmptyTerms() {
    Dataset<Row> data = base.withColumn("k", functions.lit(3.0))
        .withColumn("gone", functions.lit(null).cast(DataTypes.DoubleType));
    ExplainableBoostingClassificationModel m = est()
        .setInputCols(new String[] {"x0", "x1", "x2", "c0", "k", "gone"}).fit(data);
    ModelTerm k = m.ebm().terms().get(4);
    ModelTerm gone = m.ebm().terms().get(5);
    assertEquals(0.0, k.importance(), 1e-12, "a constant feature explains nothing");
    assertEquals(0.0, gone.importance(), 1e-12, "an all-missing feature explains nothing");
    assertEquals(0, m.ebm().features().get(4).cuts().length);
    assertTrue(m.ebm().features().get(5).hasMissing());
    assertEquals(800.0, gone.weights()[0], "every row in the missing bin");
  }

  @Test
  void hundredThousandLevelCategoricalKeepsTheFrequentLevels() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 120_000; i++) {
      String level = i < 2000 ? "common" + (i % 10) : "id" + i; // 10 common levels, ~118k singletons
      rows.add(RowFactory.create(level, (double) (i % 7), i % 10 < 4 ? 1 : 0));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.StringType, true),
        DataTypes.createStructField("n", DataTypes.DoubleType, true),
        DataTypes.createStructField("y", DataTypes.IntegerType, true)));
    Dataset<Row> data = SPARK.session().createDataFrame(rows, schema);
    ExplainableBoostingClassificationModel m = est().setInputCols(new String[] {"id", "n"}).fit(data);
    io.sparkxai.ebm.core.FeatureBinning id = m.ebm().features().get(0);
    assertEquals(10, id.levels().size(), "levels seen fewer than minCatSamples (10) times share the other bin");
    assertTrue(id.hasOther());
    assertEquals(12, id.mainBins());
  }

  @Test
  void infiniteFeatureValuesLandInTheOutermostBinsAndAreCounted() {
    Dataset<Row> data = base.withColumn("x0", functions.when(functions.col("x1").gt(1.5), Double.POSITIVE_INFINITY)
        .when(functions.col("x1").lt(-1.5), Double.NEGATIVE_INFINITY).otherwise(functions.col("x0")));
    long infinite = base.filter("x1 > 1.5 OR x1 < -1.5").count();
    ExplainableBoostingClassificationModel m = est().fit(data);
    assertEquals(infinite, m.summary().infiniteValues());
    io.sparkxai.ebm.core.FeatureBinning x0 = m.ebm().features().get(0);
    assertEquals(1, x0.bin(Double.NEGATIVE_INFINITY));
    assertEquals(x0.cuts().length + 1, x0.bin(Double.POSITIVE_INFINITY));
    for (double c : x0.cuts()) {
      assertTrue(Double.isFinite(c));
    }
  }

  @Test
  void missingColumnsAreNamed() {
    contains(fail(est().setInputCols(new String[] {"x0", "nope"}), base), "inputCols", "'nope'", "columns: x0, x1");
    contains(fail(est().setLabelCol("label"), base), "labelCol", "'label'");
    contains(fail(est().setWeightCol("w"), base), "weightCol", "'w'");
  }

  @Test
  void columnsOfTheWrongTypeAreNamed() {
    Dataset<Row> data = base.withColumn("arr", functions.array(functions.col("x0")))
        .withColumn("ys", functions.col("y").cast("string"));
    contains(fail(est().setInputCols(new String[] {"x0", "arr"}), data), "feature column 'arr'", "array<double>",
        "expected a number, a string or a boolean");
    contains(fail(est().setLabelCol("ys"), data), "label column 'ys'", "string", "StringIndexer");
    contains(fail(est().setFeaturesCol("x0").setInputCols(new String[0]), data), "features column 'x0'", "vector");
  }

  @Test
  void badWeightsAreRefused() {
    Dataset<Row> data = base.withColumn("w", functions.when(functions.col("x0").gt(1.0), -1.0).otherwise(1.0));
    contains(fail(est().setWeightCol("w"), data), "weight column 'w'", "negative", "-1.0");
  }

  @Test
  void unseenCategoriesAtTransformTimeScoreLikeTheRareOnes() {
    ExplainableBoostingClassificationModel m = est().setContributionsCol("contributions").fit(base);
    Dataset<Row> test = base.limit(5).withColumn("c0", functions.lit("never-seen-level"));
    List<Row> out = m.transform(test).select("contributions").collectAsList();
    ModelTerm c0 = m.ebm().terms().get(3);
    double other = c0.scores()[m.ebm().features().get(3).lastBin()];
    for (Row r : out) {
      assertEquals(other, r.<Double>getList(0).get(3), 0.0);
    }
  }

  @Test
  void badParamValuesAreRefusedWhereTheyAreSet() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> est().setMaxBins(1));
    assertEquals("maxBins must be >= 3, got 1", e.getMessage());
    contains(assertThrows(IllegalArgumentException.class, () -> est().setLearningRate(0)).getMessage(),
        "learningRate must be a finite number > 0.0, got 0.0");
    contains(assertThrows(IllegalArgumentException.class, () -> est().setValidationSize(1.0)).getMessage(),
        "validationSize must be in [0, 1), got 1.0");
    contains(assertThrows(IllegalArgumentException.class, () -> est().setInteractions("lots")).getMessage(),
        "interactions must be", "\"lots\"");
    contains(assertThrows(IllegalArgumentException.class, () -> est().setHandleInvalid("keep")).getMessage(),
        "handleInvalid must be one of error, skip, got \"keep\"");
    contains(assertThrows(IllegalArgumentException.class, () -> est().setFamily("poisson")).getMessage(),
        "family must be one of auto, binary, multinomial");
  }
}
