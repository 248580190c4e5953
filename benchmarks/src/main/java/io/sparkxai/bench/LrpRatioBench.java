package io.sparkxai.bench;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.sparkxai.lrp.LrpEngines;
import io.sparkxai.lrp.core.Composite;
import io.sparkxai.lrp.core.Composites;
import io.sparkxai.lrp.core.LrpEngine;
import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.lrp.core.Rule;
import io.sparkxai.lrp.core.Target;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * LRP time over forward time for one model at one batch size, per composite, in one JVM: the rows of
 * {@code input} are repeated to fill the batch; each figure is the median of {@code reps} runs after
 * {@code warmup} runs, as wall time and as the calling thread's CPU time (the robust figure on a busy
 * machine when PyTorch runs single-threaded: {@code -Dai.djl.pytorch.num_threads=1},
 * {@code OMP_NUM_THREADS=1}). Usage: {@code LrpRatioBench MODEL INPUT_CSV [BATCH] [REPS] [WARMUP]};
 * MODEL {@code wide-cnn} is a generated 3x64x64 CNN (32-64-64 channels) with random weights and
 * random inputs (INPUT_CSV ignored).
 */
public final class LrpRatioBench {

  private LrpRatioBench() {}

  /** Runs the bench and prints one line per composite. */
  public static void main(String[] args) throws Exception {
    boolean wide = args[0].equals("wide-cnn");
    Path model = Path.of(args[0]);
    List<double[]> rows = new ArrayList<>();
    if (wide) {
      java.util.Random r = new java.util.Random(1);
      for (int k = 0; k < 8; k++) {
        double[] v = new double[3 * 64 * 64];
        for (int i = 0; i < v.length; i++) {
          v[i] = r.nextGaussian();
        }
        rows.add(v);
      }
    }
    for (String line : wide ? List.<String>of() : Files.readAllLines(Path.of(args[1]))) {
      if (!line.isBlank()) {
        String[] p = line.split(",");
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
          v[i] = Double.parseDouble(p[i]);
        }
        rows.add(v);
      }
    }
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 256;
    int reps = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    Graph g = wide ? wideCnn() : ModelFiles.read(model, rows.get(0).length, false);
    int size = g.inputSize();
    double[] x = new double[batch * size];
    for (int r = 0; r < batch; r++) {
      System.arraycopy(rows.get(r % rows.size()), 0, x, r * size, size);
    }
    Map<String, Composite> composites = new LinkedHashMap<>();
    composites.put("epsilon 0.01 (uniform)", Composite.uniform(Rule.epsilon(0.01)));
    composites.put("EpsilonPlus", Composites.epsilonPlus());
    composites.put("EpsilonPlusFlat", Composites.epsilonPlusFlat());
    composites.put("EpsilonGammaBox(-3,3)", Composites.epsilonGammaBox(-3, 3));
    composites.put("EpsilonAlpha2Beta1", Composites.epsilonAlpha2Beta1());
    composites.put("EpsilonAlpha2Beta1Flat", Composites.epsilonAlpha2Beta1Flat());
    System.out.printf(Locale.ROOT, "%s, batch %d, %d reps (median) after %d warm-up, float32, CPU%n",
        model.getFileName(), batch, reps, warmup);
    for (Map.Entry<String, Composite> c : composites.entrySet()) {
      try (LrpEngine e = LrpEngines.engine(g, LrpOptions.of(c.getValue()), Device.cpu(), DataType.FLOAT32)) {
        for (int i = 0; i < warmup; i++) {
          e.forward(x, batch);
          e.explain(x, batch, Target.predicted());
        }
        double[] fwd = new double[reps];
        double[] lrp = new double[reps];
        double[] fwdCpu = new double[reps];
        double[] lrpCpu = new double[reps];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < reps; i++) {
          long c0 = mx.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          e.forward(x, batch);
          long t1 = System.nanoTime();
          long c1 = mx.getCurrentThreadCpuTime();
          e.explain(x, batch, Target.predicted());
          long t2 = System.nanoTime();
          long c2 = mx.getCurrentThreadCpuTime();
          fwd[i] = (t1 - t0) / 1e6;
          lrp[i] = (t2 - t1) / 1e6;
          fwdCpu[i] = (c1 - c0) / 1e6;
          lrpCpu[i] = (c2 - c1) / 1e6;
        }
        double f = median(fwd);
        double l = median(lrp);
        double fc = median(fwdCpu);
        double lc = median(lrpCpu);
        System.out.printf(Locale.ROOT, "  %-24s wall: forward %8.2f ms LRP %8.2f ms ratio %5.2f | thread CPU: forward"
            + " %8.2f ms LRP %8.2f ms ratio %5.2f%n", c.getKey(), f, l, l / f, fc, lc, lc / fc);
      }
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2];
  }

  /** 3x64x64 -> conv 32 -> relu -> maxpool 2 -> conv 64 -> relu -> maxpool 2 -> conv 64 -> relu -> GAP -> dense 10. */
  static Graph wideCnn() {
    java.util.Random r = new java.util.Random(7);
    java.util.function.IntFunction<double[]> w = n -> {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = r.nextGaussian() * 0.1;
      }
      return v;
    };
    int[] one = {1, 1};
    int[] pad = {1, 1, 1, 1};
    List<io.sparkxai.nn.Node> nodes = List.of(
        io.sparkxai.nn.Node.of("conv1", new io.sparkxai.nn.Layer.Conv2d(3, 32, 3, 3, one, pad, one, 1,
            w.apply(32 * 3 * 9), w.apply(32)), "x"),
        io.sparkxai.nn.Node.of("relu1", new io.sparkxai.nn.Layer.ReLU(), "conv1"),
        io.sparkxai.nn.Node.of("pool1", new io.sparkxai.nn.Layer.MaxPool2d(2, 2, new int[] {2, 2}, null, false), "relu1"),
        io.sparkxai.nn.Node.of("conv2", new io.sparkxai.nn.Layer.Conv2d(32, 64, 3, 3, one, pad, one, 1,
            w.apply(64 * 32 * 9), w.apply(64)), "pool1"),
        io.sparkxai.nn.Node.of("relu2", new io.sparkxai.nn.Layer.ReLU(), "conv2"),
        io.sparkxai.nn.Node.of("pool2", new io.sparkxai.nn.Layer.MaxPool2d(2, 2, new int[] {2, 2}, null, false), "relu2"),
        io.sparkxai.nn.Node.of("conv3", new io.sparkxai.nn.Layer.Conv2d(64, 64, 3, 3, one, pad, one, 1,
            w.apply(64 * 64 * 9), w.apply(64)), "pool2"),
        io.sparkxai.nn.Node.of("relu3", new io.sparkxai.nn.Layer.ReLU(), "conv3"),
        io.sparkxai.nn.Node.of("gap", new io.sparkxai.nn.Layer.GlobalAvgPool(), "relu3"),
        io.sparkxai.nn.Node.of("flat", new io.sparkxai.nn.Layer.Flatten(false), "gap"),
        io.sparkxai.nn.Node.of("fc", new io.sparkxai.nn.Layer.Linear(64, 10, w.apply(640), w.apply(10)), "flat"));
    return new Graph("x", new int[] {3, 64, 64}, io.sparkxai.nn.InputLayout.CHW, nodes, null);
  }
}
