/*
 * The row loops of ebm_loops.h for AVX-512 (F, DQ, BW, VL): 8 rows per vector of doubles. Compiled
 * with -mavx512f -mavx512dq -mavx512bw -mavx512vl -mfma; called only where ebm_cpu.c found these
 * features and the OS saving their registers. Masks are the opmask registers (one bit a lane).
 */
#include <stdint.h>

#include <immintrin.h>

#define EBM_ISA avx512
#define EBM_LANES 8

typedef __m512d vd;
typedef __m256 vf;
typedef __m512i vi;
typedef __mmask8 vm;

#define EBM_MM(op) _mm512_##op
#define EBM_MMF(op) _mm256_##op
#define EBM_SI(op) _mm512_##op##_si512
#define EBM_SI_TO_PD _mm512_castsi512_pd
#define EBM_SET1_I64 _mm512_set1_epi64
#define EBM_CMP(a, b, predicate) _mm512_cmp_pd_mask(a, b, predicate)
#include "ebm_x86.h"

static inline vd v_select(vm m, vd a, vd b) { return _mm512_mask_blend_pd(m, b, a); }
static inline int m_any(vm m) { return m; }

static inline vm m_bytes(const uint8_t *y) {
  __m128i v = _mm_loadl_epi64((const __m128i *) y);
  return (vm) _mm_test_epi8_mask(v, v);
}

static inline void v_store_pairs(double *p, vd a, vd b) {
  __m512d lo = _mm512_unpacklo_pd(a, b);
  __m512d hi = _mm512_unpackhi_pd(a, b);
  _mm512_storeu_pd(p, _mm512_permutex2var_pd(lo, _mm512_setr_epi64(0, 1, 8, 9, 2, 3, 10, 11), hi));
  _mm512_storeu_pd(p + 8, _mm512_permutex2var_pd(lo, _mm512_setr_epi64(4, 5, 12, 13, 6, 7, 14, 15), hi));
}

#include "ebm_loops.h"
