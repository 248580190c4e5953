/*
 * The vector operations of ebm_loops.h that AVX2 and AVX-512 spell alike but for the width, for
 * ebm_avx2.c and ebm_avx512.c. The including file has defined its types and these names:
 *   EBM_MM(op)     the intrinsic for vd: _mm256_op or _mm512_op
 *   EBM_MMF(op)    the intrinsic for vf: _mm_op or _mm256_op
 *   EBM_SI(op)     the integer intrinsic: _mm256_op_si256 or _mm512_op_si512
 *   EBM_SI_TO_PD   _mm256_castsi256_pd or _mm512_castsi512_pd
 *   EBM_SET1_I64   _mm256_set1_epi64x or _mm512_set1_epi64
 *   EBM_CMP(a, b, predicate)   the compare that gives a vm
 * What differs in substance (masks, labels, interleaved stores) stays in those files.
 */
#ifndef SPARKXAI_EBM_X86_H
#define SPARKXAI_EBM_X86_H

#include <immintrin.h>

static inline vd v_set(double x) { return EBM_MM(set1_pd)(x); }
static inline vd v_load(const double *p) { return EBM_MM(loadu_pd)(p); }
static inline void v_store(double *p, vd x) { EBM_MM(storeu_pd)(p, x); }
static inline vf f_load(const float *p) { return EBM_MMF(loadu_ps)(p); }
static inline void f_store(float *p, vf x) { EBM_MMF(storeu_ps)(p, x); }
static inline vd v_widen(vf x) { return EBM_MM(cvtps_pd)(x); }
static inline vf v_narrow(vd x) { return EBM_MM(cvtpd_ps)(x); }

static inline vd v_add(vd a, vd b) { return EBM_MM(add_pd)(a, b); }
static inline vd v_sub(vd a, vd b) { return EBM_MM(sub_pd)(a, b); }
static inline vd v_mul(vd a, vd b) { return EBM_MM(mul_pd)(a, b); }
static inline vd v_div(vd a, vd b) { return EBM_MM(div_pd)(a, b); }
static inline vd v_fma(vd a, vd b, vd c) { return EBM_MM(fmadd_pd)(a, b, c); }
static inline vd v_fnma(vd a, vd b, vd c) { return EBM_MM(fnmadd_pd)(a, b, c); }
static inline vd v_max(vd a, vd b) { return EBM_MM(max_pd)(a, b); }
static inline vd v_min(vd a, vd b) { return EBM_MM(min_pd)(a, b); }

static inline vd v_neg(vd x) { return EBM_MM(xor_pd)(x, v_set(-0.0)); }
static inline vd v_abs(vd x) { return EBM_MM(andnot_pd)(v_set(-0.0), x); }
static inline vd v_nabs(vd x) { return EBM_MM(or_pd)(x, v_set(-0.0)); }
static inline vm v_gt(vd a, vd b) { return EBM_CMP(a, b, _CMP_GT_OQ); }
static inline vm v_ge(vd a, vd b) { return EBM_CMP(a, b, _CMP_GE_OQ); }
static inline vm v_not_le(vd a, vd b) { return EBM_CMP(a, b, _CMP_NLE_UQ); }

static inline vi v_bits(vd x) { return EBM_SI(castpd)(x); }
static inline vd v_from_bits(vi x) { return EBM_SI_TO_PD(x); }
static inline vi i_set(int64_t x) { return EBM_SET1_I64(x); }
static inline vi i_add(vi a, vi b) { return EBM_MM(add_epi64)(a, b); }
static inline vi i_or(vi a, vi b) { return EBM_SI(or)(a, b); }
static inline vi i_and(vi a, vi b) { return EBM_SI(and)(a, b); }
static inline vi i_shl52(vi x) { return EBM_MM(slli_epi64)(x, 52); }
static inline vi i_shr52(vi x) { return EBM_MM(srli_epi64)(x, 52); }

#endif
