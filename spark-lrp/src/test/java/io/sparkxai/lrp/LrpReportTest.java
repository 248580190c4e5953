package io.sparkxai.lrp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.lrp.core.LayerRules;
import io.sparkxai.testkit.SharedData;
import io.sparkxai.testkit.SparkSessionExtension;
import io.sparkxai.testkit.StageConformance;
import io.sparkxai.testkit.browser.SelfContainedHtml;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Explained rows as plain Java values in one Spark job ({@link LrpExplainer#explainImages}), the rule
 * per layer as data, the report of a dataset, and heatmaps upscaled on Spark ({@code heatmapSize});
 * the {@link LrpReport} stage gives the explainer's report as a one-row DataFrame.
 */
class LrpReportTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  @TempDir Path tmp;

  private static LrpExplainer explainer() {
    return new LrpExplainer().setModelPath(SharedData.require("onnx/cnn.onnx").toString())
        .setComposite("EpsilonGammaBox").setLow(-1).setHigh(1).setInputCol("x").setBatchSize(2);
  }

  /** The 4 rows of onnx/inputs.csv as array<double>, over 3 partitions (no shuffle), row 1 null. */
  private static Dataset<Row> rows(SparkSession spark) throws Exception {
    double[][] inputs = io.sparkxai.lrp.core.TestDataAccess.csv(SharedData.require("onnx/inputs.csv"));
    List<Row> data = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      data.add(RowFactory.create(i, i == 1 ? null : inputs[i]));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.IntegerType, false),
        DataTypes.createStructField("x", DataTypes.createArrayType(DataTypes.DoubleType, false), true)));
    return spark.createDataFrame(new JavaSparkContext(spark.sparkContext()).parallelize(data, 3), schema);
  }

  @Test
  void theFirstExplainedRowsComeBackInOneJob() throws Exception {
    SparkSession spark = SPARK.session();
    Dataset<Row> rows = rows(spark);
    LrpExplainer lrp = explainer().setHandleInvalid("keep");
    spark.sparkContext().setJobGroup("explainImages", "test", false);
    List<ExplainedImage> images = lrp.explainImages(rows, 2);
    int jobs = spark.sparkContext().statusTracker().getJobIdsForGroup("explainImages").length;
    spark.sparkContext().clearJobGroup();
    assertEquals(1, jobs, "one Spark job");
    assertEquals(2, images.size(), "the null row is passed over");

    List<Row> all = lrp.copy(new org.apache.spark.ml.param.ParamMap()).setRawPredictionCol("out").transform(rows)
        .orderBy("id").collectAsList();
    assertNull(all.get(1).getAs("relevance"));
    int[] want = {0, 2};
    for (int k = 0; k < 2; k++) {
      ExplainedImage im = images.get(k);
      Row r = all.get(want[k]);
      assertEquals("row " + k, im.id());
      assertEquals(28, im.height());
      assertEquals(28, im.width());
      List<Float> rel = r.getList(r.fieldIndex("relevance"));
      double[] map = new double[784];
      for (int i = 0; i < 784; i++) {
        map[i] = rel.get(i);
      }
      assertArrayEquals(map, im.relevance(), 0.0, "one channel: the relevance column as it is");
      assertEquals(r.<Integer>getAs("prediction"), im.predicted());
      assertEquals(r.<Integer>getAs("explained_class"), im.explained());
      assertEquals(r.<Double>getAs("relevance_sum"), im.relevanceSum(), 0.0);
      List<Double> out = r.getList(r.fieldIndex("out"));
      assertEquals(out.get(im.predicted()), im.predictedScore(), 0.0);
      assertEquals(1.0, im.initialRelevance(), "init one");
      assertEquals(im.picture()[0] & 0xFF, (im.picture()[0] >> 16) & 0xFF, "grey");
    }
  }

  @Test
  void rulesByLayerNameTheCompositeAndEachLayersRule() {
    SPARK.session(); // the model file is read through the active session
    LayerRules rules = explainer().rulesByLayer();
    assertEquals("EpsilonGammaBox", rules.composite());
    LayerRules.Entry first = rules.withRules().get(0);
    assertEquals("Conv2d", first.type());
    assertEquals("z^B(low=-1, high=1)", first.display());
    assertTrue(rules.layers().stream().anyMatch(e -> e.display().startsWith("gamma(")), rules.toString());
    assertTrue(rules.layers().stream().anyMatch(e -> e.display().startsWith("epsilon(")), rules.toString());
  }

  @Test
  void aReportOfImagesWithHeatmapsUpscaledOnSpark() throws Exception {
    SparkSession spark = SPARK.session();
    Path dir = tmp.resolve("digits");
    for (int i = 0; i < 3; i++) {
      TestImages.gray(dir, "digit" + i + ".png", 28, 28, 40 + i);
    }
    Dataset<Row> images = spark.read().format("image").load(dir.toString());
    LrpExplainer lrp = explainer().setInputCol("image").setMean(new double[] {0.5}).setStd(new double[] {0.5});
    String html = lrp.report(images, 3).html();
    SelfContainedHtml.assertSelfContained(html);
    assertEquals(3, html.split("class=\"image-row\"", -1).length - 1);
    assertTrue(html.contains("width=\"140\" height=\"140\""), "28 px repeated 5 times: at least 128");
    assertTrue(html.contains("z^B(low=-1, high=1)"));
    assertEquals(html, lrp.report(images, 3).html(), "same bytes");
    ExplainedImage first = lrp.explainImages(images, 1).get(0);
    assertTrue(first.id().endsWith(".png"), first.id());

    Row r = lrp.setHeatmapCol("png").setHeatmapSize(100).transform(images).first();
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.getAs("png")));
    assertEquals(112, png.getWidth(), "28 px repeated 4 times: at least 100");
  }

  private static LrpReport stage() {
    return new LrpReport().setModelPath(SharedData.require("onnx/cnn.onnx").toString())
        .setComposite("EpsilonGammaBox").setLow(-1).setHigh(1).setInputCol("x").setBatchSize(2)
        .setHandleInvalid("keep").setImages(2);
  }

  @Test
  void theStageGivesTheExplainersReportByteForByte() throws Exception {
    Dataset<Row> rows = rows(SPARK.session());
    LrpReport stage = stage();
    LrpExplainer same = explainer().setHandleInvalid("keep");
    StageConformance.assertSameParams(same, stage.explainer());
    Dataset<Row> out = stage.transform(rows);
    assertEquals(stage.transformSchema(rows.schema()), out.schema());
    List<Row> all = out.collectAsList();
    assertEquals(1, all.size(), "one row");
    assertEquals(same.report(rows, 2).html(), all.get(0).getString(0), "the same bytes");
    assertEquals(16, new LrpReport().getImages(), "default");
  }

  @Test
  void theStageConformsAndRefusesBadValuesNamingThem(@TempDir Path conformance) throws Exception {
    Dataset<Row> rows = rows(SPARK.session());
    StageConformance.checkTransformer(stage(), rows, conformance);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LrpReport().setImages(0));
    assertEquals("images must be in [1, 1000], got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LrpReport().transform(rows));
    assertEquals("modelPath is not set", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> stage().setInputCol("pixels").transform(rows));
    assertTrue(e.getMessage().startsWith("inputCol 'pixels' is not a column"), e.getMessage());
    String missing = tmp.resolve("no-such.onnx").toString();
    IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> stage().setModelPath(missing).transform(rows));
    assertTrue(m.getMessage().contains(missing), m.getMessage());
  }
}
