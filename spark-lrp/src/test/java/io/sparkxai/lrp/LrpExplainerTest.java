package io.sparkxai.lrp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.sparkxai.lrp.core.Composites;
import io.sparkxai.lrp.core.LrpEngine;
import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.lrp.core.LrpResult;
import io.sparkxai.lrp.core.Target;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.onnx.OnnxReader;
import io.sparkxai.nn.onnx.OnnxWriter;
import io.sparkxai.testkit.SharedData;
import io.sparkxai.testkit.SparkSessionExtension;
import io.sparkxai.testkit.StageConformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LrpExplainer} on {@code local[2]}: PNG folders read by Spark's image source give the
 * engine's relevance on the same tensors (read independently with ImageIO), heatmaps included; bad
 * rows go where {@code handleInvalid} says and are counted; results do not depend on the
 * partitioning; the stage passes the conformance checks.
 */
class LrpExplainerTest {

  @RegisterExtension
  static final SparkSessionExtension SPARK = new SparkSessionExtension();

  @TempDir
  static Path tmp;

  static Path cnn;
  static Path grayDir;
  static Graph cnnGraph;

  @BeforeAll
  static void images() throws Exception {
    cnn = SharedData.require("onnx/cnn.onnx");
    cnnGraph = OnnxReader.read(cnn);
    grayDir = tmp.resolve("gray");
    for (int i = 0; i < 6; i++) {
      TestImages.gray(grayDir, "digit" + i + ".png", 28, 28, 100 + i);
    }
  }

  private static Dataset<Row> readImages(Path dir) {
    return SPARK.session().read().format("image").load(dir.toString()).orderBy("image.origin");
  }

  /** The engine's relevance for the given model inputs (C,H,W rows), the reference. */
  private static LrpResult engine(Graph g, LrpOptions o, double[] rows, int n, Target t) {
    try (LrpEngine e = LrpEngines.engine(g, o, Device.cpu(), DataType.FLOAT32)) {
      return e.explain(rows, n, t);
    }
  }

  @Test
  void pngFolderGivesTheEnginesRelevanceAndHeatmaps() throws Exception {
    LrpExplainer lrp = new LrpExplainer().setModelPath(cnn.toString()).setComposite("EpsilonGammaBox").setLow(-1)
        .setHigh(1).setMean(new double[] {0.5}).setStd(new double[] {0.5}).setHeatmapCol("heatmap").setBatchSize(4);
    List<Row> rows = lrp.transform(readImages(grayDir)).collectAsList();
    assertEquals(6, rows.size());
    double[] x = new double[6 * 784];
    for (int i = 0; i < 6; i++) {
      System.arraycopy(TestImages.chw(grayDir.resolve("digit" + i + ".png"), 0.5, 0.5), 0, x, i * 784, 784);
    }
    LrpResult ref = engine(cnnGraph, LrpOptions.of(Composites.epsilonGammaBox(-1, 1)), x, 6, Target.predicted());
    for (int i = 0; i < 6; i++) {
      Row r = rows.get(i);
      assertTrue(r.getStruct(0).getString(0).endsWith("digit" + i + ".png"));
      float[] got = floats(r, "relevance");
      float[] want = new float[784];
      for (int k = 0; k < 784; k++) {
        want[k] = (float) ref.relevance()[i * 784 + k];
      }
      // batches of 4 here, of 6 in the reference: from two rows up a row's result does not depend on its batch
      assertArrayEquals(want, got, "relevance of image " + i);
      assertEquals(ref.predicted()[i], r.<Integer>getAs("prediction"));
      assertEquals(ref.predicted()[i], r.<Integer>getAs("explained_class"));
      assertEquals(ref.relevanceSum()[i], r.<Double>getAs("relevance_sum"), 0.0);
      byte[] png = r.getAs("heatmap");
      byte[] wantPng = Heatmaps.png(Heatmaps.render(ref.row(i), 1, 28, 28, false));
      assertArrayEquals(wantPng, png, "heatmap of image " + i);
    }
  }

