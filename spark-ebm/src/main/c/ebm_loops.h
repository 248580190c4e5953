/*
 * The row loops of ebm_isa, written once. Each of ebm_scalar.c, ebm_avx2.c and ebm_avx512.c defines a
 * vector of EBM_LANES doubles with the operations listed here, includes this file, and is compiled
 * with its own -m flags: one source, three machine-code versions. The functions the ebm_isa table
 * points to carry the instruction set's name (binary_gh_avx2, ...), so a profile tells them apart.
 *
 * What the including file defines:
 *   EBM_ISA                 the name: scalar, avx2 or avx512 (suffix of the functions and the table)
 *   EBM_LANES               rows per vector: 1, 4 or 8 (a divisor of 8)
 *   vd, vf, vi, vm          EBM_LANES doubles, floats and 64-bit integers, and a mask of lanes
 *   v_set, v_load, v_store  broadcast; load and store of EBM_LANES doubles (unaligned)
 *   f_load, f_store         the same for floats; v_widen, v_narrow: float to double and back (nearest)
 *   v_add, v_sub, v_mul, v_div   one IEEE operation a lane
 *   v_fma, v_fnma           a * b + c and c - a * b, rounded once
 *   v_max, v_min            a > b ? a : b and a < b ? a : b (so b where either is NaN, as MAXPD does)
 *   v_neg, v_abs, v_nabs    -x, |x| and -|x| through the sign bit
 *   v_gt, v_ge, v_not_le    masks of a > b, a >= b and !(a <= b) (the last one set for NaN)
 *   v_select(m, a, b)       a where m is set, b elsewhere
 *   m_any(m)                nonzero if any lane of m is set
 *   m_bytes(y)              the lanes whose byte y[i] is not 0
 *   v_store_pairs(p, a, b)  p[2i] = a[i], p[2i + 1] = b[i]
 *   v_bits, v_from_bits     a double's bits as an integer, and back
 *   i_set, i_add, i_or, i_and, i_shl52, i_shr52   on 64-bit integer lanes
 *
 * Same bits on every instruction set: lane i of every operation is one IEEE operation on row i, so a
 * row's result does not depend on the vector width; a loss goes to acc[j % 8] whatever the width;
 * and the last rows of a range that do not fill a vector run through the same code on zero-padded
 * copies (tail_rows).
 */
#ifndef SPARKXAI_EBM_LOOPS_H
#define SPARKXAI_EBM_LOOPS_H

#include <float.h>
#include <string.h>

#include "ebm_kernel.h"

#define EBM_PASTE2(a, b) a##_##b
#define EBM_PASTE(a, b) EBM_PASTE2(a, b)
#define EBM_STRING2(a) #a
#define EBM_STRING(a) EBM_STRING2(a)
/* name_isa: binary_gh_avx2 */
#define EBM_FN(name) EBM_PASTE(name, EBM_ISA)
/* The row drivers are inlined into each entry point, so that the row function they are given is a
   constant and is inlined too. */
#define EBM_INLINE static inline __attribute__((always_inline))

#include "ebm_math.h"

/* Gradients and hessians (unweighted) at the scores s of the rows j .. j + EBM_LANES, labels y. */
typedef void gh_rows(vd s, const void *y, int j, vd *g, vd *h);
/* Losses (unweighted) at the scores s of the rows j .. j + EBM_LANES, labels y. */
typedef vd loss_rows(vd s, const void *y, int j);

/*
 * Logistic: with e = exp(-|s|), sigma(|s|) = 1 / (1 + e) and 1 - sigma(|s|) = e sigma(|s|), so
 * p = sigma(s) and q = 1 - p are both accurate to the last bit however far s is from 0 (no 1 - p
 * cancellation, no overflow); g = p - y, h = p q.
 */
