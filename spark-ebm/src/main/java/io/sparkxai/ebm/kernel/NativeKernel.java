package io.sparkxai.ebm.kernel;

import java.util.function.Supplier;

/**
 * The native {@link HistogramKernel}: C with AVX-512, AVX2 or scalar code chosen by CPU detection
 * ({@code src/main/c}), one JNI call per step and row range, never one per row. This class is the one
 * facade over the JNI functions of {@link NativeCalls}: it checks arguments, calls, and turns the
 * library's return codes into {@link KernelException}. Rank 20 with a SIMD instruction set (above the
 * Vector API kernel and the Java reference: measured 3.4x and 10x faster on the logistic fused step,
 * 1.3x and 1.15x on the squared one, see benchmarks/results/ebm-kernel-jmh.md); rank -1 with the
 * scalar fallback, which is slower than the Java reference (582 against 436 ms a 22-feature round:
 * no vectorised exp), so a CPU without AVX2 runs it only when it is forced.
 *
 * <p>Every instruction set gives the same bits (the C code performs the same operations per row and
 * fixes every accumulation order), so a fit does not depend on which machines of a cluster ran it.
 * Against {@link JavaKernel}: the same scores exactly, gradients and hessians within a few units in
 * the last place (its own exponential), histogram sums and losses within 1e-12 relative of the sum of
 * magnitudes (another summation order).
 */
public final class NativeKernel implements HistogramKernel {

  private final int requestedIsa;
  private final Supplier<NativeLibrary.Status> library;

  /** The kernel running the library's instruction set (the CPU's best, capped by a property). */
  public NativeKernel() {
    this(-1);
  }

  /** A kernel running instruction set {@code isa} (0 scalar, 1 AVX2, 2 AVX-512), or -1 for the default. */
  NativeKernel(int isa) {
    this(isa, NativeLibrary::status);
  }

  /**
   * A kernel over a given library status: this JVM's ({@link NativeLibrary#status()}) in production;
   * tests pass the status of a library that is absent or refused, to check what is chosen then
   * whatever the build made.
   */
  NativeKernel(int isa, Supplier<NativeLibrary.Status> library) {
    this.requestedIsa = isa;
    this.library = library;
  }

  /** The instruction set level this kernel runs (-1 when the library is not loaded). */
  int isa() {
    NativeLibrary.Status s = library.get();
    return !s.loaded() ? -1 : requestedIsa >= 0 ? requestedIsa : s.isa();
  }

  @Override
  public String name() {
    return "native";
  }

  @Override
  public String description() {
    int isa = isa();
    return isa < 0 ? "native (unavailable)" : "native (" + NativeLibrary.ISAS[isa] + ")";
  }

  @Override
  public int rank() {
    return isa() == 0 ? -1 : 20;
  }

  @Override
  public boolean isAvailable() {
    NativeLibrary.Status s = library.get();
    return s.loaded() && requestedIsa <= s.bestIsa();
  }

  @Override
  public String unavailableReason() {
    NativeLibrary.Status s = library.get();
    if (!s.loaded()) {
      return s.reason();
    }
    return requestedIsa > s.bestIsa() ? "this CPU lacks " + NativeLibrary.ISAS[requestedIsa] : "";
  }

  @Override
  public void applyGradientsHistogram(KernelRows rows, short[] applyCodes, double[] update, short[] histCodes,
      double[] hist, int from, int to) {
    checkRange(rows, applyCodes, update, from, to);
    if (histCodes.length < to || hist.length < 2 * rows.k() || hist.length % (2 * rows.k()) != 0) {
      throw bad("histogram codes (" + histCodes.length + ") or histogram (" + hist.length + ") do not fit rows ["
          + from + ", " + to + ") with " + rows.k() + " scores per row");
    }
    int rc = NativeCalls.fused(runIsa(), rows.objective().ordinal(), rows.k(), rows.scores(), rows.classes(),
        rows.targets(), rows.weights(), applyCodes, update, histCodes, hist, from, to);
    check(rc, rows, applyCodes, update, histCodes, hist.length / (2 * rows.k()), from, to);
  }

  @Override
  public double applyAndLoss(KernelRows rows, short[] applyCodes, double[] update, int from, int to) {
    checkRange(rows, applyCodes, update, from, to);
    double[] out = new double[1];
    int rc = NativeCalls.loss(runIsa(), rows.objective().ordinal(), rows.k(), rows.scores(), rows.classes(),
        rows.targets(), rows.weights(), applyCodes, update, from, to, out);
    check(rc, rows, applyCodes, update, null, 0, from, to);
    return out[0];
  }

