/*
 * JNI functions of io.sparkxai.ebm.kernel.NativeCalls. Each call checks every array length against
 * the row range (so that a caller's mistake is an error code, never a stray write), pins the arrays
 * with GetPrimitiveArrayCritical for the duration of the call (no copy, no JNI call per row), runs the
 * entry point and releases them. Compiled for the baseline ISA.
 */
#include <jni.h>
#include <stddef.h>

#include "ebm_kernel.h"
#include "io_sparkxai_ebm_kernel_NativeCalls.h"

#define MAX_PINS 10

typedef struct {
  JNIEnv *env;
  int n;
  jarray arrays[MAX_PINS];
  void *ptrs[MAX_PINS];
} pins;

/* Pins a (possibly null) array; returns 0 when the JVM could not (an OutOfMemoryError is pending). */
static int pin(pins *p, jarray a, void **out) {
  *out = NULL;
  if (a == NULL) {
    return 1;
  }
  void *ptr = (*p->env)->GetPrimitiveArrayCritical(p->env, a, NULL);
  if (ptr == NULL) {
    return 0;
  }
  p->arrays[p->n] = a;
  p->ptrs[p->n] = ptr;
  p->n++;
  *out = ptr;
  return 1;
}

static void unpin_all(pins *p) {
  for (int i = p->n - 1; i >= 0; i--) {
    (*p->env)->ReleasePrimitiveArrayCritical(p->env, p->arrays[i], p->ptrs[i], 0);
  }
  p->n = 0;
}

static jlong length(JNIEnv *env, jarray a) {
  return a == NULL ? -1 : (jlong) (*env)->GetArrayLength(env, a);
}

static const ebm_isa *isa_of(int level) {
  if (level < 0 || level > ebm_cpu_best_isa()) {
    return NULL; /* never run instructions this CPU lacks */
  }
  return level == EBM_ISA_AVX512 ? &ebm_isa_avx512 : level == EBM_ISA_AVX2 ? &ebm_isa_avx2 : &ebm_isa_scalar;
}

/* Checks the arrays every row function reads; fills the row struct's scalars. */
static int check_rows(JNIEnv *env, jint objective, jint k, jfloatArray scores, jbyteArray classes,
    jfloatArray targets, jfloatArray weights, jshortArray apply, jdoubleArray update, jint from, jint to,
    int *update_cells) {
  if (from < 0 || to < from || k < 1 || objective < EBM_LOGISTIC || objective > EBM_SOFTMAX) {
    return 0;
  }
  if ((objective != EBM_SOFTMAX && k != 1) || (objective == EBM_SOFTMAX && k < 2)) {
    return 0;
  }
  if (length(env, scores) < (jlong) to * k) {
    return 0;
  }
  if (objective == EBM_LOGISTIC ? length(env, classes) < to : length(env, targets) < to) {
    return 0;
  }
  if (weights != NULL && length(env, weights) < to) {
    return 0;
  }
  *update_cells = 0;
  if (apply != NULL) {
    if (length(env, apply) < to || length(env, update) < k) {
      return 0;
    }
    *update_cells = (int) (length(env, update) / k);
  }
  return 1;
}

/* Pins the row arrays into r and the update arrays; returns 0 on failure (everything released). */
static int pin_rows(pins *p, ebm_rows *r, jint objective, jint k, jfloatArray scores, jbyteArray classes,
    jfloatArray targets, jfloatArray weights, jshortArray apply, jdoubleArray update, const int16_t **ap,
    const double **up) {
  void *s, *c, *t, *w, *a, *u;
  int ok = pin(p, scores, &s) && pin(p, objective == EBM_LOGISTIC ? (jarray) classes : NULL, &c)
      && pin(p, objective != EBM_LOGISTIC ? (jarray) targets : NULL, &t) && pin(p, weights, &w)
      && pin(p, apply, &a) && pin(p, apply != NULL ? (jarray) update : NULL, &u);
  if (!ok) {
    unpin_all(p);
    return 0;
  }
  r->objective = objective;
  r->k = k;
  r->scores = (float *) s;
  r->classes = (const uint8_t *) c;
  r->targets = (const float *) t;
  r->weights = (const float *) w;
  *ap = (const int16_t *) a;
  *up = (const double *) u;
  return 1;
}

JNIEXPORT jint JNICALL Java_io_sparkxai_ebm_kernel_NativeCalls_abiVersion(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  return EBM_ABI_VERSION;
}

JNIEXPORT jint JNICALL Java_io_sparkxai_ebm_kernel_NativeCalls_bestIsa(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  return ebm_cpu_best_isa();
}

JNIEXPORT jint JNICALL Java_io_sparkxai_ebm_kernel_NativeCalls_cpuFeatures(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  return ebm_cpu_features();
}