EBM_INLINE void binary_gh_rows(vd s, const void *y, int j, vd *g, vd *h) {
  vd one = v_set(1.0);
  vd e = exp_v(v_nabs(s));
  vd pa = v_div(one, v_add(one, e));
  vd pb = v_mul(e, pa);
  vm pos = v_ge(s, v_set(0.0));
  vd p = v_select(pos, pa, pb);
  vd q = v_select(pos, pb, pa);
  *g = v_select(m_bytes((const uint8_t *) y + j), v_neg(q), p);
  *h = v_mul(p, q);
}

/* Logistic loss: softplus(z) = max(z, 0) + log(1 + e^-|z|) with z = -s for y = 1 and s for y = 0. */
EBM_INLINE vd binary_loss_rows(vd s, const void *y, int j) {
  vd z = v_select(m_bytes((const uint8_t *) y + j), v_neg(s), s);
  vd e = exp_v(v_nabs(s));
  return v_add(v_max(z, v_set(0.0)), log_v(v_add(v_set(1.0), e)));
}

/* Squared error: g = s - y, h = 1. */
EBM_INLINE void squared_gh_rows(vd s, const void *y, int j, vd *g, vd *h) {
  *g = v_sub(s, v_widen(f_load((const float *) y + j)));
  *h = v_set(1.0);
}

EBM_INLINE vd squared_loss_rows(vd s, const void *y, int j) {
  vd d = v_sub(s, v_widen(f_load((const float *) y + j)));
  return v_mul(d, d);
}

/* The rows of a block as the loops see them, pointers at the block's first row. */
typedef struct {
  float *s;             /* scores, updated in place */
  const void *y;        /* labels: uint8_t classes or float targets */
  const float *w;       /* weights, or NULL */
  const double *ub;     /* row j's update ub[j], or NULL where there is none */
  const int16_t *codes; /* with one lane: row j's update is ub[codes[j]] instead */
} block_rows;

/*
 * A block's rows, its update gathered into buf with scalar loads: hardware gathers (vgatherdpd)
 * measured 4x slower per element than scalar loads on AMD Zen 5, and a vector load of values stored
 * just before stalls store forwarding, so the whole block is gathered first. With one lane there is
 * nothing to gather for, and each row reads its update where it uses it.
 */
EBM_INLINE block_rows block_of(float *s, const void *y, const float *w, const int16_t *apply,
    const double *update, double *buf, int n) {
  block_rows b = {s, y, w, NULL, NULL};
  if (apply != NULL && EBM_LANES == 1) {
    b.ub = update;
    b.codes = apply;
  } else if (apply != NULL) {
    for (int j = 0; j < n; j++) {
      buf[j] = update[apply[j]];
    }
    b.ub = buf;
  }
  return b;
}

/* The scores of rows j .. j + EBM_LANES after the update (if any), stored back as float (the
   gradient uses the stored value); bad becomes nonzero where one of them is not finite (kept in an
   integer register: a vector of flags would take one of the 16 YMM registers from the loops). */
EBM_INLINE vd apply_rows(const block_rows *b, int j, int *bad) {
  vd sd = v_widen(f_load(b->s + j));
  if (b->ub != NULL) {
    vd u = b->codes != NULL ? v_set(b->ub[b->codes[j]]) : v_load(b->ub + j);
    vf sf = v_narrow(v_add(sd, u));
    f_store(b->s + j, sf);
    sd = v_widen(sf);
  }
  *bad |= m_any(v_not_le(v_abs(sd), v_set(DBL_MAX)));
  return sd;
}

EBM_INLINE void gh_step(gh_rows *rows, const block_rows *b, double *gh, int j, int *bad) {
  vd g, h;
  rows(apply_rows(b, j, bad), b->y, j, &g, &h);
  if (b->w != NULL) {
    vd wd = v_widen(f_load(b->w + j));
    g = v_mul(g, wd);
    h = v_mul(h, wd);
  }
  v_store_pairs(gh + 2 * j, g, h);
}

EBM_INLINE vd loss_step(loss_rows *rows, const block_rows *b, int j, int *bad) {
  vd l = rows(apply_rows(b, j, bad), b->y, j);
  return b->w != NULL ? v_mul(l, v_widen(f_load(b->w + j))) : l;
}