  @Override
  public void applyAndGradients(KernelRows rows, short[] applyCodes, double[] update, double[] grad, double[] hess,
      int from, int to) {
    checkRange(rows, applyCodes, update, from, to);
    if (grad.length < (long) to * rows.k() || hess.length < (long) to * rows.k()) {
      throw bad("gradient buffers (" + grad.length + ", " + hess.length + ") do not fit rows [" + from + ", " + to
          + ") with " + rows.k() + " scores per row");
    }
    int rc = NativeCalls.gradients(runIsa(), rows.objective().ordinal(), rows.k(), rows.scores(), rows.classes(),
        rows.targets(), rows.weights(), applyCodes, update, grad, hess, from, to);
    check(rc, rows, applyCodes, update, null, 0, from, to);
  }

  @Override
  public void histogram(int k, short[] codes, double[] grad, double[] hess, double[] hist, int from, int to) {
    if (from < 0 || to < from || codes.length < to || grad.length < (long) to * k || hess.length < (long) to * k
        || hist.length < 2 * k || hist.length % (2 * k) != 0) {
      throw bad("histogram arguments do not fit rows [" + from + ", " + to + ") with " + k + " scores per row");
    }
    int rc = NativeCalls.histogram(runIsa(), k, codes, grad, hess, hist, from, to);
    if (rc == NativeCalls.CODE_RANGE) {
      throw codeOutOfRange(null, 0, codes, hist.length / (2 * k), from, to);
    }
    if (rc != NativeCalls.OK) {
      throw bad("the library refused the histogram arguments (code " + rc + ")");
    }
  }

  private int runIsa() {
    NativeLibrary.Status s = library.get();
    if (!s.loaded()) {
      throw new IllegalStateException("the native kernel is not available: " + s.reason());
    }
    return requestedIsa >= 0 ? requestedIsa : s.isa();
  }

  private static void checkRange(KernelRows rows, short[] applyCodes, double[] update, int from, int to) {
    if (from < 0 || to < from || to > rows.rows()) {
      throw bad("rows [" + from + ", " + to + ") are outside [0, " + rows.rows() + ")");
    }
    if (applyCodes != null && (applyCodes.length < to || update == null || update.length < rows.k())) {
      throw bad("update codes (" + applyCodes.length + ") or update (" + (update == null ? "null" : update.length)
          + ") do not fit rows [" + from + ", " + to + ")");
    }
  }

  private static KernelException bad(String what) {
    return new KernelException(KernelException.Reason.BAD_ARGUMENT, "native kernel: " + what);
  }

  /** Turns a return code into the exception that explains it (found again in Java: errors are rare). */
  private void check(int rc, KernelRows rows, short[] applyCodes, double[] update, short[] histCodes, int cells,
      int from, int to) {
    switch (rc) {
      case NativeCalls.OK:
        return;
      case NativeCalls.NON_FINITE:
        throw KernelException.nonFinite(name(), rows.scores(), rows.k(), from, to);
      case NativeCalls.CODE_RANGE:
        throw codeOutOfRange(applyCodes, update == null ? 0 : update.length / rows.k(), histCodes, cells, from, to);
      case NativeCalls.MEMORY:
        throw new KernelException(KernelException.Reason.OUT_OF_MEMORY, "native kernel: out of native memory");
      default:
        throw bad("the library refused the arguments (code " + rc + ") for rows [" + from + ", " + to + ") of "
            + rows.rows() + ", " + rows.k() + " scores per row");
    }
  }

  private static KernelException codeOutOfRange(short[] applyCodes, int updateCells, short[] histCodes, int cells,
      int from, int to) {
    for (int i = from; i < to; i++) {
      if (applyCodes != null && (applyCodes[i] < 0 || applyCodes[i] >= updateCells)) {
        return range("update", applyCodes[i], i, updateCells);
      }
      if (histCodes != null && (histCodes[i] < 0 || histCodes[i] >= cells)) {
        return range("histogram", histCodes[i], i, cells);
      }
    }
    return new KernelException(KernelException.Reason.CODE_OUT_OF_RANGE, "native kernel: a bin code is out of range");
  }

  private static KernelException range(String which, int code, int row, int cells) {
    return new KernelException(KernelException.Reason.CODE_OUT_OF_RANGE, "native kernel: " + which + " bin code "
        + code + " at row " + row + " is outside [0, " + cells + ")");
  }
}
