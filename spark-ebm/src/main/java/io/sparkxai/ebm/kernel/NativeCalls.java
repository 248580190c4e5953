package io.sparkxai.ebm.kernel;

/**
 * The JNI functions of {@code libsparkxai_ebm.so} ({@code src/main/c/ebm_jni.c}); the header
 * {@code io_sparkxai_ebm_kernel_NativeCalls.h} is generated from this class by {@code javac -h}.
 * Called only by {@link NativeKernel} and {@link NativeLibrary}, after the library loaded.
 *
 * <p>Every row function takes the instruction set to run ({@code 0} scalar, {@code 1} AVX2,
 * {@code 2} AVX-512; never above {@link #bestIsa()}, which the library checks), pins its arrays with
 * {@code GetPrimitiveArrayCritical} for the duration of the call, checks every length and every bin
 * code against the arrays before touching memory through it, and returns {@code 0} or an error code:
 * {@value #NON_FINITE} a non-finite score after an update, {@value #CODE_RANGE} a bin code out of
 * range, {@value #ARGUMENT} arguments that do not fit the arrays, {@value #MEMORY} no memory.
 */
final class NativeCalls {

  static final int OK = 0;
  static final int NON_FINITE = 1;
  static final int CODE_RANGE = 2;
  static final int ARGUMENT = 3;
  static final int MEMORY = 4;

  private NativeCalls() {}

  /** The library's interface version ({@code EBM_ABI_VERSION}). */
  static native int abiVersion();

  /** The best instruction set of this CPU and OS: 0 scalar, 1 AVX2, 2 AVX-512. */
  static native int bestIsa();

  /** Detected CPU features: 1 AVX2+FMA, 2 AVX-512 F/DQ/BW/VL, 4 OS saves YMM, 8 OS saves ZMM. */
  static native int cpuFeatures();

  /** {@link HistogramKernel#applyGradientsHistogram}; objective as {@link Objective#ordinal()}. */
  static native int fused(int isa, int objective, int k, float[] scores, byte[] classes, float[] targets,
      float[] weights, short[] applyCodes, double[] update, short[] histCodes, double[] hist, int from, int to);

  /** {@link HistogramKernel#applyAndLoss}; the loss goes to {@code out[0]}. */
  static native int loss(int isa, int objective, int k, float[] scores, byte[] classes, float[] targets,
      float[] weights, short[] applyCodes, double[] update, int from, int to, double[] out);

  /** {@link HistogramKernel#histogram}. */
  static native int histogram(int isa, int k, short[] codes, double[] grad, double[] hess, double[] hist, int from,
      int to);

  /** {@link HistogramKernel#applyAndGradients}. */
  static native int gradients(int isa, int objective, int k, float[] scores, byte[] classes, float[] targets,
      float[] weights, short[] applyCodes, double[] update, double[] grad, double[] hess, int from, int to);
}
