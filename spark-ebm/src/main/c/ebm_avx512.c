/*
 * AVX-512 (F, DQ, BW, VL) versions of the row loops: 8 rows per vector of doubles. Compiled with
 * -mavx512f -mavx512dq -mavx512bw -mavx512vl -mfma; called only where ebm_cpu.c found these features
 * and the OS saving their registers. Lane for lane the operations of ebm_math.h.
 */
#include <immintrin.h>

#include "ebm_kernel.h"
#include "ebm_math.h"

static inline __m512d exp8(__m512d x) {
  x = _mm512_max_pd(x, _mm512_set1_pd(EBM_EXP_MIN));
  x = _mm512_min_pd(x, _mm512_set1_pd(EBM_EXP_MAX));
  __m512d magic = _mm512_set1_pd(EBM_ROUND_MAGIC);
  __m512d t = _mm512_fmadd_pd(x, _mm512_set1_pd(EBM_LOG2E), magic);
  __m512d n = _mm512_sub_pd(t, magic);
  __m512d r = _mm512_fnmadd_pd(n, _mm512_set1_pd(EBM_LN2_HI), x);
  r = _mm512_fnmadd_pd(n, _mm512_set1_pd(EBM_LN2_LO), r);
  #define C(v) _mm512_set1_pd(v)
  __m512d r2 = _mm512_mul_pd(r, r);
  __m512d r4 = _mm512_mul_pd(r2, r2);
  __m512d r8 = _mm512_mul_pd(r4, r4);
  __m512d p01 = _mm512_fmadd_pd(C(1.0), r, C(1.0));
  __m512d p23 = _mm512_fmadd_pd(C(EBM_E3), r, C(EBM_E2));
  __m512d p45 = _mm512_fmadd_pd(C(EBM_E5), r, C(EBM_E4));
  __m512d p67 = _mm512_fmadd_pd(C(EBM_E7), r, C(EBM_E6));
  __m512d p89 = _mm512_fmadd_pd(C(EBM_E9), r, C(EBM_E8));
  __m512d p1011 = _mm512_fmadd_pd(C(EBM_E11), r, C(EBM_E10));
  __m512d p1213 = _mm512_fmadd_pd(C(EBM_E13), r, C(EBM_E12));
  __m512d p03 = _mm512_fmadd_pd(p23, r2, p01);
  __m512d p47 = _mm512_fmadd_pd(p67, r2, p45);
  __m512d p811 = _mm512_fmadd_pd(p1011, r2, p89);
  __m512d p07 = _mm512_fmadd_pd(p47, r4, p03);
  __m512d p813 = _mm512_fmadd_pd(p1213, r4, p811);
  __m512d p = _mm512_fmadd_pd(p813, r8, p07);
  #undef C
  __m512i scale = _mm512_add_epi64(_mm512_slli_epi64(_mm512_castpd_si512(t), 52),
      _mm512_set1_epi64(0x3FF0000000000000LL));
  return _mm512_mul_pd(p, _mm512_castsi512_pd(scale));
}

