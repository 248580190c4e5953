package io.sparkxai.concepts.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingStateTest {

  private static ParameterSnapshot snapshot(float... v) {
    return new ParameterSnapshot(List.of("w"), List.of(new long[] {v.length}), List.of(v));
  }

  @Test
  void averagesParametersAndMomentsByRowWeight() {
    TrainingState a = new TrainingState(snapshot(1, 2), Map.of("w", new float[] {1, 1}), Map.of("w", new float[] {4, 4}), 7);
    TrainingState b = new TrainingState(snapshot(4, 8), Map.of("w", new float[] {3, 5}), Map.of("w", new float[] {0, 8}), 7);
    TrainingState m = TrainingState.weightedMean(List.of(a, b), new double[] {2, 1});
    assertArrayEquals(new float[] {2, 4}, m.parameters().values(0));
    assertArrayEquals(new float[] {5 / 3f, 7 / 3f}, m.firstMoments().get("w"), 1e-6f);
    assertArrayEquals(new float[] {8 / 3f, 16 / 3f}, m.secondMoments().get("w"), 1e-6f);
    assertEquals(7, m.step());
  }

  @Test
  void refusesShardsOutOfStep() {
    TrainingState a = new TrainingState(snapshot(1), Map.of(), Map.of(), 3);
    TrainingState b = new TrainingState(snapshot(1), Map.of(), Map.of(), 4);
    assertThrows(IllegalArgumentException.class, () -> TrainingState.weightedMean(List.of(a, b), new double[] {1, 1}));
  }

  @Test
  void snapshotsAreImmutableAndChecked() {
    float[] v = {1, 2};
    ParameterSnapshot s = snapshot(v);
    v[0] = 9;
    assertEquals(1f, s.values(0)[0]);
    s.values(0)[1] = 9;
    assertEquals(2f, s.values(0)[1]);
    assertThrows(IllegalArgumentException.class,
        () -> new ParameterSnapshot(List.of("w"), List.of(new long[] {3}), List.of(new float[] {1, 2})));
  }
}