  @Test
  void colourImagesInRgbOrderAndResized() throws Exception {
    Graph model = TestImages.colourModel(8, 8, 5);
    Path file = tmp.resolve("colour.onnx");
    OnnxWriter.write(model, file);
    Path dir = tmp.resolve("colour");
    for (int i = 0; i < 3; i++) {
      TestImages.colour(dir, "c" + i + ".png", 8, 8, 200 + i);
    }
    LrpExplainer lrp = new LrpExplainer().setModelPath(file.toString()).setComposite("EpsilonPlus");
    List<Row> rows = lrp.transform(readImages(dir)).collectAsList();
    double[] x = new double[3 * 192];
    for (int i = 0; i < 3; i++) {
      System.arraycopy(TestImages.chw(dir.resolve("c" + i + ".png"), 0, 1), 0, x, i * 192, 192);
    }
    Graph reread = OnnxReader.read(file);
    LrpResult ref = engine(reread, LrpOptions.of(Composites.epsilonPlus()), x, 3, Target.predicted());
    for (int i = 0; i < 3; i++) {
      float[] got = floats(rows.get(i), "relevance");
      // the output is in the image's layout: height, width, then the stored B, G, R channels
      for (int y = 0; y < 8; y++) {
        for (int xx = 0; xx < 8; xx++) {
          for (int c = 0; c < 3; c++) {
            float want = (float) ref.relevance()[i * 192 + (c * 8 + y) * 8 + xx];
            assertEquals(want, got[(y * 8 + xx) * 3 + (2 - c)], 0f, "image " + i + " y " + y + " x " + xx + " c " + c);
          }
        }
      }
    }
    // a 12x10 image resized to the model's 8x8: the relevance is at the model's size
    Path big = tmp.resolve("colour-big");
    TestImages.colour(big, "big.png", 12, 10, 7);
    Row r = lrp.setResize(true).transform(readImages(big)).first();
    assertEquals(8 * 8 * 3, floats(r, "relevance").length);
  }

