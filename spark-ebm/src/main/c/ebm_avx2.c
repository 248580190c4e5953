/*
 * AVX2 + FMA versions of the row loops: 4 rows per vector of doubles. Compiled with -mavx2 -mfma;
 * called only where ebm_cpu.c found both features and the OS saving YMM registers. Lane for lane
 * the operations of ebm_math.h. Loss sums go to two 4-lane accumulators (rows 8m..8m+3 and
 * 8m+4..8m+7), which is the 8-lane order of the other versions.
 */
#include <immintrin.h>

#include "ebm_kernel.h"
#include "ebm_math.h"

static inline __m256d exp4(__m256d x) {
  x = _mm256_max_pd(x, _mm256_set1_pd(EBM_EXP_MIN));
  x = _mm256_min_pd(x, _mm256_set1_pd(EBM_EXP_MAX));
  __m256d magic = _mm256_set1_pd(EBM_ROUND_MAGIC);
  __m256d t = _mm256_fmadd_pd(x, _mm256_set1_pd(EBM_LOG2E), magic);
  __m256d n = _mm256_sub_pd(t, magic);
  __m256d r = _mm256_fnmadd_pd(n, _mm256_set1_pd(EBM_LN2_HI), x);
  r = _mm256_fnmadd_pd(n, _mm256_set1_pd(EBM_LN2_LO), r);
  #define C(v) _mm256_set1_pd(v)
  __m256d r2 = _mm256_mul_pd(r, r);
  __m256d r4 = _mm256_mul_pd(r2, r2);
  __m256d r8 = _mm256_mul_pd(r4, r4);
  __m256d p01 = _mm256_fmadd_pd(C(1.0), r, C(1.0));
  __m256d p23 = _mm256_fmadd_pd(C(EBM_E3), r, C(EBM_E2));
  __m256d p45 = _mm256_fmadd_pd(C(EBM_E5), r, C(EBM_E4));
  __m256d p67 = _mm256_fmadd_pd(C(EBM_E7), r, C(EBM_E6));
  __m256d p89 = _mm256_fmadd_pd(C(EBM_E9), r, C(EBM_E8));
  __m256d p1011 = _mm256_fmadd_pd(C(EBM_E11), r, C(EBM_E10));
  __m256d p1213 = _mm256_fmadd_pd(C(EBM_E13), r, C(EBM_E12));
  __m256d p03 = _mm256_fmadd_pd(p23, r2, p01);
  __m256d p47 = _mm256_fmadd_pd(p67, r2, p45);
  __m256d p811 = _mm256_fmadd_pd(p1011, r2, p89);
  __m256d p07 = _mm256_fmadd_pd(p47, r4, p03);
  __m256d p813 = _mm256_fmadd_pd(p1213, r4, p811);
  __m256d p = _mm256_fmadd_pd(p813, r8, p07);
  #undef C
  __m256i scale = _mm256_add_epi64(_mm256_slli_epi64(_mm256_castpd_si256(t), 52),
      _mm256_set1_epi64x(0x3FF0000000000000LL));
  return _mm256_mul_pd(p, _mm256_castsi256_pd(scale));
}