/* The whole vectors of rows [0, n); returns where they end. */
EBM_INLINE int gh_vectors(gh_rows *rows, block_rows b, double *gh, int n, int *bad) {
  int j = 0;
  for (; j + EBM_LANES <= n; j += EBM_LANES) {
    gh_step(rows, &b, gh, j, bad);
  }
  return j;
}

/* The same, 8 rows (8 / EBM_LANES vectors) a step, losses into sum[j % 8 / EBM_LANES]. */
EBM_INLINE int loss_vectors(loss_rows *rows, block_rows b, vd sum[8 / EBM_LANES], int n, int *bad) {
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    for (int v = 0; v < 8 / EBM_LANES; v++) {
      sum[v] = v_add(sum[v], loss_step(rows, &b, j + v * EBM_LANES, bad));
    }
  }
  return j;
}

/* b with its weights and update taken away (where the flags say), as constants the compiler sees. */
EBM_INLINE block_rows without(block_rows b, int weights, int update) {
  b.w = weights ? NULL : b.w;
  b.ub = update ? NULL : b.ub;
  b.codes = update ? NULL : b.codes;
  return b;
}

/*
 * The vector loops are inlined four times, with and without weights and update, so that none of the
 * copies tests for either per vector: measured 5 % faster on the unweighted loss pass.
 */
#define EBM_FOUR_WAYS(loop, rows, b, out, n, bad) \
  ((b).w == NULL ? ((b).ub == NULL ? loop(rows, without(b, 1, 1), out, n, bad) : loop(rows, without(b, 1, 0), out, n, bad)) \
      : ((b).ub == NULL ? loop(rows, without(b, 0, 1), out, n, bad) : loop(rows, without(b, 0, 0), out, n, bad)))

/* Rows [j, j + m) of a block, m < 8, copied into zero-padded buffers of 8 rows, so that whole vectors
   read and write nothing past the caller's arrays (each lane's result depends on its row alone). */
typedef struct {
  float s[8];
  float w[8];
  double ub[8];
  union {
    uint8_t bytes[8];
    float floats[8];
  } y;
  double out[16];
} tail_rows;

EBM_INLINE block_rows tail_in(tail_rows *t, const block_rows *b, size_t label_size, int j, int m) {
  memset(t, 0, sizeof *t);
  memcpy(t->s, b->s + j, sizeof(float) * m);
  memcpy(&t->y, (const char *) b->y + label_size * j, label_size * m);
  for (int i = 0; i < m; i++) {
    t->w[i] = b->w != NULL ? b->w[j + i] : 0.0f;
    t->ub[i] = b->ub == NULL ? 0.0 : b->codes != NULL ? b->ub[b->codes[j + i]] : b->ub[j + i];
  }
  block_rows padded = {t->s, &t->y, b->w != NULL ? t->w : NULL, b->ub != NULL ? t->ub : NULL, NULL};
  return padded;
}

/* The updated scores back to the caller's array. */
EBM_INLINE void tail_out(const tail_rows *t, const block_rows *b, int j, int m) {
  if (b->ub != NULL) {
    memcpy(b->s + j, t->s, sizeof(float) * m);
  }
}

EBM_INLINE int gh_loop(gh_rows *rows, float *s, const void *y, size_t label_size, const float *w,
    const int16_t *apply, const double *update, double *gh, int n) {
  double buf[EBM_BLOCK];
  block_rows b = block_of(s, y, w, apply, update, buf, n);
  int bad = 0;
  int j = EBM_FOUR_WAYS(gh_vectors, rows, b, gh, n, &bad);
  if (j < n) {
    tail_rows t;
    block_rows padded = tail_in(&t, &b, label_size, j, n - j);
    gh_step(rows, &padded, t.out, 0, &bad);
    tail_out(&t, &b, j, n - j);
    memcpy(gh + 2 * j, t.out, sizeof(double) * 2 * (n - j));
  }
  return bad ? EBM_ERR_NON_FINITE : EBM_OK;
}

