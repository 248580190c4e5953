package io.sparkxai.concepts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.concepts.core.ConceptDataset;
import io.sparkxai.concepts.core.ParameterSnapshot;
import io.sparkxai.testkit.SparkSessionExtension;
import io.sparkxai.testkit.StageConformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Concept bottleneck and embedding models as Spark stages: determinism, modes, interventions, conformance, errors. */
class ConceptModelsTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();
  private static final ConceptDataset TRIG = ConceptDataset.TRIGONOMETRY;
  private static final String[] CONCEPTS = ConceptDataFrames.conceptColumns(TRIG);

  @TempDir Path tmp;

  private static Dataset<Row> train;
  private static Dataset<Row> test;
  private static ConceptBottleneckModel shortCbm;

  @BeforeAll
  static void data() {
    train = ConceptTestData.train(SPARK.session(), TRIG, 5);
    test = ConceptTestData.test(SPARK.session(), TRIG, 5);
    shortCbm = ConceptTestData.cbm(TRIG).setEpochs(400).setSeed(5).fit(train);
  }

  private static ParameterSnapshot params(ConceptModel<?> m) {
    return m.parameters();
  }

  @Test
  void sameSeedSameModelWhateverThePartitioning() {
    ConceptBottleneckClassifier cbm = ConceptTestData.cbm(TRIG).setEpochs(60).setSeed(9);
    ConceptBottleneckModel one = cbm.fit(train.repartition(1));
    ConceptBottleneckModel five = cbm.fit(train.repartition(5));
    assertEquals(params(one), params(five), "one shard: the exact algorithm whatever the input partitions");
    StageConformance.assertSameRows(one.transform(test).orderBy("x0"), five.transform(test.repartition(3)).orderBy("x0"),
        "predictions");
    ConceptModelMetrics m1 = one.evaluate(test, "random");
    ConceptModelMetrics m5 = five.evaluate(test.repartition(4), "random");
    assertEquals(m1.conceptAccuracy(), m5.conceptAccuracy());
    assertArrayEquals(m1.interventionCurve(), m5.interventionCurve(), "metrics");

    // data parallel: three shards, parameters averaged every 10 epochs, mini-batches
    ConceptBottleneckClassifier parallel = ConceptTestData.cbm(TRIG).setEpochs(30).setSeed(9).setNumShards(3)
        .setEpochsPerSync(10).setBatchSize(32);
    ConceptBottleneckModel p2 = parallel.fit(train.repartition(2));
    ConceptBottleneckModel p7 = parallel.fit(train.repartition(7));
    assertEquals(params(p2), params(p7), "three shards: the same model for any input partitioning");
    assertEquals("3", p2.provenance().get("rounds"));
    assertNotEquals(params(one), params(cbm.setSeed(10).fit(train)), "another seed, another model");
  }

  @Test
  void dataParallelTrainingLearns() {
    Dataset<Row> big = ConceptDataFrames.generate(SPARK.session(), TRIG, 8, 0, 2000, 4);
    ConceptBottleneckModel m = ConceptTestData.cbm(TRIG).setNumShards(2).setEpochs(120).setEpochsPerSync(20)
        .setBatchSize(100).setSeed(3).fit(big);
    ConceptModelMetrics metrics = m.evaluate(test, "random");
    assertTrue(metrics.conceptAccuracy() > 0.95, metrics.toString());
    assertTrue(metrics.taskAccuracy() > 0.75, metrics.toString());
    assertEquals("2", m.provenance().get("shards"));
  }

  @Test
  void independentAndSequentialShareTheConceptStage() {
    ConceptBottleneckModel independent = ConceptTestData.cbm(TRIG).setMode("independent").setEpochs(300)
        .setSeed(4).fit(train);
    ConceptBottleneckModel sequential = ConceptTestData.cbm(TRIG).setMode("sequential").setEpochs(300)
        .setSeed(4).fit(train);
    ParameterSnapshot a = independent.parameters();
    ParameterSnapshot b = sequential.parameters();
    for (int i = 0; i < a.size(); i++) {
      boolean encoder = a.names().get(i).contains("encoder");
      assertEquals(encoder, java.util.Arrays.equals(a.values(i), b.values(i)), a.names().get(i));
    }
    assertEquals("cbm-independent", independent.provenance().get("training"));
    // the independent head learnt on true concepts: given them, it does as well as the lookup table
    double ceiling = ConceptDiagnostics.conceptCeiling(train, test, CONCEPTS, "y");
    ConceptModelMetrics m = independent.evaluate(test, "random");
    assertTrue(m.taskAccuracyAllIntervened() >= ceiling - 0.03, m + " vs. ceiling " + ceiling);
    assertTrue(sequential.evaluate(test, "random").taskAccuracy() > 0.7);
  }

  @Test
  void interventionsFromAMaskColumnOrAPolicy() {
    ConceptBottleneckModel m = shortCbm.copy(new org.apache.spark.ml.param.ParamMap());
    Dataset<Row> plain = m.transform(test).orderBy("x0");
    Dataset<Row> withMask = test.withColumn("mask", functions.array(functions.lit(1.0), functions.lit(1.0),
        functions.lit(1.0)));
    List<Row> all = m.setInterventionMaskCol("mask").transform(withMask).orderBy("x0").collectAsList();
    List<Row> byPolicy = shortCbm.copy(new org.apache.spark.ml.param.ParamMap()).setInterventionPolicy("random")
        .setInterventionCount(3).transform(test).orderBy("x0").collectAsList();
    long right = 0;
    for (int i = 0; i < all.size(); i++) {
      Row r = all.get(i);
      Vector c = r.getAs("conceptProbabilities");
      assertArrayEquals(new double[] {r.getInt(r.fieldIndex("c0")), r.getInt(r.fieldIndex("c1")),
          r.getInt(r.fieldIndex("c2"))}, c.toArray(), "all concepts intervened: the head sees the truth");
      assertEquals(r.<Double>getAs("prediction"), byPolicy.get(i).<Double>getAs("prediction"));
      if (r.<Double>getAs("prediction") == r.getInt(r.fieldIndex("y"))) {
        right++;
      }
    }
    ConceptModelMetrics metrics = shortCbm.evaluate(test, "uncertainty");
    assertEquals(right / (double) all.size(), metrics.taskAccuracyAllIntervened(), 1e-12);
    assertEquals(accuracy(plain), metrics.taskAccuracy(), 1e-12);
    assertEquals(4, metrics.interventionCurve().length);

    // most uncertain first: with k = 1 exactly the concept closest to ½ is replaced by the truth
    List<Row> base = plain.collectAsList();
    List<Row> one = shortCbm.copy(new org.apache.spark.ml.param.ParamMap()).setInterventionPolicy("uncertainty")
        .setInterventionCount(1).transform(test).orderBy("x0").collectAsList();
    for (int i = 0; i < base.size(); i++) {
      double[] p = base.get(i).<Vector>getAs("conceptProbabilities").toArray();
      double[] q = one.get(i).<Vector>getAs("conceptProbabilities").toArray();
      int most = 0;
      for (int j = 1; j < 3; j++) {
        if (Math.abs(p[j] - 0.5) < Math.abs(p[most] - 0.5)) {
          most = j;
        }
      }
      for (int j = 0; j < 3; j++) {
        double expected = j == most ? one.get(i).getInt(one.get(i).fieldIndex("c" + j)) : p[j];
        assertEquals(expected, q[j], 0, "row " + i + ", concept " + j);
      }
    }
  }

  private static double accuracy(Dataset<Row> scored) {
    return scored.agg(functions.avg(functions.when(functions.col("prediction").equalTo(functions.col("y")), 1.0)
        .otherwise(0.0))).first().getDouble(0);
  }

  @Test
  void trueConceptsFromAVectorColumn() {
    Dataset<Row> withTruth = test.withColumn("truth", functions.array(functions.col("c0").cast("double"),
        functions.col("c1").cast("double"), functions.col("c2").cast("double")))
        .withColumn("mask", functions.array(functions.lit(true), functions.lit(false), functions.lit(true)));
    ConceptBottleneckModel m = shortCbm.copy(new org.apache.spark.ml.param.ParamMap()).setConceptCols()
        .setTrueConceptsCol("truth").setInterventionMaskCol("mask");
    for (Row r : m.transform(withTruth).collectAsList()) {
      double[] c = r.<Vector>getAs("conceptProbabilities").toArray();
      assertEquals(r.getInt(r.fieldIndex("c0")), c[0], 0);
      assertEquals(r.getInt(r.fieldIndex("c2")), c[2], 0);
    }
  }

  @Test
  void multiclassLabels() {
    // the number of positive hidden draws, 0..3: four classes determined by the concepts
    Dataset<Row> tr = train.withColumn("k", functions.col("c0").plus(functions.col("c1")).plus(functions.col("c2")));
    Dataset<Row> te = test.withColumn("k", functions.col("c0").plus(functions.col("c1")).plus(functions.col("c2")));
    ConceptBottleneckModel m = ConceptTestData.cbm(TRIG).setLabelCol("k").setEpochs(600).setSeed(2).fit(tr);
    assertEquals(4, m.numClasses());
    Row first = m.transform(te).first();
    double[] p = first.<Vector>getAs("probability").toArray();
    assertEquals(4, p.length);
    assertEquals(1, p[0] + p[1] + p[2] + p[3], 1e-9);
    ConceptModelMetrics metrics = m.setLabelCol("k").evaluate(te, "random");
    assertTrue(metrics.taskAccuracyAllIntervened() > 0.95, metrics.toString());
    assertTrue(metrics.taskAccuracy() > 0.85, metrics.toString());
  }

  @Test
  void conceptBottleneckConformance() throws Exception {
    ConceptBottleneckModel m = StageConformance.checkEstimator(ConceptTestData.cbm(TRIG).setEpochs(20).setSeed(1)
        .setMode("sequential"), train, tmp);
    assertEquals(3, m.numConcepts());
  }

  @Test
  void conceptEmbeddingConformance() throws Exception {
    ConceptEmbeddingModel m = StageConformance.checkEstimator(ConceptTestData.cem(TRIG).setEpochs(20).setSeed(1),
        train, tmp);
    assertEquals(io.sparkxai.concepts.core.NetworkSpec.Kind.EMBEDDING, m.networkSpec().kind());
  }

  @Test
  void savedModelsCarryAVersionedFormat() throws Exception {
    Path path = tmp.resolve("cbm");
    shortCbm.save(path.toString());
    Path json = path.resolve("network.json");
    String doc = Files.readString(json);
    Files.deleteIfExists(path.resolve(".network.json.crc")); // the local file system's checksum of the original
    assertTrue(doc.contains("\"formatVersion\" : 1"), doc);
    assertTrue(doc.contains("\"training\" : \"cbm-joint\""), doc);
    ConceptBottleneckModel back = ConceptBottleneckModel.load(path.toString());
    assertEquals(shortCbm.parameters(), back.parameters());
    Files.writeString(json, doc.replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConceptBottleneckModel.load(path.toString()));
    assertTrue(e.getMessage().contains("format version 99"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new ConceptBottleneckModel().transform(test));
  }

  @Test
  void badInputIsReportedWithColumnAndValue() {
    Dataset<Row> nan = train.withColumn("x3", functions.when(functions.col("c0").equalTo(1), Double.NaN)
        .otherwise(functions.col("x3")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConceptTestData.cbm(TRIG).setEpochs(1).fit(nan));
    assertTrue(e.getMessage().contains("'x3'") && e.getMessage().contains("NaN"), e.getMessage());

    Dataset<Row> badConcept = train.withColumn("c1", functions.col("c1").multiply(2));
    e = assertThrows(IllegalArgumentException.class, () -> ConceptTestData.cbm(TRIG).setEpochs(1).fit(badConcept));
    assertTrue(e.getMessage().contains("'c1'") && e.getMessage().contains("[0, 1]"), e.getMessage());

    Dataset<Row> badLabel = train.withColumn("y", functions.col("y").plus(0.5));
    e = assertThrows(IllegalArgumentException.class, () -> ConceptTestData.cbm(TRIG).setEpochs(1).fit(badLabel));
    assertTrue(e.getMessage().contains("label column 'y'") && e.getMessage().contains("0.5"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> new ConceptBottleneckClassifier().setInputCols("x0").setLabelCol("y").fit(train));
    assertTrue(e.getMessage().contains("conceptCols"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> ConceptTestData.cbm(TRIG).setInputCols("x0", "nope").fit(train));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> ConceptTestData.cbm(TRIG).setMode("greedy"));
    assertTrue(e.getMessage().contains("greedy") || e.getMessage().contains("mode"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> shortCbm.evaluate(test, "none"));
  }

  @Test
  void featuresFromAVectorColumn() {
    Dataset<Row> vec = train.withColumn("features", functions.array(functions.col("x0"), functions.col("x1"),
        functions.col("x2"), functions.col("x3"), functions.col("x4"), functions.col("x5"), functions.col("x6")));
    ConceptBottleneckModel a = ConceptTestData.cbm(TRIG).setInputCols().setEpochs(15).setSeed(1).fit(vec);
    ConceptBottleneckModel b = ConceptTestData.cbm(TRIG).setEpochs(15).setSeed(1).fit(train);
    assertEquals(a.parameters(), b.parameters(), "an array column and scalar columns are the same features");
    assertEquals(Vectors.dense(1, 2).size(), 2);
  }
}