static inline __m256d log4(__m256d x) {
  __m256i b = _mm256_castpd_si256(x);
  __m256d e = _mm256_sub_pd(
      _mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(b, 52), _mm256_set1_epi64x(0x4330000000000000LL))),
      _mm256_set1_pd(EBM_EXP_BIAS_MAGIC));
  __m256d m = _mm256_castsi256_pd(_mm256_or_si256(
      _mm256_and_si256(b, _mm256_set1_epi64x(0x000FFFFFFFFFFFFFLL)), _mm256_set1_epi64x(0x3FF0000000000000LL)));
  __m256d big = _mm256_cmp_pd(m, _mm256_set1_pd(EBM_SQRT2), _CMP_GT_OQ);
  m = _mm256_blendv_pd(m, _mm256_mul_pd(m, _mm256_set1_pd(0.5)), big);
  e = _mm256_blendv_pd(e, _mm256_add_pd(e, _mm256_set1_pd(1.0)), big);
  __m256d one = _mm256_set1_pd(1.0);
  __m256d t = _mm256_div_pd(_mm256_sub_pd(m, one), _mm256_add_pd(m, one));
  __m256d u = _mm256_mul_pd(t, t);
  #define C(v) _mm256_set1_pd(v)
  __m256d u2 = _mm256_mul_pd(u, u);
  __m256d u4 = _mm256_mul_pd(u2, u2);
  __m256d u8 = _mm256_mul_pd(u4, u4);
  __m256d a01 = _mm256_fmadd_pd(C(1.0 / 3.0), u, one);
  __m256d a23 = _mm256_fmadd_pd(C(1.0 / 7.0), u, C(1.0 / 5.0));
  __m256d a45 = _mm256_fmadd_pd(C(1.0 / 11.0), u, C(1.0 / 9.0));
  __m256d a67 = _mm256_fmadd_pd(C(1.0 / 15.0), u, C(1.0 / 13.0));
  __m256d a89 = _mm256_fmadd_pd(C(1.0 / 19.0), u, C(1.0 / 17.0));
  __m256d a03 = _mm256_fmadd_pd(a23, u2, a01);
  __m256d a47 = _mm256_fmadd_pd(a67, u2, a45);
  __m256d a810 = _mm256_fmadd_pd(C(1.0 / 21.0), u2, a89);
  __m256d a07 = _mm256_fmadd_pd(a47, u4, a03);
  __m256d q = _mm256_fmadd_pd(a810, u8, a07);
  #undef C
  __m256d lm = _mm256_mul_pd(_mm256_add_pd(t, t), q);
  return _mm256_fmadd_pd(e, _mm256_set1_pd(EBM_LN2_HI), _mm256_fmadd_pd(e, _mm256_set1_pd(EBM_LN2_LO), lm));
}

/* The update of each row of a block, gathered with scalar loads first (see ebm_avx512.c). */
static inline void gather_block(const int16_t *apply, const double *update, double *ub, int n) {
  for (int j = 0; j < n; j++) {
    ub[j] = update[apply[j]];
  }
}

static inline __m256d apply4(float *s, const double *ub, int j) {
  __m128 sf = _mm_loadu_ps(s + j);
  if (ub == NULL) {
    return _mm256_cvtps_pd(sf);
  }
  sf = _mm256_cvtpd_ps(_mm256_add_pd(_mm256_cvtps_pd(sf), _mm256_loadu_pd(ub + j)));
  _mm_storeu_ps(s + j, sf);
  return _mm256_cvtps_pd(sf);
}

static inline __m256d abs4(__m256d x) {
  return _mm256_andnot_pd(_mm256_set1_pd(-0.0), x);
}

static inline int not_finite4(__m256d s) {
  return _mm256_movemask_pd(_mm256_cmp_pd(abs4(s), _mm256_set1_pd(DBL_MAX), _CMP_NLE_UQ));
}

/* All-ones lanes where the byte label is not 0. */
static inline __m256d labels4(const uint8_t *y, int j) {
  int32_t four;
  memcpy(&four, y + j, sizeof four);
  __m256i v = _mm256_cvtepu8_epi64(_mm_cvtsi32_si128(four));
  __m256i zero = _mm256_cmpeq_epi64(v, _mm256_setzero_si256());
  return _mm256_castsi256_pd(_mm256_xor_si256(zero, _mm256_set1_epi64x(-1)));
}

static inline void store_gh4(double *gh, int j, __m256d g, __m256d h) {
  __m256d lo = _mm256_unpacklo_pd(g, h);
  __m256d hi = _mm256_unpackhi_pd(g, h);
  _mm256_storeu_pd(gh + 2 * j, _mm256_permute2f128_pd(lo, hi, 0x20));
  _mm256_storeu_pd(gh + 2 * j + 4, _mm256_permute2f128_pd(lo, hi, 0x31));
}

