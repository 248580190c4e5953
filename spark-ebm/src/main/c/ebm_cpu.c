/*
 * Which instruction set this CPU and operating system support, from CPUID and XGETBV (Intel SDM
 * vol. 1, 13.3 and 15.2: a program may use YMM registers only when CPUID reports OSXSAVE and XCR0 has
 * the SSE and AVX state bits set, and ZMM registers only when XCR0 also has the opmask, ZMM_Hi256 and
 * Hi16_ZMM bits). Compiled for the baseline ISA.
 */
#include <cpuid.h>

#include "ebm_kernel.h"

#define FEATURE_AVX2_FMA 1
#define FEATURE_AVX512 2
#define FEATURE_OS_YMM 4
#define FEATURE_OS_ZMM 8

static uint64_t xgetbv0(void) {
  uint32_t lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return ((uint64_t) hi << 32) | lo;
}

int ebm_cpu_features(void) {
  unsigned int a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) {
    return 0;
  }
  int features = 0;
  int fma = (c >> 12) & 1;
  int osxsave = (c >> 27) & 1;
  int avx = (c >> 28) & 1;
  if (osxsave && avx) {
    uint64_t xcr0 = xgetbv0();
    if ((xcr0 & 0x6) == 0x6) {
      features |= FEATURE_OS_YMM;
    }
    if ((xcr0 & 0xE6) == 0xE6) {
      features |= FEATURE_OS_ZMM;
    }
  }
  if (__get_cpuid_max(0, 0) >= 7) {
    __cpuid_count(7, 0, a, b, c, d);
    int avx2 = (b >> 5) & 1;
    int avx512f = (b >> 16) & 1;
    int avx512dq = (b >> 17) & 1;
    int avx512bw = (b >> 30) & 1;
    int avx512vl = (b >> 31) & 1;
    if (avx2 && fma) {
      features |= FEATURE_AVX2_FMA;
    }
    if (avx512f && avx512dq && avx512bw && avx512vl && fma) {
      features |= FEATURE_AVX512;
    }
  }
  return features;
}

/* CPUID traps to the hypervisor in a virtual machine (measured: about 8 microseconds a call here), so
   the answer is computed once; racing first calls compute the same value. */
static int best_isa = -1;

static int detect_best_isa(void) {
  int f = ebm_cpu_features();
  if ((f & FEATURE_AVX512) && (f & FEATURE_OS_ZMM) && (f & FEATURE_AVX2_FMA)) {
    return EBM_ISA_AVX512;
  }
  if ((f & FEATURE_AVX2_FMA) && (f & FEATURE_OS_YMM)) {
    return EBM_ISA_AVX2;
  }
  return EBM_ISA_SCALAR;
}

int ebm_cpu_best_isa(void) {
  int isa = __atomic_load_n(&best_isa, __ATOMIC_RELAXED);
  if (isa < 0) {
    isa = detect_best_isa();
    __atomic_store_n(&best_isa, isa, __ATOMIC_RELAXED);
  }
  return isa;
}
