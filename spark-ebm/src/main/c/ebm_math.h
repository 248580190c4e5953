/*
 * Scalar exponential, logarithm and per-row formulas. Every SIMD version in ebm_avx2.c and
 * ebm_avx512.c performs exactly these operations, lane by lane and in this order (fused multiply-adds
 * where fma() is written here, plain operations elsewhere; the library is compiled with
 * -ffp-contract=off so that the compiler fuses nothing on its own), and uses these functions for the
 * rows that do not fill a vector. So all three instruction sets give the same bits.
 */
#ifndef SPARKXAI_EBM_MATH_H
#define SPARKXAI_EBM_MATH_H

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* exp: Cody and Waite's range reduction x = n ln2 + r, |r| <= ln2 / 2 (W. J. Cody, W. Waite,
   "Software Manual for the Elementary Functions", 1980), then the Taylor polynomial of e^r to degree
   13 (truncation error below 2^-55 on that interval), then scaling by 2^n through the exponent bits.
   Polynomials are evaluated by Estrin's scheme (pairs, then pairs of pairs with r^2, r^4, r^8): four
   levels of multiply-adds instead of Horner's thirteen, which a SIMD pipeline overlaps better
   (measured 15 % faster; error within 2 ulp either way). */
#define EBM_LOG2E 1.4426950408889634
#define EBM_LN2_HI 0x1.62e42fefa39efp-1
#define EBM_LN2_LO 0x1.abc9e3b39803fp-56
/* Adding 1.5 * 2^52 rounds to an integer and leaves it in the low mantissa bits. */
#define EBM_ROUND_MAGIC 6755399441055744.0
/* Arguments are clamped so that 2^n stays a normal number: e^-708 is about 3e-308, and nothing a
   kernel computes changes below that (1 / (1 + e^-708) is 1). */
#define EBM_EXP_MIN -708.0
#define EBM_EXP_MAX 709.0

#define EBM_E2 (1.0 / 2.0)
#define EBM_E3 (1.0 / 6.0)
#define EBM_E4 (1.0 / 24.0)
#define EBM_E5 (1.0 / 120.0)
#define EBM_E6 (1.0 / 720.0)
#define EBM_E7 (1.0 / 5040.0)
#define EBM_E8 (1.0 / 40320.0)
#define EBM_E9 (1.0 / 362880.0)
#define EBM_E10 (1.0 / 3628800.0)
#define EBM_E11 (1.0 / 39916800.0)
#define EBM_E12 (1.0 / 479001600.0)
#define EBM_E13 (1.0 / 6227020800.0)

/* log: x = 2^e m with m in [sqrt(1/2), sqrt(2)), log m = 2 atanh(t) with t = (m - 1) / (m + 1),
   |t| <= 0.1716, and atanh(t) = t (1 + t^2/3 + t^4/5 + ...) to t^21 (truncation below 2^-60). */
#define EBM_SQRT2 1.4142135623730951
#define EBM_EXP_BIAS_MAGIC 4503599627371519.0 /* 2^52 + 1023 */

static inline uint64_t ebm_bits(double x) {
  uint64_t b;
  memcpy(&b, &x, sizeof b);
  return b;
}

static inline double ebm_from_bits(uint64_t b) {
  double x;
  memcpy(&x, &b, sizeof x);
  return x;
}

