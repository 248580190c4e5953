package io.sparkxai.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** The device choice from its inputs: mode, the GPU addresses Spark assigned, local mode, DJL's GPUs. */
class TaskDeviceTest {

  private static final String[] GPU_1 = {"1"};

  @Test
  void cpuModeIsTheCpu() {
    assertEquals(Device.cpu(), TaskDevice.choose("cpu", GPU_1, false, 2).device());
  }

  @Test
  void theAssignedGpuWhenDjlHasCuda() {
    assertEquals(Device.gpu(1), TaskDevice.choose("auto", GPU_1, false, 2).device());
    assertEquals(Device.gpu(1), TaskDevice.choose("gpu", GPU_1, false, 2).device());
  }

  @Test
  void autoFallsBackToTheCpuAndSaysWhy() {
    assertEquals(Device.cpu(), TaskDevice.choose("auto", null, false, 2).device(),
        "on a cluster a GPU the scheduler did not assign is not taken");
    TaskDevice.Choice c = TaskDevice.choose("auto", GPU_1, false, 0);
    assertEquals(Device.cpu(), c.device());
    assertTrue(c.warning() && c.reason().contains("CUDA"), c.reason());
  }

  @Test
  void localModeUsesDjlsGpu() {
    assertEquals(Device.gpu(0), TaskDevice.choose("auto", null, true, 1).device());
    assertEquals(Device.cpu(), TaskDevice.choose("auto", null, true, 0).device());
  }

  @Test
  void gpuModeFailsNamingTheMissingResource() {
    String m = assertThrows(IllegalStateException.class, () -> TaskDevice.choose("gpu", null, false, 1)).getMessage();
    assertTrue(m.contains("'gpu' resource") && m.contains("spark.task.resource.gpu.amount")
        && m.contains("taskGpus"), m);
    m = assertThrows(IllegalStateException.class, () -> TaskDevice.choose("gpu", GPU_1, false, 0)).getMessage();
    assertTrue(m.contains("GPU address 1") && m.contains("pytorch-native-cu"), m);
    m = assertThrows(IllegalStateException.class, () -> TaskDevice.choose("gpu", new String[0], true, 0)).getMessage();
    assertTrue(m.contains("sees no GPU"), m);
    assertFalse(TaskDevice.choose("gpu", null, true, 1).warning());
  }
}
