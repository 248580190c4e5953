/*
 * The row loops of ebm_loops.h for any x86-64 CPU: a "vector" of one double in plain C, compiled for
 * the baseline ISA (fma() is libm's, rounded once like the FMA instructions). The rows the SIMD
 * versions must match bit for bit.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#define EBM_ISA scalar
#define EBM_LANES 1

typedef double vd;
typedef float vf;
typedef uint64_t vi;
typedef int vm;

static inline vd v_set(double x) { return x; }
static inline vd v_load(const double *p) { return *p; }
static inline void v_store(double *p, vd x) { *p = x; }
static inline vf f_load(const float *p) { return *p; }
static inline void f_store(float *p, vf x) { *p = x; }
static inline vd v_widen(vf x) { return (double) x; }
static inline vf v_narrow(vd x) { return (float) x; }

static inline vd v_add(vd a, vd b) { return a + b; }
static inline vd v_sub(vd a, vd b) { return a - b; }
static inline vd v_mul(vd a, vd b) { return a * b; }
static inline vd v_div(vd a, vd b) { return a / b; }
static inline vd v_fma(vd a, vd b, vd c) { return fma(a, b, c); }
static inline vd v_fnma(vd a, vd b, vd c) { return fma(-a, b, c); }
static inline vd v_max(vd a, vd b) { return a > b ? a : b; }
static inline vd v_min(vd a, vd b) { return a < b ? a : b; }

static inline vd v_neg(vd x) { return -x; }
static inline vd v_abs(vd x) { return fabs(x); }
static inline vd v_nabs(vd x) { return -fabs(x); }
static inline vm v_gt(vd a, vd b) { return a > b; }
static inline vm v_ge(vd a, vd b) { return a >= b; }
static inline vm v_not_le(vd a, vd b) { return !(a <= b); }
static inline vd v_select(vm m, vd a, vd b) { return m ? a : b; }
static inline int m_any(vm m) { return m; }
static inline vm m_bytes(const uint8_t *y) { return *y != 0; }

static inline void v_store_pairs(double *p, vd a, vd b) {
  p[0] = a;
  p[1] = b;
}

static inline vi v_bits(vd x) {
  vi b;
  memcpy(&b, &x, sizeof b);
  return b;
}

static inline vd v_from_bits(vi b) {
  vd x;
  memcpy(&x, &b, sizeof x);
  return x;
}

static inline vi i_set(int64_t x) { return (vi) x; }
static inline vi i_add(vi a, vi b) { return a + b; }
static inline vi i_or(vi a, vi b) { return a | b; }
static inline vi i_and(vi a, vi b) { return a & b; }
static inline vi i_shl52(vi x) { return x << 52; }
static inline vi i_shr52(vi x) { return x >> 52; }

#include "ebm_loops.h"
