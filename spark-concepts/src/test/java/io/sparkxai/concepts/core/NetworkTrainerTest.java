package io.sparkxai.concepts.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Training with DJL (no Spark): exact resumption, determinism, frozen stages, the entropy layer. */
class NetworkTrainerTest {

  static TrainingData data(ConceptDataset ds, long seed, int from, int to, boolean withFeatures) {
    int n = to - from;
    int d = withFeatures ? ds.numFeatures() : 0;
    int k = ds.numConcepts();
    float[] x = new float[n * d];
    float[] c = new float[n * k];
    float[] y = new float[n];
    double[] xr = new double[ds.numFeatures()];
    int[] cr = new int[k];
    for (int i = 0; i < n; i++) {
      y[i] = ds.row(seed, from + i, xr, cr);
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) xr[j];
      }
      for (int j = 0; j < k; j++) {
        c[i * k + j] = cr[j];
      }
    }
    return new TrainingData(n, d, k, x, c, y);
  }

  private static final NetworkSpec CBM = new NetworkSpec(NetworkSpec.Kind.BOTTLENECK, 7, 3, 2, new int[] {10, 8},
      new int[] {8}, ActivationFunction.LEAKY_RELU, 0, 0);
  private static final AdamWSettings ADAM = AdamWSettings.pytorchDefaults(0.01);

  @Test
  void resumingFromAStateIsExact() {
    TrainingData train = data(ConceptDataset.TRIGONOMETRY, 1, 0, 100, true);
    Objective joint = Objective.joint(1, 0.2, 0);
    TrainingState once = NetworkTrainer.train(CBM, joint, train, null, new TrainingSchedule(5, 0, 0, 20, 16), ADAM);
    TrainingState first = NetworkTrainer.train(CBM, joint, train, null, new TrainingSchedule(5, 0, 0, 8, 16), ADAM);
    TrainingState resumed = NetworkTrainer.train(CBM, joint, train, first, new TrainingSchedule(5, 0, 8, 12, 16), ADAM);
    assertEquals(20, resumed.step());
    assertEquals(once.parameters(), resumed.parameters(), "8 + 12 steps must equal 20 steps bit for bit");
    for (String name : once.firstMoments().keySet()) {
      assertArrayEquals(once.firstMoments().get(name), resumed.firstMoments().get(name), name);
      assertArrayEquals(once.secondMoments().get(name), resumed.secondMoments().get(name), name);
    }
  }

  @Test
  void theSeedDecides() {
    TrainingData train = data(ConceptDataset.XOR, 2, 0, 64, true);
    NetworkSpec spec = new NetworkSpec(NetworkSpec.Kind.EMBEDDING, 2, 2, 2, new int[] {10}, new int[0],
        ActivationFunction.LEAKY_RELU, 4, 0);
    Objective randInt = Objective.joint(1, 0.2, 0.25);
    TrainingState a = NetworkTrainer.train(spec, randInt, train, null, new TrainingSchedule(3, 0, 0, 15, 0), ADAM);
    TrainingState b = NetworkTrainer.train(spec, randInt, train, null, new TrainingSchedule(3, 0, 0, 15, 0), ADAM);
    TrainingState c = NetworkTrainer.train(spec, randInt, train, null, new TrainingSchedule(4, 0, 0, 15, 0), ADAM);
    assertEquals(a.parameters(), b.parameters());
    assertNotEquals(a.parameters(), c.parameters());
  }

  @Test
  void stagesFreezeTheOtherPart() {
    TrainingData train = data(ConceptDataset.TRIGONOMETRY, 1, 0, 50, true);
    TrainingState start = NetworkTrainer.train(CBM, Objective.joint(1, 1, 0), train, null,
        new TrainingSchedule(1, 0, 0, 1, 0), ADAM);
    TrainingState concepts = NetworkTrainer.train(CBM, Objective.stage(Objective.Stage.CONCEPTS), train,
        TrainingState.fresh(start.parameters()), new TrainingSchedule(1, 0, 0, 5, 0), ADAM);
    TrainingState head = NetworkTrainer.train(CBM, Objective.stage(Objective.Stage.HEAD_ON_TRUE_CONCEPTS), train,
        TrainingState.fresh(start.parameters()), new TrainingSchedule(1, 0, 0, 5, 0), ADAM);
    ParameterSnapshot p0 = start.parameters();
    for (int i = 0; i < p0.size(); i++) {
      String name = p0.names().get(i);
      boolean encoder = name.contains("encoder");
      assertEquals(!encoder, java.util.Arrays.equals(p0.values(i), concepts.parameters().values(i)),
          name + ": the concept stage trains the encoder only");
      assertEquals(encoder, java.util.Arrays.equals(p0.values(i), head.parameters().values(i)),
          name + ": the head stage trains the head only");
    }
  }

  @Test
  void interventionsReplaceConcepts() {
    TrainingData train = data(ConceptDataset.TRIGONOMETRY, 1, 0, 30, true);
    TrainingState s = NetworkTrainer.train(CBM, Objective.joint(1, 0.2, 0), train, null,
        new TrainingSchedule(1, 0, 0, 30, 0), ADAM);
    NetworkRunner runner = new NetworkRunner(CBM, s.parameters());
    {
      float[] mask = new float[30 * 3];
      for (int r = 0; r < 30; r++) {
        mask[r * 3 + 1] = 1;
      }
      NetworkRunner.Outputs plain = runner.run(30, train.features(), null, null);
      NetworkRunner.Outputs fixed = runner.run(30, train.features(), train.concepts(), mask);
      for (int r = 0; r < 30; r++) {
        assertEquals(plain.predictedConcepts()[r * 3], fixed.usedConcepts()[r * 3], 1e-7);
        assertEquals(train.concepts()[r * 3 + 1], fixed.usedConcepts()[r * 3 + 1], 0);
        assertEquals(plain.predictedConcepts()[r * 3 + 1], fixed.predictedConcepts()[r * 3 + 1], 1e-7);
      }
    }
  }
}
