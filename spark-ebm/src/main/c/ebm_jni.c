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

/* The row arguments of a JNI call, as Java passed them. */
typedef struct {
  jint objective;
  jint k;
  jfloatArray scores;
  jbyteArray classes;
  jfloatArray targets;
  jfloatArray weights;
  jshortArray apply;
  jdoubleArray update;
} java_rows;

/* A row call being prepared: the instruction set, the pinned arrays and what the kernel sees of them. */
typedef struct {
  const ebm_isa *isa;
  int update_cells;
  pins p;
  ebm_rows r;
  const int16_t *apply;
  const double *update;
} row_call;

/* Checks the arrays every row function reads; fills c's instruction set and update_cells. */
static int check_rows(JNIEnv *env, jint isa, const java_rows *j, jint from, jint to, row_call *c) {
  c->isa = isa_of(isa);
  if (c->isa == NULL || from < 0 || to < from || j->k < 1 || j->objective < EBM_LOGISTIC
      || j->objective > EBM_SOFTMAX) {
    return 0;
  }
  if ((j->objective != EBM_SOFTMAX && j->k != 1) || (j->objective == EBM_SOFTMAX && j->k < 2)) {
    return 0;
  }
  if (length(env, j->scores) < (jlong) to * j->k) {
    return 0;
  }
  if (j->objective == EBM_LOGISTIC ? length(env, j->classes) < to : length(env, j->targets) < to) {
    return 0;
  }
  if (j->weights != NULL && length(env, j->weights) < to) {
    return 0;
  }
  c->update_cells = 0;
  if (j->apply != NULL) {
    if (length(env, j->apply) < to || length(env, j->update) < j->k) {
      return 0;
    }
    c->update_cells = (int) (length(env, j->update) / j->k);
  }
  return 1;
}

/*
 * Pins the row arrays and the two arrays a call writes or reads besides them (each may be NULL);
 * returns 0 on failure, with everything released (an OutOfMemoryError is pending).
 */
static int pin_rows(JNIEnv *env, const java_rows *j, row_call *c, jarray extra1, void **out1, jarray extra2,
    void **out2) {
  c->p = (pins) {env, 0, {0}, {0}};
  pins *p = &c->p;
  void *s, *cl, *t, *w, *a, *u;
  int ok = pin(p, j->scores, &s) && pin(p, j->objective == EBM_LOGISTIC ? (jarray) j->classes : NULL, &cl)
      && pin(p, j->objective != EBM_LOGISTIC ? (jarray) j->targets : NULL, &t) && pin(p, j->weights, &w)
      && pin(p, j->apply, &a) && pin(p, j->apply != NULL ? (jarray) j->update : NULL, &u)
      && pin(p, extra1, out1) && pin(p, extra2, out2);
  if (!ok) {
    unpin_all(p);
    return 0;
  }
  c->r = (ebm_rows) {j->objective, j->k, (float *) s, (const uint8_t *) cl, (const float *) t, (const float *) w};
  c->apply = (const int16_t *) a;
  c->update = (const double *) u;
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
  java_rows j = {objective, k, scores, classes, targets, weights, apply, update};
  row_call c;
  jlong hist_len = length(env, hist);
  if (!check_rows(env, isa, &j, from, to, &c) || length(env, hist_codes) < to || hist_len < 2 * k
      || hist_len % (2 * k) != 0) {
    return EBM_ERR_ARGUMENT;
  }
  if (from == to) {
    return EBM_OK;
  }
  void *hc, *h;
  if (!pin_rows(env, &j, &c, hist_codes, &hc, hist, &h)) {
    return EBM_ERR_MEMORY;
  }
  int rc = ebm_fused(c.isa, &c.r, c.apply, c.update, c.update_cells, (const int16_t *) hc, (double *) h,
      (int) (hist_len / (2 * k)), from, to);
  unpin_all(&c.p);
  return rc;
}

JNIEXPORT jint JNICALL Java_io_sparkxai_ebm_kernel_NativeCalls_loss(JNIEnv *env, jclass cls, jint isa,
    jint objective, jint k, jfloatArray scores, jbyteArray classes, jfloatArray targets, jfloatArray weights,
    jshortArray apply, jdoubleArray update, jint from, jint to, jdoubleArray out) {
  (void) cls;
  java_rows j = {objective, k, scores, classes, targets, weights, apply, update};
  row_call c;
  if (length(env, out) < 1 || !check_rows(env, isa, &j, from, to, &c)) {
    return EBM_ERR_ARGUMENT;
  }
  double loss = 0;
  int rc = EBM_OK;
  if (from < to) {
    void *none1, *none2;
    if (!pin_rows(env, &j, &c, NULL, &none1, NULL, &none2)) {
      return EBM_ERR_MEMORY;
    }
    rc = ebm_loss(c.isa, &c.r, c.apply, c.update, c.update_cells, from, to, &loss);
    unpin_all(&c.p);
  }
  (*env)->SetDoubleArrayRegion(env, out, 0, 1, &loss);
  return rc;
}

JNIEXPORT jint JNICALL Java_io_sparkxai_ebm_kernel_NativeCalls_gradients(JNIEnv *env, jclass cls, jint isa,
    jint objective, jint k, jfloatArray scores, jbyteArray classes, jfloatArray targets, jfloatArray weights,
    jshortArray apply, jdoubleArray update, jdoubleArray grad, jdoubleArray hess, jint from, jint to) {
  (void) cls;
  java_rows j = {objective, k, scores, classes, targets, weights, apply, update};
  row_call c;
  if (!check_rows(env, isa, &j, from, to, &c) || length(env, grad) < (jlong) to * k
      || length(env, hess) < (jlong) to * k) {
    return EBM_ERR_ARGUMENT;
  }
  if (from == to) {
    return EBM_OK;
  }
  void *g, *h;
  if (!pin_rows(env, &j, &c, grad, &g, hess, &h)) {
    return EBM_ERR_MEMORY;
  }
  int rc = ebm_gradients(c.isa, &c.r, c.apply, c.update, c.update_cells, (double *) g, (double *) h, from, to);
  unpin_all(&c.p);
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