static inline __m512d log8(__m512d x) {
  __m512i b = _mm512_castpd_si512(x);
  __m512d e = _mm512_sub_pd(
      _mm512_castsi512_pd(_mm512_or_si512(_mm512_srli_epi64(b, 52), _mm512_set1_epi64(0x4330000000000000LL))),
      _mm512_set1_pd(EBM_EXP_BIAS_MAGIC));
  __m512d m = _mm512_castsi512_pd(_mm512_or_si512(_mm512_and_si512(b, _mm512_set1_epi64(0x000FFFFFFFFFFFFFLL)),
      _mm512_set1_epi64(0x3FF0000000000000LL)));
  __mmask8 big = _mm512_cmp_pd_mask(m, _mm512_set1_pd(EBM_SQRT2), _CMP_GT_OQ);
  m = _mm512_mask_mul_pd(m, big, m, _mm512_set1_pd(0.5));
  e = _mm512_mask_add_pd(e, big, e, _mm512_set1_pd(1.0));
  __m512d one = _mm512_set1_pd(1.0);
  __m512d t = _mm512_div_pd(_mm512_sub_pd(m, one), _mm512_add_pd(m, one));
  __m512d u = _mm512_mul_pd(t, t);
  #define C(v) _mm512_set1_pd(v)
  __m512d u2 = _mm512_mul_pd(u, u);
  __m512d u4 = _mm512_mul_pd(u2, u2);
  __m512d u8 = _mm512_mul_pd(u4, u4);
  __m512d a01 = _mm512_fmadd_pd(C(1.0 / 3.0), u, one);
  __m512d a23 = _mm512_fmadd_pd(C(1.0 / 7.0), u, C(1.0 / 5.0));
  __m512d a45 = _mm512_fmadd_pd(C(1.0 / 11.0), u, C(1.0 / 9.0));
  __m512d a67 = _mm512_fmadd_pd(C(1.0 / 15.0), u, C(1.0 / 13.0));
  __m512d a89 = _mm512_fmadd_pd(C(1.0 / 19.0), u, C(1.0 / 17.0));
  __m512d a03 = _mm512_fmadd_pd(a23, u2, a01);
  __m512d a47 = _mm512_fmadd_pd(a67, u2, a45);
  __m512d a810 = _mm512_fmadd_pd(C(1.0 / 21.0), u2, a89);
  __m512d a07 = _mm512_fmadd_pd(a47, u4, a03);
  __m512d q = _mm512_fmadd_pd(a810, u8, a07);
  #undef C
  __m512d lm = _mm512_mul_pd(_mm512_add_pd(t, t), q);
  return _mm512_fmadd_pd(e, _mm512_set1_pd(EBM_LN2_HI), _mm512_fmadd_pd(e, _mm512_set1_pd(EBM_LN2_LO), lm));
}

/*
 * The update of each row of a block, gathered with scalar loads into ub: hardware gathers
 * (vgatherdpd) measured 4x slower per element than scalar loads on AMD Zen 5, and a vector load of
 * values stored just before stalls store forwarding, so the whole block is gathered first.
 */
static inline void gather_block(const int16_t *apply, const double *update, double *ub, int n) {
  for (int j = 0; j < n; j++) {
    ub[j] = update[apply[j]];
  }
}

/* Loads 8 scores, applies the gathered update (stored back as float), returns them as doubles. */
static inline __m512d apply8(float *s, const double *ub, int j) {
  __m256 sf = _mm256_loadu_ps(s + j);
  if (ub == NULL) {
    return _mm512_cvtps_pd(sf);
  }
  sf = _mm512_cvtpd_ps(_mm512_add_pd(_mm512_cvtps_pd(sf), _mm512_loadu_pd(ub + j)));
  _mm256_storeu_ps(s + j, sf);
  return _mm512_cvtps_pd(sf);
}

static inline __mmask8 not_finite8(__m512d s) {
  return _mm512_cmp_pd_mask(_mm512_abs_pd(s), _mm512_set1_pd(DBL_MAX), _CMP_NLE_UQ);
}

/* Mask of the 8 rows whose byte label is not 0. */
static inline __mmask8 labels8(const uint8_t *y, int j) {
  __m128i v = _mm_loadl_epi64((const __m128i *) (y + j));
  return (__mmask8) _mm_test_epi8_mask(v, v);
}

static inline void store_gh8(double *gh, int j, __m512d g, __m512d h) {
  __m512d lo = _mm512_unpacklo_pd(g, h);
  __m512d hi = _mm512_unpackhi_pd(g, h);
  _mm512_storeu_pd(gh + 2 * j, _mm512_permutex2var_pd(lo, _mm512_setr_epi64(0, 1, 8, 9, 2, 3, 10, 11), hi));
  _mm512_storeu_pd(gh + 2 * j + 8, _mm512_permutex2var_pd(lo, _mm512_setr_epi64(4, 5, 12, 13, 6, 7, 14, 15), hi));
}

