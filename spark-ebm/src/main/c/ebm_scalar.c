/*
 * The scalar instruction set: plain C for any x86-64 CPU (compiled for the baseline ISA), and the
 * reference every SIMD version must match bit for bit.
 */
#include "ebm_kernel.h"
#include "ebm_math.h"

static int binary_gh(float *s, const uint8_t *y, const float *w, const int16_t *apply, const double *update,
    double *gh, int n) {
  int bad = 0;
  for (int j = 0; j < n; j++) {
    double sd = ebm_apply(s, apply, update, j);
    bad |= !ebm_finite(sd);
    ebm_binary_row(sd, y[j] != 0, w ? (double) w[j] : 1.0, w != NULL, &gh[2 * j], &gh[2 * j + 1]);
  }
  return bad ? EBM_ERR_NON_FINITE : EBM_OK;
}

static int squared_gh(float *s, const float *y, const float *w, const int16_t *apply, const double *update,
    double *gh, int n) {
  int bad = 0;
  for (int j = 0; j < n; j++) {
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

static int binary_loss(float *s, const uint8_t *y, const float *w, const int16_t *apply, const double *update,
    double acc[8], int n) {
  int bad = 0;
  for (int j = 0; j < n; j++) {
    double sd = ebm_apply(s, apply, update, j);
    bad |= !ebm_finite(sd);
    acc[j & 7] += ebm_binary_loss_row(sd, y[j] != 0, w ? (double) w[j] : 1.0, w != NULL);
  }
  return bad ? EBM_ERR_NON_FINITE : EBM_OK;
}

static int squared_loss(float *s, const float *y, const float *w, const int16_t *apply, const double *update,
    double acc[8], int n) {
  int bad = 0;
  for (int j = 0; j < n; j++) {
    double sd = ebm_apply(s, apply, update, j);
    bad |= !ebm_finite(sd);
    double d = sd - (double) y[j];
    double l = d * d;
    acc[j & 7] += w ? l * (double) w[j] : l;
  }
  return bad ? EBM_ERR_NON_FINITE : EBM_OK;
}

static void exp_array(const double *x, double *out, int n) {
  for (int j = 0; j < n; j++) {
    out[j] = ebm_exp(x[j]);
  }
}

static void log_array(const double *x, double *out, int n) {
  for (int j = 0; j < n; j++) {
    out[j] = ebm_log(x[j]);
  }
}

static uint32_t max_code(const int16_t *codes, int n) {
  uint32_t m = 0;
  for (int j = 0; j < n; j++) {
    uint32_t c = (uint16_t) codes[j];
    m = c > m ? c : m;
  }
  return m;
}

const ebm_isa ebm_isa_scalar = {"scalar", binary_gh, squared_gh, binary_loss, squared_loss, exp_array, log_array,
    max_code};
