/**
 * The histogram kernel: the one piece of an EBM fit that touches every row at every boosting step.
 * {@link io.sparkxai.ebm.kernel.HistogramKernel} is the contract (flat primitive arrays, one fused
 * call per step: apply the last update, recompute gradients and hessians, accumulate the next
 * histogram); {@link io.sparkxai.ebm.kernel.JavaKernel} is the scalar reference,
 * {@link io.sparkxai.ebm.kernel.VectorKernel} the SIMD one on the JDK's Vector API, and a native
 * (JNI) kernel can register beside them through {@code META-INF/services}.
 * {@link io.sparkxai.ebm.kernel.Kernels} picks the best available one once per JVM, or the one named
 * by {@code -Dsparkxai.kernel}. No Spark here.
 */
package io.sparkxai.ebm.kernel;
