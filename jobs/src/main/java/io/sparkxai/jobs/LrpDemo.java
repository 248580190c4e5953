package io.sparkxai.jobs;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sparkxai.lrp.Heatmaps;
import io.sparkxai.lrp.LrpEngines;
import io.sparkxai.lrp.LrpExplainer;
import io.sparkxai.lrp.core.Composites;
import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.Node;
import io.sparkxai.nn.onnx.OnnxReader;
import io.sparkxai.nn.onnx.OnnxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The demo's LRP part, on nothing but what it makes: it draws pictures whose class only one region
 * decides ({@link ShapeImages}), trains a small CNN on them with DJL, writes the CNN as ONNX with the
 * project's own protobuf classes ({@link OnnxWriter}) and reads it back with {@link OnnxReader},
 * writes test pictures as PNG files, explains them with {@link LrpExplainer} on Spark
 * ({@code spark.read.format("image")}), and writes the heatmaps. The check it prints: the share of
 * positive relevance that falls in the deciding region, against the region's share of the picture.
 */
final class LrpDemo {

  private static final int TRAIN = 1024;
  private static final int TEST = 48;
  private static final int BATCH = 64;
  private static final int EPOCHS = 3;
  /** Pictures drawn in the demo's LRP report. */
  private static final int REPORT_IMAGES = 12;

  private LrpDemo() {}

  /** Runs the part; see {@link DemoPart}. */
  static Map<String, Object> run(DemoContext ctx) throws Exception {
    long started = System.nanoTime();
    LrpEngines.configureDjl();
    Path dir = ctx.outputDir().resolve("lrp");
    Path images = dir.resolve("images");
    Path heatmaps = dir.resolve("heatmaps");
    Files.createDirectories(images);
    Path onnx = dir.resolve("shapes-cnn.onnx");
    Trained cnn = trainAndWrite(ctx.seed(), onnx, images);
    double accuracy = cnn.accuracy();
    double agreement = cnn.agreement();
    double trainSeconds = JobCommand.secondsSince(started);

    Dataset<Row> df = ctx.spark().read().format("image").load(images.toString()).orderBy("image.origin");
    LrpExplainer lrp = new LrpExplainer().setModelPath(onnx.toString())
        .setComposite("EpsilonGammaBox").setLow(0).setHigh(1).setHeatmapCol("heatmap").setHeatmapOverlay(true);
    LrpExplainer.Run run = lrp.explain(df);
    List<Row> rows = run.rows().collectAsList();
    Files.createDirectories(heatmaps);
    double shareSum = 0;
    for (Row r : rows) {
      String file = r.<Row>getAs("image").getString(0);
      String name = file.substring(file.lastIndexOf('/') + 1);
      Heatmaps.writePng((byte[]) r.getAs("heatmap"), heatmaps.resolve(name));
      shareSum += positiveShareInRegion(r.getList(r.fieldIndex("relevance")));
    }
    double share = shareSum / rows.size();
    double area = Math.pow(ShapeImages.REGION_TO - ShapeImages.REGION_FROM, 2) / (32.0 * 32.0);
    Path report = ctx.outputDir().resolve("reports").resolve("lrp.html");
    lrp.report(df, REPORT_IMAGES).save(report);
    double seconds = JobCommand.secondsSince(started);
    ctx.out().printf("lrp: CNN trained with DJL on %d generated 32x32 pictures (test accuracy %.1f%%), written as"
        + " ONNX and read back (outputs agree within %.1e); LrpExplainer (EpsilonGammaBox) on %d PNGs via Spark:"
        + " %.0f%% of the positive relevance lies in the deciding region, which covers %.0f%% of the picture;"
        + " heatmaps in %s (%.1f s)%n", TRAIN, 100 * accuracy, agreement, rows.size(), 100 * share, 100 * area,
        heatmaps, seconds);
    ctx.out().println("lrp: report of " + REPORT_IMAGES + " pictures in " + report);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("train_images", TRAIN);
    m.put("test_images", rows.size());
    m.put("test_accuracy", accuracy);
    m.put("onnx_max_output_difference", agreement);
    m.put("positive_relevance_in_region", share);
    m.put("region_area_share", area);
    m.put("counts", run.counts().toMap());
    m.put("heatmaps", heatmaps.toString());
    m.put("report", report.toString());
    m.put("train_seconds", trainSeconds);
    m.put("seconds", seconds);
    return m;
  }

  /** The CNN's accuracy on the test pictures, and how far the ONNX round trip's outputs are from DJL's. */
  private record Trained(double accuracy, double agreement) {}