/* Losses into acc[j % 8]. */
EBM_INLINE int loss_loop(loss_rows *rows, float *s, const void *y, size_t label_size, const float *w,
    const int16_t *apply, const double *update, double acc[8], int n) {
  double buf[EBM_BLOCK];
  block_rows b = block_of(s, y, w, apply, update, buf, n);
  int bad = 0;
  vd sum[8 / EBM_LANES];
  for (int v = 0; v < 8 / EBM_LANES; v++) {
    sum[v] = v_load(acc + v * EBM_LANES);
  }
  int j = EBM_FOUR_WAYS(loss_vectors, rows, b, sum, n, &bad);
  for (int v = 0; v < 8 / EBM_LANES; v++) {
    v_store(acc + v * EBM_LANES, sum[v]);
  }
  if (j < n) {
    tail_rows t;
    block_rows padded = tail_in(&t, &b, label_size, j, n - j);
    for (int v = 0; v < 8 / EBM_LANES; v++) {
      v_store(t.out + v * EBM_LANES, loss_step(rows, &padded, v * EBM_LANES, &bad));
    }
    tail_out(&t, &b, j, n - j);
    for (int i = 0; i < n - j; i++) {
      acc[(j + i) & 7] += t.out[i];
    }
  }
  return bad ? EBM_ERR_NON_FINITE : EBM_OK;
}

static int EBM_FN(binary_gh)(float *s, const uint8_t *y, const float *w, const int16_t *apply,
    const double *update, double *gh, int n) {
  return gh_loop(binary_gh_rows, s, y, sizeof *y, w, apply, update, gh, n);
}

static int EBM_FN(squared_gh)(float *s, const float *y, const float *w, const int16_t *apply,
    const double *update, double *gh, int n) {
  return gh_loop(squared_gh_rows, s, y, sizeof *y, w, apply, update, gh, n);
}

static int EBM_FN(binary_loss)(float *s, const uint8_t *y, const float *w, const int16_t *apply,
    const double *update, double acc[8], int n) {
  return loss_loop(binary_loss_rows, s, y, sizeof *y, w, apply, update, acc, n);
}

static int EBM_FN(squared_loss)(float *s, const float *y, const float *w, const int16_t *apply,
    const double *update, double acc[8], int n) {
  return loss_loop(squared_loss_rows, s, y, sizeof *y, w, apply, update, acc, n);
}

/* out[j] = f(x[j]); the last rows that do not fill a vector through a zero-padded copy. */
EBM_INLINE void map_array(vd (*f)(vd), const double *x, double *out, int n) {
  int j = 0;
  for (; j + EBM_LANES <= n; j += EBM_LANES) {
    v_store(out + j, f(v_load(x + j)));
  }
  if (j < n) {
    double t[EBM_LANES] = {0};
    memcpy(t, x + j, sizeof(double) * (n - j));
    v_store(t, f(v_load(t)));
    memcpy(out + j, t, sizeof(double) * (n - j));
  }
}

static void EBM_FN(exp_array)(const double *x, double *out, int n) {
  map_array(exp_v, x, out, n);
}

static void EBM_FN(log_array)(const double *x, double *out, int n) {
  map_array(log_v, x, out, n);
}

/* A plain loop: the compiler vectorises it with this file's -m flags (unsigned 16-bit maxima). */
static uint32_t EBM_FN(max_code)(const int16_t *codes, int n) {
  uint16_t m = 0;
  for (int j = 0; j < n; j++) {
    uint16_t c = (uint16_t) codes[j];
    m = c > m ? c : m;
  }
  return m;
}

const ebm_isa EBM_FN(ebm_isa) = {EBM_STRING(EBM_ISA), EBM_FN(binary_gh), EBM_FN(squared_gh), EBM_FN(binary_loss),
    EBM_FN(squared_loss), EBM_FN(exp_array), EBM_FN(log_array), EBM_FN(max_code)};

#endif