static int binary_gh(float *s, const uint8_t *y, const float *w, const int16_t *apply, const double *update,
    double *gh, int n) {
  double ubuf[EBM_BLOCK];
  const double *ub = NULL;
  if (apply != NULL) {
    gather_block(apply, update, ubuf, n);
    ub = ubuf;
  }
  int bad = 0;
  __m256d zero = _mm256_setzero_pd();
  __m256d one = _mm256_set1_pd(1.0);
  __m256d sign = _mm256_set1_pd(-0.0);
  int j = 0;
  for (; j + 4 <= n; j += 4) {
    __m256d sd = apply4(s, ub, j);
    bad |= not_finite4(sd);
    __m256d e = exp4(_mm256_or_pd(abs4(sd), sign));
    __m256d pa = _mm256_div_pd(one, _mm256_add_pd(one, e));
    __m256d pb = _mm256_mul_pd(e, pa);
    __m256d pos = _mm256_cmp_pd(sd, zero, _CMP_GE_OQ);
    __m256d p = _mm256_blendv_pd(pb, pa, pos);
    __m256d q = _mm256_blendv_pd(pa, pb, pos);
    __m256d g = _mm256_blendv_pd(p, _mm256_xor_pd(q, sign), labels4(y, j));
    __m256d h = _mm256_mul_pd(p, q);
    if (w) {
      __m256d wd = _mm256_cvtps_pd(_mm_loadu_ps(w + j));
      g = _mm256_mul_pd(g, wd);
      h = _mm256_mul_pd(h, wd);
    }
    store_gh4(gh, j, g, h);
  }
  for (; j < n; j++) {
    double sd = ebm_apply(s, apply, update, j);
    bad |= !ebm_finite(sd);
    ebm_binary_row(sd, y[j] != 0, w ? (double) w[j] : 1.0, w != NULL, &gh[2 * j], &gh[2 * j + 1]);
  }
  return bad ? EBM_ERR_NON_FINITE : EBM_OK;
}

static int squared_gh(float *s, const float *y, const float *w, const int16_t *apply, const double *update,
    double *gh, int n) {
  double ubuf[EBM_BLOCK];
  const double *ub = NULL;
  if (apply != NULL) {
    gather_block(apply, update, ubuf, n);
    ub = ubuf;
  }
  int bad = 0;
  __m256d one = _mm256_set1_pd(1.0);
  int j = 0;
  for (; j + 4 <= n; j += 4) {
    __m256d sd = apply4(s, ub, j);
    bad |= not_finite4(sd);
    __m256d g = _mm256_sub_pd(sd, _mm256_cvtps_pd(_mm_loadu_ps(y + j)));
    __m256d h = one;
    if (w) {
      __m256d wd = _mm256_cvtps_pd(_mm_loadu_ps(w + j));
      g = _mm256_mul_pd(g, wd);
      h = wd;
    }
    store_gh4(gh, j, g, h);
  }
  for (; j < n; j++) {
    double sd = ebm_apply(s, apply, update, j);
    bad |= !ebm_finite(sd);
    double g = sd - (double) y[j];
    double h = 1.0;
    if (w) {
      g = g * (double) w[j];
      h = (double) w[j];
    }
    gh[2 * j] = g;
    gh[2 * j + 1] = h;
  }
  return bad ? EBM_ERR_NON_FINITE : EBM_OK;
}

static inline __m256d binary_loss4(float *s, const uint8_t *y, const float *w, const double *ub, int j,
    int *bad) {
  __m256d sign = _mm256_set1_pd(-0.0);
  __m256d one = _mm256_set1_pd(1.0);
  __m256d sd = apply4(s, ub, j);
  *bad |= not_finite4(sd);
  __m256d z = _mm256_blendv_pd(sd, _mm256_xor_pd(sd, sign), labels4(y, j));
  __m256d e = exp4(_mm256_or_pd(abs4(sd), sign));
  __m256d l = _mm256_add_pd(_mm256_max_pd(z, _mm256_setzero_pd()), log4(_mm256_add_pd(one, e)));
  if (w) {
    l = _mm256_mul_pd(l, _mm256_cvtps_pd(_mm_loadu_ps(w + j)));
  }
  return l;
}

