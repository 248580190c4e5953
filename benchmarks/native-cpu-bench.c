/*
 * The native kernel's fused round and validation pass on the data of KernelBench (1,000,000 rows,
 * 22 features, every fourth with 8 bins and the others 1,021, scores N(0, 2), no weights), timed in
 * thread CPU time rather than wall time: on a shared machine a thread that waits for a core is not
 * charged, so two builds of the kernel can be compared while other work runs. Not a replacement for
 * the JMH figures (no JNI, no JVM); used to compare two versions of spark-ebm/src/main/c:
 *
 *   c=spark-ebm/src/main/c; f="-std=c11 -O3 -fPIC -ffp-contract=off -fno-math-errno -fno-strict-aliasing"
 *   gcc $f -I$c -c $c/ebm_kernel.c $c/ebm_cpu.c $c/ebm_scalar.c && gcc $f -I$c -mavx2 -mfma -fno-gcse -c $c/ebm_avx2.c \
 *     && gcc $f -I$c -mavx512f -mavx512dq -mavx512bw -mavx512vl -mavx2 -mfma -c $c/ebm_avx512.c \
 *     && gcc -O2 -I$c benchmarks/native-cpu-bench.c ebm_*.o -lm -o native-cpu-bench
 *   ./native-cpu-bench avx2 logistic 7     # instruction set, loss, measured rounds (after one warm-up)
 *
 * Prints the median over the rounds of the fused round (22 steps over the first 850,000 rows) and of
 * the validation pass (22 loss passes over the last 150,000), in milliseconds.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ebm_kernel.h"

#define ROWS 1000000
#define FEATURES 22
#define MAX_ROUNDS 64

static uint64_t state = 20240611;

static double uniform(void) {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double) (state >> 11) * 0x1.0p-53;
}

static double gaussian(void) {
  return sqrt(-2 * log(uniform() + 1e-300)) * cos(6.283185307179586 * uniform());
}

static double cpu_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int ascending(const void *a, const void *b) {
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s scalar|avx2|avx512 logistic|squared ROUNDS\n", argv[0]);
    return 2;
  }
  int level = !strcmp(argv[1], "avx512") ? EBM_ISA_AVX512 : !strcmp(argv[1], "avx2") ? EBM_ISA_AVX2 : EBM_ISA_SCALAR;
  if (level > ebm_cpu_best_isa()) {
    fprintf(stderr, "this CPU has no %s\n", argv[1]);
    return 2;
  }
  const ebm_isa *isa = level == EBM_ISA_AVX512 ? &ebm_isa_avx512 : level == EBM_ISA_AVX2 ? &ebm_isa_avx2 : &ebm_isa_scalar;
  int logistic = !strcmp(argv[2], "logistic");
  int rounds = atoi(argv[3]);
  rounds = rounds < 1 ? 1 : rounds > MAX_ROUNDS ? MAX_ROUNDS : rounds;
  int train = ROWS - ROWS * 15 / 100;

  float *scores = malloc(sizeof(float) * ROWS);
  float *targets = malloc(sizeof(float) * ROWS);
  uint8_t *classes = malloc(ROWS);
  for (int i = 0; i < ROWS; i++) {
    classes[i] = uniform() < 0.5;
    targets[i] = (float) gaussian();
    scores[i] = (float) (gaussian() * 2);
  }
  int16_t *codes[FEATURES];
  double *updates[FEATURES], *hists[FEATURES];
  int bins[FEATURES];
  for (int f = 0; f < FEATURES; f++) {
    bins[f] = f % 4 == 3 ? 8 : 1021;
    codes[f] = malloc(sizeof(int16_t) * ROWS);
    updates[f] = malloc(sizeof(double) * bins[f]);
    hists[f] = malloc(sizeof(double) * 2 * bins[f]);
    for (int i = 0; i < ROWS; i++) {
      codes[f][i] = (int16_t) (uniform() * bins[f]);
    }
    for (int b = 0; b < bins[f]; b++) {
      updates[f][b] = gaussian() * 1e-3;
    }
  }
  ebm_rows rows = {logistic ? EBM_LOGISTIC : EBM_SQUARED, 1, scores, classes, targets, NULL};

  double fused[MAX_ROUNDS], validation[MAX_ROUNDS];
  for (int round = -1; round < rounds; round++) {
    double t0 = cpu_ms();
    for (int f = 0; f < FEATURES; f++) {
      int prev = (f + FEATURES - 1) % FEATURES;
      memset(hists[f], 0, sizeof(double) * 2 * bins[f]);
      if (ebm_fused(isa, &rows, codes[prev], updates[prev], bins[prev], codes[f], hists[f], bins[f], 0, train)) {
        fprintf(stderr, "fused step failed\n");
        return 1;
      }
    }
    double t1 = cpu_ms();
    for (int f = 0; f < FEATURES; f++) {
      double loss;
      ebm_loss(isa, &rows, codes[f], updates[f], bins[f], train, ROWS, &loss);
    }
    double t2 = cpu_ms();
    if (round >= 0) {
      fused[round] = t1 - t0;
      validation[round] = t2 - t1;
    }
  }
  qsort(fused, rounds, sizeof(double), ascending);
  qsort(validation, rounds, sizeof(double), ascending);
  printf("%s %s fused %.2f validation %.2f ms cpu (median of %d)\n", argv[1], argv[2], fused[rounds / 2],
      validation[rounds / 2], rounds);
  return 0;
}