JNIEXPORT jint JNICALL Java_io_sparkxai_ebm_kernel_NativeCalls_fused(JNIEnv *env, jclass cls, jint isa,
    jint objective, jint k, jfloatArray scores, jbyteArray classes, jfloatArray targets, jfloatArray weights,
    jshortArray apply, jdoubleArray update, jshortArray hist_codes, jdoubleArray hist, jint from, jint to) {
  (void) cls;
  const ebm_isa *set = isa_of(isa);
  int update_cells;
  if (set == NULL || !check_rows(env, objective, k, scores, classes, targets, weights, apply, update, from, to,
      &update_cells)) {
    return EBM_ERR_ARGUMENT;
  }
  jlong hist_len = length(env, hist);
  if (length(env, hist_codes) < to || hist_len < 2 * k || hist_len % (2 * k) != 0) {
    return EBM_ERR_ARGUMENT;
  }
  if (from == to) {
    return EBM_OK;
  }
  pins p = {env, 0, {0}, {0}};
  ebm_rows r;
  const int16_t *ap;
  const double *up;
  void *hc, *h;
  if (!pin_rows(&p, &r, objective, k, scores, classes, targets, weights, apply, update, &ap, &up)) {
    return EBM_ERR_MEMORY;
  }
  if (!pin(&p, hist_codes, &hc) || !pin(&p, hist, &h)) {
    unpin_all(&p);
    return EBM_ERR_MEMORY;
  }
  int rc = ebm_fused(set, &r, ap, up, update_cells, (const int16_t *) hc, (double *) h, (int) (hist_len / (2 * k)),
      from, to);
  unpin_all(&p);
  return rc;
}

JNIEXPORT jint JNICALL Java_io_sparkxai_ebm_kernel_NativeCalls_loss(JNIEnv *env, jclass cls, jint isa,
    jint objective, jint k, jfloatArray scores, jbyteArray classes, jfloatArray targets, jfloatArray weights,
    jshortArray apply, jdoubleArray update, jint from, jint to, jdoubleArray out) {
  (void) cls;
  const ebm_isa *set = isa_of(isa);
  int update_cells;
  if (set == NULL || length(env, out) < 1 || !check_rows(env, objective, k, scores, classes, targets, weights,
      apply, update, from, to, &update_cells)) {
    return EBM_ERR_ARGUMENT;
  }
  double loss = 0;
  int rc = EBM_OK;
  if (from < to) {
    pins p = {env, 0, {0}, {0}};
    ebm_rows r;
    const int16_t *ap;
    const double *up;
    if (!pin_rows(&p, &r, objective, k, scores, classes, targets, weights, apply, update, &ap, &up)) {
      return EBM_ERR_MEMORY;
    }
    rc = ebm_loss(set, &r, ap, up, update_cells, from, to, &loss);
    unpin_all(&p);
  }
  (*env)->SetDoubleArrayRegion(env, out, 0, 1, &loss);
  return rc;
}

JNIEXPORT jint JNICALL Java_io_sparkxai_ebm_kernel_NativeCalls_gradients(JNIEnv *env, jclass cls, jint isa,
    jint objective, jint k, jfloatArray scores, jbyteArray classes, jfloatArray targets, jfloatArray weights,
    jshortArray apply, jdoubleArray update, jdoubleArray grad, jdoubleArray hess, jint from, jint to) {
  (void) cls;
  const ebm_isa *set = isa_of(isa);
  int update_cells;
  if (set == NULL || !check_rows(env, objective, k, scores, classes, targets, weights, apply, update, from, to,
      &update_cells)) {
    return EBM_ERR_ARGUMENT;
  }
  if (length(env, grad) < (jlong) to * k || length(env, hess) < (jlong) to * k) {
    return EBM_ERR_ARGUMENT;
  }
  if (from == to) {
    return EBM_OK;
  }
  pins p = {env, 0, {0}, {0}};
  ebm_rows r;
  const int16_t *ap;
  const double *up;
  void *g, *h;
  if (!pin_rows(&p, &r, objective, k, scores, classes, targets, weights, apply, update, &ap, &up)) {
    return EBM_ERR_MEMORY;
  }
  if (!pin(&p, grad, &g) || !pin(&p, hess, &h)) {
    unpin_all(&p);
    return EBM_ERR_MEMORY;
  }
  int rc = ebm_gradients(set, &r, ap, up, update_cells, (double *) g, (double *) h, from, to);
  unpin_all(&p);
  return rc;
}

JNIEXPORT jint JNICALL Java_io_sparkxai_ebm_kernel_NativeCalls_histogram(JNIEnv *env, jclass cls, jint isa, jint k,
    jshortArray codes, jdoubleArray grad, jdoubleArray hess, jdoubleArray hist, jint from, jint to) {
  (void) cls;
  const ebm_isa *set = isa_of(isa);
  jlong hist_len = length(env, hist);
  if (set == NULL || from < 0 || to < from || k < 1 || length(env, codes) < to || length(env, grad) < (jlong) to * k
      || length(env, hess) < (jlong) to * k || hist_len < 2 * k || hist_len % (2 * k) != 0) {
    return EBM_ERR_ARGUMENT;
  }
  if (from == to) {
    return EBM_OK;
  }
  pins p = {env, 0, {0}, {0}};
  void *c, *g, *h, *o;
  if (!pin(&p, codes, &c) || !pin(&p, grad, &g) || !pin(&p, hess, &h) || !pin(&p, hist, &o)) {
    unpin_all(&p);
    return EBM_ERR_MEMORY;
  }
  int rc = ebm_histogram(set, k, (const int16_t *) c, (const double *) g, (const double *) h, (double *) o,
      (int) (hist_len / (2 * k)), from, to);
  unpin_all(&p);
  return rc;
}
