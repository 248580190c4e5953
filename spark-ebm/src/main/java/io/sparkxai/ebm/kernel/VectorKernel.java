package io.sparkxai.ebm.kernel;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * A {@link HistogramKernel} on the JDK's Vector API ({@code jdk.incubator.vector}): rows are taken
 * in blocks that stay in L1 cache; the update is gathered and the histogram scattered in scalar code,
 * and the gradient, hessian and loss (exponential, logarithm) are computed with SIMD lanes of doubles
 * (float scores converted on load and store). Binary and squared-loss steps are vectorised; softmax
 * steps use the reference code.
 *
 * <p>Available only where the module is in the boot layer ({@code --add-modules jdk.incubator.vector},
 * which Spark's launcher adds) and the C2 compiler runs: without C2 the Vector API falls back to
 * boxed Java and is far slower than the scalar kernel (test JVMs run {@code -XX:TieredStopAtLevel=1}).
 * This class itself touches no vector type, so loading it is safe everywhere; the work is done by a
 * package-private class loaded only once availability is established. Rank 10.
 */
public final class VectorKernel implements HistogramKernel {

  private static final String MODULE = "jdk.incubator.vector";
  private static final String REASON = computeReason();
  private volatile VectorKernelImpl impl;

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public int rank() {
    return 10;
  }

  @Override
  public boolean isAvailable() {
    return REASON.isEmpty();
  }

  @Override
  public String unavailableReason() {
    return REASON;
  }

  private static String computeReason() {
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      return "module " + MODULE + " is not in the boot layer (start the JVM with --add-modules " + MODULE + ")";
    }
    try {
      com.sun.management.HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      boolean tiered = Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue());
      int level = Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue());
      if (tiered && level < 4) {
        return "the C2 compiler is off (-XX:TieredStopAtLevel=" + level + "); the Vector API would run boxed";
      }
      if (!Boolean.parseBoolean(vm.getVMOption("UseCompiler").getValue())) {
        return "the JIT compiler is off (-Xint)";
      }
    } catch (RuntimeException | LinkageError e) {
      List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
      String last = null;
      for (String a : args) {
        if (a.equals("-Xint") || a.startsWith("-XX:TieredStopAtLevel=")) {
          last = a;
        }
      }
      if (last != null && !last.endsWith("=4")) {
        return "the C2 compiler is off (" + last + "); the Vector API would run boxed";
      }
    }
    return "";
  }

  private VectorKernelImpl impl() {
    VectorKernelImpl k = impl;
    if (k == null) {
      if (!isAvailable()) {
        throw new IllegalStateException("the vector kernel is not available: " + REASON);
      }
      k = new VectorKernelImpl();
      impl = k;
    }
    return k;
  }

  @Override
  public void applyGradientsHistogram(KernelRows rows, short[] applyCodes, double[] update, short[] histCodes,
      double[] hist, int from, int to) {
    impl().applyGradientsHistogram(rows, applyCodes, update, histCodes, hist, from, to);
  }

  @Override
  public double applyAndLoss(KernelRows rows, short[] applyCodes, double[] update, int from, int to) {
    return impl().applyAndLoss(rows, applyCodes, update, from, to);
  }

  @Override
  public void applyAndGradients(KernelRows rows, short[] applyCodes, double[] update, double[] grad, double[] hess,
      int from, int to) {
    impl().applyAndGradients(rows, applyCodes, update, grad, hess, from, to);
  }
}