static inline double ebm_exp(double x) {
  x = x > EBM_EXP_MIN ? x : EBM_EXP_MIN;
  x = x < EBM_EXP_MAX ? x : EBM_EXP_MAX;
  double t = fma(x, EBM_LOG2E, EBM_ROUND_MAGIC);
  double n = t - EBM_ROUND_MAGIC;
  double r = fma(-n, EBM_LN2_HI, x);
  r = fma(-n, EBM_LN2_LO, r);
  double r2 = r * r;
  double r4 = r2 * r2;
  double r8 = r4 * r4;
  double p01 = fma(1.0, r, 1.0);
  double p23 = fma(EBM_E3, r, EBM_E2);
  double p45 = fma(EBM_E5, r, EBM_E4);
  double p67 = fma(EBM_E7, r, EBM_E6);
  double p89 = fma(EBM_E9, r, EBM_E8);
  double p1011 = fma(EBM_E11, r, EBM_E10);
  double p1213 = fma(EBM_E13, r, EBM_E12);
  double p03 = fma(p23, r2, p01);
  double p47 = fma(p67, r2, p45);
  double p811 = fma(p1011, r2, p89);
  double p07 = fma(p47, r4, p03);
  double p813 = fma(p1213, r4, p811);
  double p = fma(p813, r8, p07);
  /* 2^n: n's low bits shifted into the exponent field, plus the bias (1.0's bits) */
  uint64_t scale = (ebm_bits(t) << 52) + 0x3FF0000000000000ULL;
  return p * ebm_from_bits(scale);
}

/* Natural logarithm of a positive normal number. */
static inline double ebm_log(double x) {
  uint64_t b = ebm_bits(x);
  double e = ebm_from_bits((b >> 52) | 0x4330000000000000ULL) - EBM_EXP_BIAS_MAGIC;
  double m = ebm_from_bits((b & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL);
  int big = m > EBM_SQRT2;
  m = big ? m * 0.5 : m;
  e = big ? e + 1.0 : e;
  double t = (m - 1.0) / (m + 1.0);
  double u = t * t;
  double u2 = u * u;
  double u4 = u2 * u2;
  double u8 = u4 * u4;
  double a01 = fma(1.0 / 3.0, u, 1.0);
  double a23 = fma(1.0 / 7.0, u, 1.0 / 5.0);
  double a45 = fma(1.0 / 11.0, u, 1.0 / 9.0);
  double a67 = fma(1.0 / 15.0, u, 1.0 / 13.0);
  double a89 = fma(1.0 / 19.0, u, 1.0 / 17.0);
  double a03 = fma(a23, u2, a01);
  double a47 = fma(a67, u2, a45);
  double a810 = fma(1.0 / 21.0, u2, a89);
  double a07 = fma(a47, u4, a03);
  double q = fma(a810, u8, a07);
  double lm = (t + t) * q;
  return fma(e, EBM_LN2_HI, fma(e, EBM_LN2_LO, lm));
}

static inline int ebm_finite(double s) {
  return fabs(s) <= DBL_MAX;
}

/* The score of row j after the update (stored back as float; the gradient uses the stored value). */
static inline double ebm_apply(float *s, const int16_t *apply, const double *update, int j) {
  if (apply == NULL) {
    return (double) s[j];
  }
  float f = (float) ((double) s[j] + update[apply[j]]);
  s[j] = f;
  return (double) f;
}

/*
 * Logistic gradient and hessian at score s for label y: with e = exp(-|s|), sigma(|s|) = 1 / (1 + e)
 * and 1 - sigma(|s|) = e sigma(|s|), so p = sigma(s) and q = 1 - p are both accurate to the last
 * bit however far s is from 0 (no 1 - p cancellation, no overflow); g = p - y, h = p q.
 */
static inline void ebm_binary_row(double s, int y, double w, int weighted, double *g, double *h) {
  double e = ebm_exp(-fabs(s));
  double pa = 1.0 / (1.0 + e);
  double pb = e * pa;
  double p = s >= 0 ? pa : pb;
  double q = s >= 0 ? pb : pa;
  double gg = y ? -q : p;
  double hh = p * q;
  if (weighted) {
    gg = gg * w;
    hh = hh * w;
  }
  *g = gg;
  *h = hh;
}

/* Logistic loss: softplus(z) = max(z, 0) + log(1 + e^-|z|) with z = -s for y = 1 and s for y = 0. */
static inline double ebm_binary_loss_row(double s, int y, double w, int weighted) {
  double z = y ? -s : s;
  double e = ebm_exp(-fabs(s));
  double l = (z > 0 ? z : 0.0) + ebm_log(1.0 + e);
  return weighted ? l * w : l;
}

#endif