  /**
   * Trains the CNN, writes it as ONNX to {@code onnx} and reads it back, writes the test pictures as
   * PNG files into {@code images}, and measures the graph read back on them.
   */
  private static Trained trainAndWrite(long seed, Path onnx, Path images) throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed((int) seed);
      SequentialBlock net = cnn();
      try (Model model = Model.newInstance("shapes")) {
        model.setBlock(net);
        train(model, manager, seed);
        OnnxWriter.write(toGraph(net), onnx);
        Graph trained = OnnxReader.read(onnx);
        float[] x = new float[TEST * 3 * 32 * 32];
        int[] labels = new int[TEST];
        for (int i = 0; i < TEST; i++) {
          ShapeImages.Sample s = ShapeImages.sample(seed + 1, i);
          System.arraycopy(ShapeImages.chw(s.image()), 0, x, i * 3072, 3072);
          labels[i] = s.label();
          ImageIO.write(s.image(), "png", images.resolve(String.format("shape_%03d.png", i)).toFile());
        }
        NDArray djlOut = net.forward(new ParameterStore(manager, false),
            new NDList(manager.create(x, new Shape(TEST, 3, 32, 32))), false).singletonOrThrow();
        float[] expected = djlOut.toFloatArray();
        double[] ours;
        try (var engine = LrpEngines.engine(trained, LrpOptions.of(Composites.epsilonPlus()))) {
          double[] xd = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            xd[i] = x[i];
          }
          ours = engine.forward(xd, TEST);
        }
        double agreement = 0;
        int correct = 0;
        for (int i = 0; i < TEST; i++) {
          agreement = Math.max(agreement, Math.max(Math.abs(expected[2 * i] - ours[2 * i]),
              Math.abs(expected[2 * i + 1] - ours[2 * i + 1])));
          correct += (ours[2 * i + 1] > ours[2 * i] ? 1 : 0) == labels[i] ? 1 : 0;
        }
        return new Trained((double) correct / TEST, agreement);
      }
    }
  }

  /** Conv 8 (3x3, pad 1) - ReLU - max pool 2 - conv 16 - ReLU - max pool 2 - flatten - dense 2. */
  private static SequentialBlock cnn() {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8).build())
        .add(Activation.reluBlock())
        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(16).build())
        .add(Activation.reluBlock())
        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(2).build());
  }

  /**
   * Adam on softmax cross-entropy, on the driver before any LRP runs (DJL's trainer opens the JVM's
   * gradient collector itself, outside {@link LrpEngines#autograd()}; nothing else holds it now).
   */
  private static void train(Model model, NDManager manager, long seed) {
    DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
    float[] all = new float[TRAIN * 3072];
    float[] labels = new float[TRAIN];
    for (int i = 0; i < TRAIN; i++) {
      ShapeImages.Sample s = ShapeImages.sample(seed, i);
      System.arraycopy(ShapeImages.chw(s.image()), 0, all, i * 3072, 3072);
      labels[i] = s.label();
    }
    try (Trainer trainer = model.newTrainer(config)) {
      trainer.initialize(new Shape(BATCH, 3, 32, 32));
      for (int epoch = 0; epoch < EPOCHS; epoch++) {
        for (int from = 0; from < TRAIN; from += BATCH) {
          try (NDManager step = manager.newSubManager()) {
            float[] xb = new float[BATCH * 3072];
            System.arraycopy(all, from * 3072, xb, 0, BATCH * 3072);
            float[] yb = new float[BATCH];
            System.arraycopy(labels, from, yb, 0, BATCH);
            NDArray x = step.create(xb, new Shape(BATCH, 3, 32, 32));
            NDArray y = step.create(yb, new Shape(BATCH));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDArray out = trainer.forward(new NDList(x)).singletonOrThrow();
              NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(out));
              gc.backward(loss);
            }
            trainer.step();
          }
        }
      }
    }
  }

  /** The trained block as a graph: its weights copied out of DJL's parameters, layer for layer. */
  private static Graph toGraph(SequentialBlock net) {
    List<Block> b = new ArrayList<>(net.getChildren().values());
    int[] one = {1, 1};
    int[] pad = {1, 1, 1, 1};
    Layer.MaxPool2d pool = new Layer.MaxPool2d(2, 2, new int[] {2, 2}, null, false);
    List<Node> nodes = List.of(
        Node.of("conv1", new Layer.Conv2d(3, 8, 3, 3, one, pad, one, 1, param(b.get(0), "weight"),
            param(b.get(0), "bias")), "x"),
        Node.of("relu1", new Layer.ReLU(), "conv1"),
        Node.of("pool1", pool, "relu1"),
        Node.of("conv2", new Layer.Conv2d(8, 16, 3, 3, one, pad, one, 1, param(b.get(3), "weight"),
            param(b.get(3), "bias")), "pool1"),
        Node.of("relu2", new Layer.ReLU(), "conv2"),
        Node.of("pool2", pool, "relu2"),
        Node.of("flatten", new Layer.Flatten(false), "pool2"),
        Node.of("fc", new Layer.Linear(16 * 8 * 8, 2, param(b.get(7), "weight"), param(b.get(7), "bias")),
            "flatten"));
    return new Graph("x", new int[] {3, 32, 32}, InputLayout.CHW, nodes, null);
  }

  private static double[] param(Block block, String name) {
    return doubles(block.getParameters().get(name).getArray());
  }

  private static double[] doubles(NDArray a) {
    float[] f = a.toFloatArray();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** Positive relevance (summed over a pixel's channels) inside the region, over all positive relevance. */
  private static double positiveShareInRegion(List<Float> relevance) {
    double in = 0;
    double all = 0;
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        int p = (y * 32 + x) * 3;
        double v = relevance.get(p) + relevance.get(p + 1) + relevance.get(p + 2);
        if (v > 0) {
          all += v;
          if (ShapeImages.inRegion(y, x)) {
            in += v;
          }
        }
      }
    }
    return all == 0 ? 0 : in / all;
  }
}