  @Test
  void invalidRowsFailSkipOrStayWithTheirReason() throws Exception {
    Path dir = tmp.resolve("mixed");
    TestImages.gray(dir, "a-good.png", 28, 28, 1);
    Files.write(dir.resolve("b-broken.png"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    TestImages.gray(dir, "c-small.png", 20, 20, 2);
    TestImages.colour(dir, "d-colour.png", 28, 28, 3);
    Dataset<Row> images = readImages(dir);
    // and a null image, as a left join or a union would bring
    Dataset<Row> withNull = images.union(SPARK.session().createDataFrame(
        List.of(RowFactory.create((Object) null)), images.schema()));

    LrpExplainer lrp = new LrpExplainer().setModelPath(cnn.toString()).setHandleInvalid("keep");
    LrpExplainer.Run kept = lrp.explain(withNull);
    List<Row> rows = kept.rows().collectAsList();
    assertEquals(5, rows.size(), "keep: every row stays");
    String[] errors = rows.stream().map(r -> r.<String>getAs("lrp_error")).toArray(String[]::new);
    assertNull(errors[0]);
    assertTrue(errors[1].contains("undecodable image"), errors[1]);
    assertTrue(errors[2].contains("20x20") && errors[2].contains("resize"), errors[2]);
    assertTrue(errors[3].contains("3 channel(s)") && errors[3].contains("takes 1"), errors[3]);
    assertTrue(errors[4].contains("null"), errors[4]);
    assertNull(rows.get(4).getAs("relevance"));
    assertEquals(784, floats(rows.get(0), "relevance").length);
    assertEquals(5, kept.counts().rows());
    assertEquals(1, kept.counts().explained());
    assertEquals(4, kept.counts().invalid());
    assertEquals(0, kept.counts().skipped());

    LrpExplainer.Run skipped = lrp.setHandleInvalid("skip").explain(withNull);
    assertEquals(1, skipped.rows().count(), "skip: only the good row");
    assertEquals(4, skipped.counts().skipped());
    assertEquals(4, skipped.counts().invalid());

    Exception e = assertThrows(Exception.class, () -> lrp.setHandleInvalid("error").transform(images).collect());
    String m = rootMessage(e);
    assertTrue(m.contains("column 'image'") && m.contains("b-broken.png") && m.contains("undecodable")
        && m.contains("handleInvalid"), m);
  }

  @Test
  void sameRelevanceWhateverThePartitioning() {
    Random r = new Random(3);
    List<Row> data = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      float[] v = new float[784];
      for (int k = 0; k < v.length; k++) {
        v[k] = (float) Math.max(-3, Math.min(3, r.nextGaussian()));
      }
      data.add(RowFactory.create(i, v));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.IntegerType, false),
        DataTypes.createStructField("x", DataTypes.createArrayType(DataTypes.FloatType, false), false)));
    Dataset<Row> df = SPARK.session().createDataFrame(data, schema);
    LrpExplainer lrp = new LrpExplainer().setModelPath(cnn.toString()).setInputCol("x").setBatchSize(5)
        .setComposite("EpsilonAlpha2Beta1");
    List<Row> one = byId(lrp.transform(df.repartition(1)));
    for (int parts : new int[] {2, 7}) {
      List<Row> other = byId(lrp.transform(df.repartition(parts)));
      for (int i = 0; i < 23; i++) {
        assertArrayEquals(floats(one.get(i), "relevance"), floats(other.get(i), "relevance"),
            "row " + i + " with " + parts + " partitions");
        assertEquals(one.get(i).<Double>getAs("relevance_sum"), other.get(i).<Double>getAs("relevance_sum"));
      }
    }
  }

  @Test
  void conformsToSparkConventions() throws Exception {
    Dataset<Row> images = readImages(grayDir);
    LrpExplainer lrp = new LrpExplainer().setModelPath(cnn.toString()).setRule("epsilon:0.01").setFirstRule("flat")
        .setZeroBias(true).setInit("output").setMean(new double[] {0.5}).setStd(new double[] {0.5})
        .setHeatmapCol("png").setHeatmapOverlay(true).setHandleInvalid("keep");
    StageConformance.checkTransformer(lrp, images, tmp.resolve("conformance"));
  }

  @Test
  void lrpToolboxModelOnImagesInItsOwnLayout() throws Exception {
    Path lenet = SharedData.require("lrp_toolbox_models/LeNet-5.txt");
    Path dir = tmp.resolve("mnist32");
    for (int i = 0; i < 3; i++) {
      TestImages.gray(dir, "m" + i + ".png", 32, 32, 300 + i);
    }
    // lrp_toolbox's MNIST scaling x / 127.5 - 1
    LrpExplainer lrp = new LrpExplainer().setModelPath(lenet.toString()).setInputShape(new int[] {1, 32, 32})
        .setScale(1 / 127.5).setMean(new double[] {1}).setRule("epsilon:0.01").setInit("output");
    List<Row> rows = lrp.transform(readImages(dir)).collectAsList();
    double[] x = new double[3 * 1024];
    for (int i = 0; i < 3; i++) {
      double[] v = TestImages.chw(dir.resolve("m" + i + ".png"), 0, 1);
      for (int k = 0; k < 1024; k++) {
        x[i * 1024 + k] = v[k] * 255 / 127.5 - 1;
      }
    }
    Graph g = io.sparkxai.nn.toolbox.LrpToolboxReader.read(lenet, 1024);
    LrpResult ref = engine(g, new LrpOptions(io.sparkxai.lrp.core.Composite.uniform(
        io.sparkxai.lrp.core.Rule.epsilon(0.01)), false, io.sparkxai.lrp.core.Canonizer.ALL,
        io.sparkxai.lrp.core.Init.OUTPUT), x, 3, Target.predicted());
    for (int i = 0; i < 3; i++) {
      float[] got = floats(rows.get(i), "relevance");
      for (int k = 0; k < 1024; k++) {
        assertEquals((float) ref.relevance()[i * 1024 + k], got[k], 1e-6f * Math.abs(got[k]) + 1e-9f, "row " + i);
      }
    }
  }

  @Test
  void vectorInputWithPerRowTargetsInitOutputInFloat64() throws Exception {
    double[][] inputs = io.sparkxai.lrp.core.TestDataAccess.csv(SharedData.require("onnx/inputs.csv"));
    List<Row> data = new ArrayList<>();
    int[] targets = {3, 0, 9, 5};
    for (int i = 0; i < 4; i++) {
      data.add(RowFactory.create(i, org.apache.spark.ml.linalg.Vectors.dense(inputs[i]), (long) targets[i]));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.IntegerType, false),
        DataTypes.createStructField("v", org.apache.spark.ml.linalg.SQLDataTypes.VectorType(), false),
        DataTypes.createStructField("t", DataTypes.LongType, false)));
    Dataset<Row> df = SPARK.session().createDataFrame(data, schema);
    Path resnet = SharedData.require("onnx/resnet.onnx");
    LrpExplainer lrp = new LrpExplainer().setModelPath(resnet.toString()).setInputCol("v").setTargetCol("t")
        .setInit("output").setPrecision("float64").setComposite("EpsilonPlusFlat").setZeroBias(true);
    List<Row> rows = byId(lrp.transform(df));
    double[] x = new double[4 * 784];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(inputs[i], 0, x, i * 784, 784);
    }
    LrpResult ref;
    try (LrpEngine e = LrpEngines.engine(OnnxReader.read(resnet), LrpOptions.of(Composites.epsilonPlusFlat())
        .withZeroBias(true).withInit(io.sparkxai.lrp.core.Init.OUTPUT), Device.cpu(), DataType.FLOAT64)) {
      ref = e.explain(x, 4, Target.perRow(targets));
    }
    for (int i = 0; i < 4; i++) {
      assertEquals(targets[i], rows.get(i).<Integer>getAs("explained_class"));
      float[] want = new float[784];
      for (int k = 0; k < 784; k++) {
        want[k] = (float) ref.relevance()[i * 784 + k];
      }
      assertArrayEquals(want, floats(rows.get(i), "relevance"));
      // zero bias: the composite sums to the initial relevance, the target's logit, up to what the dense
      // layers' epsilon (1e-6) absorbs
      assertEquals(ref.relevanceSum()[i], rows.get(i).<Double>getAs("relevance_sum"), 0.0);
      assertEquals(ref.initial()[i], rows.get(i).<Double>getAs("relevance_sum"), 1e-5 * Math.abs(ref.initial()[i]));
    }
  }

  @Test
  void registeredGraphAsAColumnInSqlAndBatched() throws Exception {
    double[][] inputs = io.sparkxai.lrp.core.TestDataAccess.csv(SharedData.require("onnx/inputs.csv"));
    List<Row> data = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      data.add(RowFactory.create(i, Arrays.stream(inputs[i]).boxed().toList()));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.IntegerType, false),
        DataTypes.createStructField("x", DataTypes.createArrayType(DataTypes.DoubleType, false), false)));
    Dataset<Row> df = SPARK.session().createDataFrame(data, schema);
    LrpFunctions.register(SPARK.session(), "lrp_cnn", cnnGraph, new LrpExplainer().setComposite("EpsilonPlus")
        .setTargetClass(2));
    double[] x = new double[4 * 784];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(inputs[i], 0, x, i * 784, 784);
    }
    LrpResult ref = engine(cnnGraph, LrpOptions.of(Composites.epsilonPlus()), x, 4, Target.index(2));

    List<Row> byColumn = byId(df.withColumn("r", LrpFunctions.relevance("lrp_cnn", df.col("x"))));
    df.createOrReplaceTempView("inputs");
    List<Row> bySql = byId(SPARK.session().sql("select id, lrp_cnn(x) as r from inputs"));
    List<Row> batched = byId(LrpFunctions.explain(df, "lrp_cnn", "x").rows());
    for (int i = 0; i < 4; i++) {
      float[] want = new float[784];
      for (int k = 0; k < 784; k++) {
        want[k] = (float) ref.relevance()[i * 784 + k];
      }
      for (Row r : List.of(byColumn.get(i).getStruct(byColumn.get(i).fieldIndex("r")),
          bySql.get(i).getStruct(1))) {
        assertArrayEquals(want, floats(r, "relevance"), "row " + i);
        assertEquals(2, r.<Integer>getAs("explained_class"));
        assertEquals(ref.predicted()[i], r.<Integer>getAs("prediction"));
      }
      assertArrayEquals(want, floats(batched.get(i), "relevance"), "batched row " + i);
    }
    Exception e = assertThrows(IllegalArgumentException.class, () -> LrpFunctions.relevance("nope", df.col("x")));
    assertTrue(e.getMessage().contains("lrp_cnn"), e.getMessage());
  }

  @Test
  void modelLoadedOncePerJvmNotPerPartition() throws Exception {
    Path copy = tmp.resolve("once.onnx");
    Files.copy(cnn, copy); // a path no other test used: a fresh cache key
    Random r = new Random(9);
    List<Row> data = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      float[] v = new float[784];
      for (int k = 0; k < v.length; k++) {
        v[k] = (float) r.nextGaussian();
      }
      data.add(RowFactory.create(i, v));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.IntegerType, false),
        DataTypes.createStructField("x", DataTypes.createArrayType(DataTypes.FloatType, false), false)));
    Dataset<Row> df = SPARK.session().createDataFrame(data, schema).repartition(8);
    LrpExplainer lrp = new LrpExplainer().setModelPath(copy.toString()).setInputCol("x").setBatchSize(2);
    long before = EngineCache.loads();
    LrpExplainer.Run first = lrp.explain(df);
    first.rows().write().format("noop").mode("overwrite").save();
    assertEquals(1, first.counts().modelLoads(), "model loads in the first run: " + first.counts().perJvm());
    assertEquals(1, EngineCache.loads() - before);
    var jvms = first.counts().perJvm();
    assertEquals(1, jvms.size(), "local mode: one JVM: " + jvms);
    assertEquals(8L, jvms.values().iterator().next().get("partitions"));
    assertEquals(20, first.counts().batches());
    LrpExplainer.Run second = lrp.explain(df);
    second.rows().write().format("noop").mode("overwrite").save();
    assertEquals(0, second.counts().modelLoads(), "the second run finds the model cached");
  }

  @Test
  void badParamsFailBeforeAnyTaskNamingThem() {
    Dataset<Row> images = readImages(grayDir);
    String m = assertThrows(IllegalArgumentException.class, () -> new LrpExplainer().setModelPath(cnn.toString())
        .setRule("z").setComposite("EpsilonPlus").transform(images)).getMessage();
    assertTrue(m.contains("rule and composite"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new LrpExplainer().setModelPath(cnn.toString())
        .setLow(-1).setHigh(1).transform(images)).getMessage();
    assertTrue(m.contains("low and high"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new LrpExplainer().setModelPath(cnn.toString())
        .setRule("epsilon:x").transform(images)).getMessage();
    assertTrue(m.startsWith("rule:"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new LrpExplainer()
        .setModelPath(tmp.resolve("missing.onnx").toString()).transform(images)).getMessage();
    assertTrue(m.contains("modelPath") && m.contains("no such file"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new LrpExplainer().setModelPath(cnn.toString())
        .setTargetClass(10).transform(images)).getMessage();
    assertTrue(m.contains("targetClass 10"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new LrpExplainer().setModelPath(cnn.toString())
        .setInputCol("image.origin").transform(images)).getMessage();
    assertTrue(m.contains("inputCol"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new LrpExplainer().setModelPath(cnn.toString())
        .setMean(new double[] {0.1, 0.2, 0.3}).transform(images)).getMessage();
    assertTrue(m.contains("mean has 3 values"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new LrpExplainer().setModelPath(cnn.toString())
        .setOutputCol("image").transform(images)).getMessage();
    assertTrue(m.contains("output column 'image' already exists"), m);
  }

  @Test
  void deviceGpuWithoutAGpuFailsNamingWhatIsMissing() {
    org.junit.jupiter.api.Assumptions.assumeTrue(ai.djl.engine.Engine.getInstance().getGpuCount() == 0,
        "this machine has a GPU: the GPU test below covers it");
    Exception e = assertThrows(Exception.class, () -> new LrpExplainer().setModelPath(cnn.toString())
        .setDevice("gpu").transform(readImages(grayDir)).collect());
    String m = rootMessage(e);
    assertTrue(m.contains("device=gpu") && m.contains("sees no GPU"), m);
  }

  @Test
  void computesOnTheGpuLikeOnTheCpu() {
    org.junit.jupiter.api.Assumptions.assumeTrue(ai.djl.engine.Engine.getInstance().getGpuCount() > 0,
        "needs a GPU and DJL's CUDA natives; this machine has none (CI never does)");
    LrpExplainer lrp = new LrpExplainer().setModelPath(cnn.toString()).setComposite("EpsilonGammaBox").setLow(-1)
        .setHigh(1);
    List<Row> cpu = lrp.setDevice("cpu").transform(readImages(grayDir)).collectAsList();
    List<Row> gpu = lrp.setDevice("gpu").transform(readImages(grayDir)).collectAsList();
    for (int i = 0; i < cpu.size(); i++) {
      float[] c = floats(cpu.get(i), "relevance");
      float[] g = floats(gpu.get(i), "relevance");
      double max = 0;
      double diff = 0;
      for (int k = 0; k < c.length; k++) {
        max = Math.max(max, Math.abs(c[k]));
        diff = Math.max(diff, Math.abs(c[k] - g[k]));
      }
      assertTrue(diff <= 1e-4 * max, "image " + i + ": GPU differs from CPU by " + diff + " of " + max);
    }
  }

  private static List<Row> byId(Dataset<Row> df) {
    List<Row> rows = new ArrayList<>(df.collectAsList());
    rows.sort(Comparator.comparingInt(r -> r.<Integer>getAs("id")));
    return rows;
  }

  static float[] floats(Row r, String col) {
    List<Float> l = r.getList(r.fieldIndex(col));
    float[] out = new float[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = l.get(i);
    }
    return out;
  }

  static String rootMessage(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      sb.append(t.getMessage()).append(" | ");
    }
    return sb.toString();
  }

  static SparkSession spark() {
    return SPARK.session();
  }

  static double[] toDoubles(float[] f) {
    return Arrays.stream(toBoxed(f)).mapToDouble(Float::doubleValue).toArray();
  }

  private static Float[] toBoxed(float[] f) {
    Float[] out = new Float[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = f[i];
    }
    return out;
  }
}
