/*
 * The row loops of ebm_loops.h for AVX2 + FMA: 4 rows per vector of doubles. Compiled with -mavx2
 * -mfma; called only where ebm_cpu.c found both features and the OS saving YMM registers. Masks are
 * vectors with all bits set in the true lanes; the loss sums are two 4-lane vectors (rows 8m..8m+3
 * and 8m+4..8m+7), which is the 8-lane order of the other instruction sets.
 */
#include <stdint.h>
#include <string.h>

#include <immintrin.h>

#define EBM_ISA avx2
#define EBM_LANES 4

typedef __m256d vd;
typedef __m128 vf;
typedef __m256i vi;
typedef __m256d vm;

#define EBM_MM(op) _mm256_##op
#define EBM_MMF(op) _mm_##op
#define EBM_SI(op) _mm256_##op##_si256
#define EBM_SI_TO_PD _mm256_castsi256_pd
#define EBM_SET1_I64 _mm256_set1_epi64x
#define EBM_CMP(a, b, predicate) _mm256_cmp_pd(a, b, predicate)
#include "ebm_x86.h"

static inline vd v_select(vm m, vd a, vd b) { return _mm256_blendv_pd(b, a, m); }
static inline int m_any(vm m) { return _mm256_movemask_pd(m); }

static inline vm m_bytes(const uint8_t *y) {
  int32_t four;
  memcpy(&four, y, sizeof four);
  __m256i v = _mm256_cvtepu8_epi64(_mm_cvtsi32_si128(four));
  __m256i zero = _mm256_cmpeq_epi64(v, _mm256_setzero_si256());
  return _mm256_castsi256_pd(_mm256_xor_si256(zero, _mm256_set1_epi64x(-1)));
}

static inline void v_store_pairs(double *p, vd a, vd b) {
  __m256d lo = _mm256_unpacklo_pd(a, b);
  __m256d hi = _mm256_unpackhi_pd(a, b);
  _mm256_storeu_pd(p, _mm256_permute2f128_pd(lo, hi, 0x20));
  _mm256_storeu_pd(p + 4, _mm256_permute2f128_pd(lo, hi, 0x31));
}

#include "ebm_loops.h"