static int binary_gh(float *s, const uint8_t *y, const float *w, const int16_t *apply, const double *update,
    double *gh, int n) {
  double ubuf[EBM_BLOCK];
  const double *ub = NULL;
  if (apply != NULL) {
    gather_block(apply, update, ubuf, n);
    ub = ubuf;
  }
  __mmask8 bad = 0;
  __m512d zero = _mm512_setzero_pd();
  __m512d one = _mm512_set1_pd(1.0);
  __m512d sign = _mm512_set1_pd(-0.0);
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    __m512d sd = apply8(s, ub, j);
    bad |= not_finite8(sd);
    __m512d e = exp8(_mm512_or_pd(_mm512_abs_pd(sd), sign));
    __m512d pa = _mm512_div_pd(one, _mm512_add_pd(one, e));
    __m512d pb = _mm512_mul_pd(e, pa);
    __mmask8 pos = _mm512_cmp_pd_mask(sd, zero, _CMP_GE_OQ);
    __m512d p = _mm512_mask_blend_pd(pos, pb, pa);
    __m512d q = _mm512_mask_blend_pd(pos, pa, pb);
    __m512d g = _mm512_mask_blend_pd(labels8(y, j), p, _mm512_xor_pd(q, sign));
    __m512d h = _mm512_mul_pd(p, q);
    if (w) {
      __m512d wd = _mm512_cvtps_pd(_mm256_loadu_ps(w + j));
      g = _mm512_mul_pd(g, wd);
      h = _mm512_mul_pd(h, wd);
    }
    store_gh8(gh, j, g, h);
  }
  int tail = 0;
  for (; j < n; j++) {
    double sd = ebm_apply(s, apply, update, j);
    tail |= !ebm_finite(sd);
    ebm_binary_row(sd, y[j] != 0, w ? (double) w[j] : 1.0, w != NULL, &gh[2 * j], &gh[2 * j + 1]);
  }
  return bad || tail ? EBM_ERR_NON_FINITE : EBM_OK;
}

static int squared_gh(float *s, const float *y, const float *w, const int16_t *apply, const double *update,
    double *gh, int n) {
  double ubuf[EBM_BLOCK];
  const double *ub = NULL;
  if (apply != NULL) {
    gather_block(apply, update, ubuf, n);
    ub = ubuf;
  }
  __mmask8 bad = 0;
  __m512d one = _mm512_set1_pd(1.0);
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    __m512d sd = apply8(s, ub, j);
    bad |= not_finite8(sd);
    __m512d g = _mm512_sub_pd(sd, _mm512_cvtps_pd(_mm256_loadu_ps(y + j)));
    __m512d h = one;
    if (w) {
      __m512d wd = _mm512_cvtps_pd(_mm256_loadu_ps(w + j));
      g = _mm512_mul_pd(g, wd);
      h = wd;
    }
    store_gh8(gh, j, g, h);
  }
  int tail = 0;
  for (; j < n; j++) {
    double sd = ebm_apply(s, apply, update, j);
    tail |= !ebm_finite(sd);
    double g = sd - (double) y[j];
    double h = 1.0;
    if (w) {
      g = g * (double) w[j];
      h = (double) w[j];
    }
    gh[2 * j] = g;
    gh[2 * j + 1] = h;
  }
  return bad || tail ? EBM_ERR_NON_FINITE : EBM_OK;
}

