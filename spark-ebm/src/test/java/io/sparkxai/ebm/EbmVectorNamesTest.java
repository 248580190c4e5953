package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.testkit.SparkSessionExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vector input keeps the names Spark ML's feature stages write in the column metadata: a
 * {@code StringIndexer} output assembled by {@code VectorAssembler} is a categorical feature named after
 * the indexer's output, with the indexer's labels as its levels; {@code OneHotEncoder} slots keep their
 * names; the category names travel with the saved model, so a vector without metadata scores the same.
 */
class EbmVectorNamesTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static final List<String> JOBS = List.of("clerk", "nurse", "pilot", "baker");
  private static Dataset<Row> table;

  @BeforeAll
  static void makeTable() {
    Random r = new Random(4);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      String job = JOBS.get(r.nextInt(JOBS.size()));
      double age = 18 + r.nextInt(60);
      double logit = (job.equals("pilot") ? 1.5 : job.equals("baker") ? -1 : 0) + (age - 45) / 15;
      rows.add(RowFactory.create(job, age, r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1.0 : 0.0));
    }
    StructType schema = new StructType().add("job", DataTypes.StringType).add("age", DataTypes.DoubleType)
        .add("label", DataTypes.DoubleType);
    table = SPARK.session().createDataFrame(rows, schema).cache();
  }

  private static ExplainableBoostingClassifier ebm() {
    return new ExplainableBoostingClassifier().setFeaturesCol("features").setLabelCol("label").setOuterBags(1)
        .setInteractions("0").setMaxRounds(100).setLearningRate(0.1).setLogEvery(0);
  }

  @Test
  void indexedCategoriesKeepTheirNames(@TempDir Path tmp) throws Exception {
    PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {
        new StringIndexer().setInputCol("job").setOutputCol("jobIndex"),
        new VectorAssembler().setInputCols(new String[] {"jobIndex", "age"}).setOutputCol("features"), ebm()})
        .fit(table);
    ExplainableBoostingClassificationModel model = (ExplainableBoostingClassificationModel) pipeline.stages()[2];
    assertEquals(List.of("jobIndex", "age"), model.termNames());
    FeatureBinning job = model.ebm().features().get(0);
    assertTrue(job.isCategorical(), "a nominal slot is categorical");
    assertEquals(new java.util.HashSet<>(JOBS), new java.util.HashSet<>(job.levels()), "levels named, not 0, 1, 2");
    assertFalse(model.ebm().features().get(1).isCategorical());
    List<String> bins = model.globalExplanation().where("term = 'jobIndex'").select("bin").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertTrue(bins.containsAll(JOBS), bins.toString());

    Dataset<Row> assembled = new Pipeline().setStages(new PipelineStage[] {pipeline.stages()[0],
        pipeline.stages()[1]}).fit(table).transform(table);
    Dataset<Row> bare = assembled.withColumn("features", functions.col("features").as("features", Metadata.empty()));
    String path = tmp.resolve("model").toString();
    model.write().save(path);
    ExplainableBoostingClassificationModel loaded = ExplainableBoostingClassificationModel.load(path);
    List<Row> withNames = model.transform(assembled).select("rawPrediction").collectAsList();
    assertEquals(withNames, loaded.transform(bare).select("rawPrediction").collectAsList(),
        "without metadata the saved category names decode the indexes");
  }

  @Test
  void oneHotSlotsKeepTheirNames() {
    PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {
        new StringIndexer().setInputCol("job").setOutputCol("jobIndex"),
        new OneHotEncoder().setInputCol("jobIndex").setOutputCol("jobVec"),
        new VectorAssembler().setInputCols(new String[] {"jobVec", "age"}).setOutputCol("features"), ebm()})
        .fit(table);
    ExplainableBoostingClassificationModel model = (ExplainableBoostingClassificationModel) pipeline.stages()[3];
    List<String> names = model.termNames();
    assertEquals(JOBS.size() - 1 + 1, names.size(), "one slot per category but the last (dropLast), and age");
    for (String n : names.subList(0, 3)) {
      assertTrue(n.startsWith("jobVec_") && JOBS.contains(n.substring("jobVec_".length())), n);
      assertTrue(model.ebm().features().get(names.indexOf(n)).isCategorical(), "a binary slot is categorical: " + n);
    }
    assertEquals("age", names.get(3));
  }
}
