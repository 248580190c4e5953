package io.sparkxai.lrp;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a task computes. On a cluster the GPU is the one Spark assigned to the task
 * ({@code TaskContext.get().resources().get("gpu")}, first address): Spark's scheduler then keeps
 * tasks from sharing a GPU they were not given. Without an assigned GPU the task computes on the CPU.
 * In local mode Spark assigns no resources (one JVM, no scheduler contention), so a GPU that DJL
 * sees is used directly. The choice is logged once per JVM and device.
 *
 * <ul>
 *   <li>{@code cpu}: the CPU;</li>
 *   <li>{@code gpu}: the assigned GPU (local mode: DJL's first GPU); none fails the task, naming the
 *       missing resource; a GPU assigned while DJL's engine has no CUDA fails too, naming that;</li>
 *   <li>{@code auto}: as {@code gpu} where possible, else the CPU (a GPU assigned to a task whose
 *       engine has no CUDA is logged as a warning).</li>
 * </ul>
 */
final class TaskDevice {

  private static final Logger LOG = LoggerFactory.getLogger(TaskDevice.class);
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  private TaskDevice() {}

  /** The device of the running task (or of the calling thread outside tasks), by {@code mode}. */
  static Device forCurrentTask(String mode) {
    TaskContext tc = TaskContext.get();
    String[] gpus = null;
    if (tc != null) {
      Map<String, ResourceInformation> res = tc.resourcesJMap();
      ResourceInformation gpu = res == null ? null : res.get("gpu");
      gpus = gpu == null ? null : gpu.addresses();
    }
    boolean local = tc == null || "driver".equals(SparkEnv.get() == null ? null : SparkEnv.get().executorId());
    LrpEngines.configureDjl();
    int djlGpus = mode.equals("cpu") ? 0 : Engine.getInstance().getGpuCount();
    Choice c = choose(mode, gpus, local, djlGpus);
    String executor = SparkEnv.get() == null ? "this JVM" : "executor " + SparkEnv.get().executorId();
    if (LOGGED.add(c.device() + "|" + c.reason())) {
      if (c.warning()) {
        LOG.warn("LRP on {} (pid {}): {} ({})", executor, ProcessHandle.current().pid(), c.device(), c.reason());
      } else {
        LOG.info("LRP on {} (pid {}): {} ({})", executor, ProcessHandle.current().pid(), c.device(), c.reason());
      }
    }
    return c.device();
  }

  /** A device and why it was chosen. */
  record Choice(Device device, String reason, boolean warning) {}

  /**
   * The choice as a function of its inputs (unit-tested).
   *
   * @param mode auto, cpu or gpu
   * @param assigned the GPU addresses Spark assigned to the task, or null
   * @param local whether this is local mode (no resource scheduling)
   * @param djlGpus how many GPUs DJL's engine sees
   * @throws IllegalStateException for {@code gpu} when no GPU can be had, naming what is missing
   */
  static Choice choose(String mode, String[] assigned, boolean local, int djlGpus) {
    if (mode.equals("cpu")) {
      return new Choice(Device.cpu(), "device=cpu", false);
    }
    boolean gpuMode = mode.equals("gpu");
    if (assigned != null && assigned.length > 0) {
      int id = Integer.parseInt(assigned[0].trim());
      if (djlGpus > 0) {
        return new Choice(Device.gpu(id), "GPU address " + assigned[0] + " assigned by Spark", false);
      }
      String why = "Spark assigned GPU address " + assigned[0] + " to this task, but DJL's PyTorch engine sees no"
          + " GPU: the CUDA build of the PyTorch natives (pytorch-native-cu*) is not on the class path";
      if (gpuMode) {
        throw new IllegalStateException("device=gpu: " + why);
      }
      return new Choice(Device.cpu(), why + "; computing on the CPU", true);
    }
    if (local && djlGpus > 0) {
      return new Choice(Device.gpu(0), "local mode: Spark assigns no resources; DJL's first GPU", false);
    }
    if (gpuMode) {
      throw new IllegalStateException(local
          ? "device=gpu: DJL's PyTorch engine sees no GPU on this machine (a GPU and the CUDA natives are needed)"
          : "device=gpu: Spark assigned no 'gpu' resource to this task (TaskContext.resources() has none); request"
              + " one per task with spark.task.resource.gpu.amount=1 and spark.executor.resource.gpu.amount, or for"
              + " this stage only with taskGpus=1");
    }
    return new Choice(Device.cpu(), "no GPU assigned to the task", false);
  }
}