static int binary_loss(float *s, const uint8_t *y, const float *w, const int16_t *apply, const double *update,
    double acc[8], int n) {
  double ubuf[EBM_BLOCK];
  const double *ub = NULL;
  if (apply != NULL) {
    gather_block(apply, update, ubuf, n);
    ub = ubuf;
  }
  int bad = 0;
  __m256d lo = _mm256_loadu_pd(acc);
  __m256d hi = _mm256_loadu_pd(acc + 4);
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    lo = _mm256_add_pd(lo, binary_loss4(s, y, w, ub, j, &bad));
    hi = _mm256_add_pd(hi, binary_loss4(s, y, w, ub, j + 4, &bad));
  }
  _mm256_storeu_pd(acc, lo);
  _mm256_storeu_pd(acc + 4, hi);
  for (; j < n; j++) {
    double sd = ebm_apply(s, apply, update, j);
    bad |= !ebm_finite(sd);
    acc[j & 7] += ebm_binary_loss_row(sd, y[j] != 0, w ? (double) w[j] : 1.0, w != NULL);
  }
  return bad ? EBM_ERR_NON_FINITE : EBM_OK;
}

static inline __m256d squared_loss4(float *s, const float *y, const float *w, const double *ub, int j,
    int *bad) {
  __m256d sd = apply4(s, ub, j);
  *bad |= not_finite4(sd);
  __m256d d = _mm256_sub_pd(sd, _mm256_cvtps_pd(_mm_loadu_ps(y + j)));
  __m256d l = _mm256_mul_pd(d, d);
  if (w) {
    l = _mm256_mul_pd(l, _mm256_cvtps_pd(_mm_loadu_ps(w + j)));
  }
  return l;
}

static int squared_loss(float *s, const float *y, const float *w, const int16_t *apply, const double *update,
    double acc[8], int n) {
  double ubuf[EBM_BLOCK];
  const double *ub = NULL;
  if (apply != NULL) {
    gather_block(apply, update, ubuf, n);
    ub = ubuf;
  }
  int bad = 0;
  __m256d lo = _mm256_loadu_pd(acc);
  __m256d hi = _mm256_loadu_pd(acc + 4);
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    lo = _mm256_add_pd(lo, squared_loss4(s, y, w, ub, j, &bad));
    hi = _mm256_add_pd(hi, squared_loss4(s, y, w, ub, j + 4, &bad));
  }
  _mm256_storeu_pd(acc, lo);
  _mm256_storeu_pd(acc + 4, hi);
  for (; j < n; j++) {
    double sd = ebm_apply(s, apply, update, j);
    bad |= !ebm_finite(sd);
    double d = sd - (double) y[j];
    double l = d * d;
    acc[j & 7] += w ? l * (double) w[j] : l;
  }
  return bad ? EBM_ERR_NON_FINITE : EBM_OK;
}

static void exp_array(const double *x, double *out, int n) {
  int j = 0;
  for (; j + 4 <= n; j += 4) {
    _mm256_storeu_pd(out + j, exp4(_mm256_loadu_pd(x + j)));
  }
  for (; j < n; j++) {
    out[j] = ebm_exp(x[j]);
  }
}

static void log_array(const double *x, double *out, int n) {
  int j = 0;
  for (; j + 4 <= n; j += 4) {
    _mm256_storeu_pd(out + j, log4(_mm256_loadu_pd(x + j)));
  }
  for (; j < n; j++) {
    out[j] = ebm_log(x[j]);
  }
}

static uint32_t max_code(const int16_t *codes, int n) {
  __m256i m = _mm256_setzero_si256();
  int j = 0;
  for (; j + 16 <= n; j += 16) {
    m = _mm256_max_epu16(m, _mm256_loadu_si256((const __m256i *) (codes + j)));
  }
  uint16_t lanes[16];
  _mm256_storeu_si256((__m256i *) lanes, m);
  uint32_t best = 0;
  for (int i = 0; i < 16; i++) {
    best = lanes[i] > best ? lanes[i] : best;
  }
  for (; j < n; j++) {
    uint32_t c = (uint16_t) codes[j];
    best = c > best ? c : best;
  }
  return best;
}

const ebm_isa ebm_isa_avx2 = {"avx2", binary_gh, squared_gh, binary_loss, squared_loss, exp_array, log_array,
    max_code};
