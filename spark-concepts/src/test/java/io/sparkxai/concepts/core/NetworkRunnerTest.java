package io.sparkxai.concepts.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java forward pass that scores rows against DJL's forward pass of the same blocks with
 * the same (trained) parameters — the independent reference, float32 on PyTorch — to 1e-5.
 */
class NetworkRunnerTest {

  private static final int ROWS = 40;

  private static NDList djlForward(NetworkSpec spec, ParameterSnapshot p, NDManager m, float[]... inputs) {
    Block block = spec.newBlock();
    block.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
    block.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
    block.initialize(m, DataType.FLOAT32, spec.inputShapes());
    p.copyInto(block);
    NDList in = new NDList();
    long[] widths = spec.kind() == NetworkSpec.Kind.ENTROPY ? new long[] {spec.numConcepts()}
        : new long[] {spec.numFeatures(), spec.numConcepts(), spec.numConcepts()};
    for (int i = 0; i < inputs.length; i++) {
      in.add(m.create(inputs[i]).reshape(ROWS, widths[i]));
    }
    return block.forward(new ParameterStore(m, false), in, false);
  }

  private static TrainingState trained(NetworkSpec spec, Objective o, TrainingData data) {
    return NetworkTrainer.train(spec, o, data, null, new TrainingSchedule(3, 0, 0, 40, 0),
        AdamWSettings.pytorchDefaults(0.01));
  }

  private static float[] halfMask(int k) {
    float[] mask = new float[ROWS * k];
    for (int i = 0; i < mask.length; i += 2) {
      mask[i] = 1;
    }
    return mask;
  }

  private static void assertClose(float[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), what + "[" + i + "]");
    }
  }

  @Test
  void bottleneckAndEmbeddingMatchDjl() {
    TrainingData data = NetworkTrainerTest.data(ConceptDataset.TRIGONOMETRY, 1, 0, ROWS, true);
    NetworkSpec cbm = new NetworkSpec(NetworkSpec.Kind.BOTTLENECK, 7, 3, 2, new int[] {10, 8}, new int[] {8},
        ActivationFunction.LEAKY_RELU, 0, 0);
    NetworkSpec cem = new NetworkSpec(NetworkSpec.Kind.EMBEDDING, 7, 3, 3, new int[] {10}, new int[] {5},
        ActivationFunction.TANH, 4, 0);
    float[] labels3 = data.labels().clone();
    labels3[0] = 2;
    TrainingData three = new TrainingData(ROWS, 7, 3, data.features(), data.concepts(), labels3);
    for (NetworkSpec spec : new NetworkSpec[] {cbm, cem}) {
      TrainingState s = trained(spec, Objective.joint(1, 0.2, 0.25), spec == cem ? three : data);
      NetworkRunner runner = new NetworkRunner(spec, s.parameters());
      float[] mask = halfMask(3);
      try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
        NDList plain = djlForward(spec, s.parameters(), m, data.features());
        NetworkRunner.Outputs out = runner.run(ROWS, data.features(), null, null);
        assertClose(plain.get(0).toFloatArray(), out.taskLogits(), spec.kind() + " task logits");
        assertClose(plain.get(2).toFloatArray(), out.predictedConcepts(), spec.kind() + " concepts");
        NDList intervened = djlForward(spec, s.parameters(), m, data.features(), data.concepts(), mask);
        NetworkRunner.Outputs withMask = runner.run(ROWS, data.features(), data.concepts(), mask);
        assertClose(intervened.get(0).toFloatArray(), withMask.taskLogits(), spec.kind() + " intervened logits");
        assertClose(intervened.get(2).toFloatArray(), withMask.usedConcepts(), spec.kind() + " intervened concepts");
      }
    }
  }

  @Test
  void entropyNetworkMatchesDjl() {
    TrainingData data = NetworkTrainerTest.data(ConceptDataset.TRIGONOMETRY, 2, 0, ROWS, false);
    NetworkSpec len = new NetworkSpec(NetworkSpec.Kind.ENTROPY, 0, 3, 2, new int[] {10, 4}, new int[0],
        ActivationFunction.LEAKY_RELU, 0, 0.6);
    TrainingState s = trained(len, Objective.entropy(1e-4), data);
    NetworkRunner.Outputs out = new NetworkRunner(len, s.parameters()).run(ROWS, null, data.concepts(), null);
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDList ref = djlForward(len, s.parameters(), m, data.concepts());
      assertClose(ref.get(0).toFloatArray(), out.taskLogits(), "class logits");
      float[] alpha = ref.get(1).toFloatArray();
      double[][] fromJava = LogicExplanations.attention(len, s.parameters());
      for (int c = 0; c < 2; c++) {
        for (int j = 0; j < 3; j++) {
          assertEquals(alpha[c * 3 + j], out.attention()[c][j], 1e-6, "α[" + c + "][" + j + "]");
          assertEquals(fromJava[c][j], out.attention()[c][j], 1e-12);
        }
      }
    }
  }
}
