/*
 * The native EBM histogram kernel: the inner step of cyclic boosting (apply the last term update to
 * the scores, recompute gradients and hessians, accumulate the next term's histogram) over the
 * primitive arrays of io.sparkxai.ebm.kernel.KernelRows, one call per step and row range.
 *
 * Layouts are those of io.sparkxai.ebm.kernel.HistogramKernel: scores[i*k + c] (float),
 * update[b*k + c], hist[(b*k + c)*2 + s] with s = 0 the gradient and s = 1 the hessian sum.
 *
 * Every instruction-set version (scalar, AVX2, AVX-512) performs the same IEEE operations in the
 * same order for each row, and all accumulation orders are fixed by row position, never by the
 * instruction set or by memory alignment: the library gives the same bits on every x86-64 CPU.
 * That keeps a fit a function of its data, seed and parameters on a cluster of mixed machines.
 */
#ifndef SPARKXAI_EBM_KERNEL_H
#define SPARKXAI_EBM_KERNEL_H

#include <stdint.h>

/* Bumped whenever a JNI signature or a layout changes; the Java facade refuses another version. */
#define EBM_ABI_VERSION 1

/* Return codes (the Java facade turns them into KernelException). */
#define EBM_OK 0
#define EBM_ERR_NON_FINITE 1
#define EBM_ERR_CODE_RANGE 2
#define EBM_ERR_ARGUMENT 3
#define EBM_ERR_MEMORY 4

/* Objectives, in the order of io.sparkxai.ebm.kernel.Objective. */
#define EBM_LOGISTIC 0
#define EBM_SQUARED 1
#define EBM_SOFTMAX 2

/* Instruction sets. */
#define EBM_ISA_SCALAR 0
#define EBM_ISA_AVX2 1
#define EBM_ISA_AVX512 2

/*
 * Rows per inner block: the block's gradients and hessians (16 bytes a row) stay in L1 between the
 * SIMD pass that computes them and the scalar pass that scatters them. A multiple of 8, so that a
 * row's lane (position mod 8) in the loss sums does not depend on where blocks start.
 */
#define EBM_BLOCK 512

#define EBM_EXPORT __attribute__((visibility("default")))

/* The rows of one bag as the kernel sees them. */
typedef struct {
  int objective;
  int k;                   /* scores per row: 1, or the class count for softmax */
  float *scores;           /* rows * k, updated in place */
  const uint8_t *classes;  /* logistic: 0 or 1 per row */
  const float *targets;    /* squared: the target; softmax: the class index */
  const float *weights;    /* per row, or NULL for weight 1 */
} ebm_rows;

/*
 * One instruction set's versions of the row loops. Pointers are already offset to the block's first
 * row; n <= EBM_BLOCK. The *_gh functions apply the update (when apply != NULL), store the new
 * scores, and write each row's gradient and hessian interleaved: gh[2j], gh[2j + 1]. The *_loss
 * functions apply the update and add each row's weighted loss to acc[j % 8]. Both return EBM_OK or
 * EBM_ERR_NON_FINITE when a score is NaN or infinite after the update.
 */
typedef struct {
  const char *name;
  int (*binary_gh)(float *s, const uint8_t *y, const float *w, const int16_t *apply, const double *update,
      double *gh, int n);
  int (*squared_gh)(float *s, const float *y, const float *w, const int16_t *apply, const double *update,
      double *gh, int n);
  int (*binary_loss)(float *s, const uint8_t *y, const float *w, const int16_t *apply, const double *update,
      double acc[8], int n);
  int (*squared_loss)(float *s, const float *y, const float *w, const int16_t *apply, const double *update,
      double acc[8], int n);
  /* out[j] = exp(x[j]) and out[j] = log(x[j]) (x[j] > 0), element-wise. */
  void (*exp_array)(const double *x, double *out, int n);
  void (*log_array)(const double *x, double *out, int n);
  /* The largest of n codes read as unsigned 16-bit numbers (so a negative short counts as huge). */
  uint32_t (*max_code)(const int16_t *codes, int n);
} ebm_isa;

extern const ebm_isa ebm_isa_scalar;
extern const ebm_isa ebm_isa_avx2;
extern const ebm_isa ebm_isa_avx512;

/* CPU detection (ebm_cpu.c): the best instruction set this CPU and OS support. */
int ebm_cpu_best_isa(void);
/* Bit mask of detected features, for diagnostics: 1 AVX2+FMA, 2 AVX-512 F/DQ/BW/VL, 4 OS saves YMM, 8 ZMM. */
int ebm_cpu_features(void);

/*
 * The entry points over rows [from, to), with every index already checked against the arrays'
 * lengths by the caller. update_cells and cells bound the codes (checked here, per block, before any
 * memory is touched through them). Return EBM_OK or an error code; on an error the scores and the
 * histogram are partly updated.
 */
int ebm_fused(const ebm_isa *isa, const ebm_rows *r, const int16_t *apply, const double *update, int update_cells,
    const int16_t *hist_codes, double *hist, int cells, int from, int to);
int ebm_loss(const ebm_isa *isa, const ebm_rows *r, const int16_t *apply, const double *update, int update_cells,
    int from, int to, double *out);
/* Adds stored gradients and hessians (grad[i*k + c], hess[i*k + c]) into the histogram. */
int ebm_histogram(const ebm_isa *isa, int k, const int16_t *codes, const double *grad, const double *hess,
    double *hist, int cells, int from, int to);
int ebm_gradients(const ebm_isa *isa, const ebm_rows *r, const int16_t *apply, const double *update,
    int update_cells, double *grad, double *hess, int from, int to);

#endif
