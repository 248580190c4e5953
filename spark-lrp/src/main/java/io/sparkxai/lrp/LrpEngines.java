package io.sparkxai.lrp;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import io.sparkxai.lrp.core.Autograd;
import io.sparkxai.lrp.core.LrpEngine;
import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.nn.Graph;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes {@link LrpEngine}s on DJL's PyTorch engine, for Spark tasks and for callers outside Spark
 * alike: keeps DJL offline (unless told otherwise), and gives engines the JVM-wide
 * {@link Autograd} that serialises use of DJL's single gradient collector. Engine options for a
 * set of params come from {@link LrpExplainer#engineOptions()}.
 */
public final class LrpEngines {

  private static final ReentrantLock COLLECTOR = new ReentrantLock(true);

  private LrpEngines() {}

  /** Sets {@code ai.djl.offline=true} and {@code ai.djl.default_engine=PyTorch} where not set: nothing downloads. */
  public static void configureDjl() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (System.getProperty("ai.djl.default_engine") == null) {
      System.setProperty("ai.djl.default_engine", "PyTorch");
    }
  }

  /** The JVM-wide gradient collector access: one holder at a time, in arrival order. */
  public static Autograd autograd() {
    return () -> {
      COLLECTOR.lock();
      try {
        GradientCollector gc = Engine.getInstance().newGradientCollector();
        return new GradientCollector() {
          private boolean closed;

          @Override
          public void backward(ai.djl.ndarray.NDArray target) {
            gc.backward(target);
          }

          @Override
          public void zeroGradients() {
            gc.zeroGradients();
          }

          @Override
          public void close() {
            if (!closed) {
              closed = true;
              try {
                gc.close();
              } finally {
                COLLECTOR.unlock();
              }
            }
          }
        };
      } catch (RuntimeException | Error e) {
        COLLECTOR.unlock();
        throw e;
      }
    };
  }

  /** An engine on {@code device} in {@code dataType} (float32 or float64). */
  public static LrpEngine engine(Graph graph, LrpOptions options, Device device, DataType dataType) {
    configureDjl();
    return LrpEngine.create(graph, options, device, dataType, autograd());
  }

  /** An engine on the CPU in float32. */
  public static LrpEngine engine(Graph graph, LrpOptions options) {
    return engine(graph, options, Device.cpu(), DataType.FLOAT32);
  }
}