static int binary_loss(float *s, const uint8_t *y, const float *w, const int16_t *apply, const double *update,
    double acc[8], int n) {
  double ubuf[EBM_BLOCK];
  const double *ub = NULL;
  if (apply != NULL) {
    gather_block(apply, update, ubuf, n);
    ub = ubuf;
  }
  __mmask8 bad = 0;
  __m512d zero = _mm512_setzero_pd();
  __m512d one = _mm512_set1_pd(1.0);
  __m512d sign = _mm512_set1_pd(-0.0);
  __m512d sum = _mm512_loadu_pd(acc);
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    __m512d sd = apply8(s, ub, j);
    bad |= not_finite8(sd);
    __m512d z = _mm512_mask_blend_pd(labels8(y, j), sd, _mm512_xor_pd(sd, sign));
    __m512d e = exp8(_mm512_or_pd(_mm512_abs_pd(sd), sign));
    __m512d l = _mm512_add_pd(_mm512_max_pd(z, zero), log8(_mm512_add_pd(one, e)));
    if (w) {
      l = _mm512_mul_pd(l, _mm512_cvtps_pd(_mm256_loadu_ps(w + j)));
    }
    sum = _mm512_add_pd(sum, l);
  }
  _mm512_storeu_pd(acc, sum);
  int tail = 0;
  for (; j < n; j++) {
    double sd = ebm_apply(s, apply, update, j);
    tail |= !ebm_finite(sd);
    acc[j & 7] += ebm_binary_loss_row(sd, y[j] != 0, w ? (double) w[j] : 1.0, w != NULL);
  }
  return bad || tail ? EBM_ERR_NON_FINITE : EBM_OK;
}

static int squared_loss(float *s, const float *y, const float *w, const int16_t *apply, const double *update,
    double acc[8], int n) {
  double ubuf[EBM_BLOCK];
  const double *ub = NULL;
  if (apply != NULL) {
    gather_block(apply, update, ubuf, n);
    ub = ubuf;
  }
  __mmask8 bad = 0;
  __m512d sum = _mm512_loadu_pd(acc);
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    __m512d sd = apply8(s, ub, j);
    bad |= not_finite8(sd);
    __m512d d = _mm512_sub_pd(sd, _mm512_cvtps_pd(_mm256_loadu_ps(y + j)));
    __m512d l = _mm512_mul_pd(d, d);
    if (w) {
      l = _mm512_mul_pd(l, _mm512_cvtps_pd(_mm256_loadu_ps(w + j)));
    }
    sum = _mm512_add_pd(sum, l);
  }
  _mm512_storeu_pd(acc, sum);
  int tail = 0;
  for (; j < n; j++) {
    double sd = ebm_apply(s, apply, update, j);
    tail |= !ebm_finite(sd);
    double d = sd - (double) y[j];
    double l = d * d;
    acc[j & 7] += w ? l * (double) w[j] : l;
  }
  return bad || tail ? EBM_ERR_NON_FINITE : EBM_OK;
}

static void exp_array(const double *x, double *out, int n) {
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    _mm512_storeu_pd(out + j, exp8(_mm512_loadu_pd(x + j)));
  }
  for (; j < n; j++) {
    out[j] = ebm_exp(x[j]);
  }
}

static void log_array(const double *x, double *out, int n) {
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    _mm512_storeu_pd(out + j, log8(_mm512_loadu_pd(x + j)));
  }
  for (; j < n; j++) {
    out[j] = ebm_log(x[j]);
  }
}

static uint32_t max_code(const int16_t *codes, int n) {
  __m512i m = _mm512_setzero_si512();
  int j = 0;
  for (; j + 32 <= n; j += 32) {
    m = _mm512_max_epu16(m, _mm512_loadu_si512((const void *) (codes + j)));
  }
  uint16_t lanes[32];
  _mm512_storeu_si512((void *) lanes, m);
  uint32_t best = 0;
  for (int i = 0; i < 32; i++) {
    best = lanes[i] > best ? lanes[i] : best;
  }
  for (; j < n; j++) {
    uint32_t c = (uint16_t) codes[j];
    best = c > best ? c : best;
  }
  return best;
}

const ebm_isa ebm_isa_avx512 = {"avx512", binary_gh, squared_gh, binary_loss, squared_loss, exp_array, log_array,
    max_code};
