package io.sparkxai.ebm.core;

import java.util.Arrays;

/**
 * Which rows of a shard validate a bag (interpretml's {@code make_bag}: train and validation drawn
 * without replacement, stratified by class for classification). A row's draw is
 * {@code u = hash(key, seed, bag)}; within each class the rows with the smallest {@code u} validate.
 * Class quotas follow interpretml: {@code floor(n * size)} validation rows in all, training counts per
 * class rounded down from their ideal share and the leftovers given to the classes furthest below it.
 * A user-given validation column overrides all of this.
 */
public final class ValidationSplit {

  private ValidationSplit() {}

  /**
   * The validation flags of a shard's rows.
   *
   * @param shard the rows
   * @param bag the outer bag index
   * @param seed the fit's seed
   * @param size the validation fraction in [0, 1)
   * @param classes the class count for stratification, or 0 (regression)
   */
  public static boolean[] choose(BinnedShard shard, int bag, long seed, double size, int classes) {
    int n = shard.size();
    boolean[] val = new boolean[n];
    if (shard.flagged()) {
      for (int i = 0; i < n; i++) {
        val[i] = shard.validation(i);
      }
      return val;
    }
    int total = (int) Math.floor(n * size);
    if (total <= 0 || n < 2) {
      return val;
    }
    total = Math.min(total, n - 1);
    double[] u = new double[n];
    long salt = StableHash.add(StableHash.add(StableHash.SEED, seed), (long) bag);
    for (int i = 0; i < n; i++) {
      u[i] = StableHash.unit(StableHash.add(salt, shard.key(i)));
    }
    int groups = classes > 0 ? classes : 1;
    int[] groupOf = new int[n];
    int[] groupSize = new int[groups];
    for (int i = 0; i < n; i++) {
      int g = classes > 0 ? (int) shard.label(i) : 0;
      groupOf[i] = g;
      groupSize[g]++;
    }
    int[] quota = validationQuotas(groupSize, n, total);
    for (int g = 0; g < groups; g++) {
      if (quota[g] == 0) {
        continue;
      }
      int[] members = new int[groupSize[g]];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (groupOf[i] == g) {
          members[m++] = i;
        }
      }
      int[] sorted = IndexSort.byKey(u, members);
      for (int j = 0; j < quota[g]; j++) {
        val[sorted[j]] = true;
      }
    }
    return val;
  }

  /** Validation rows per group so that the training counts are as close as possible to their ideal share. */
  static int[] validationQuotas(int[] groupSize, int n, int totalValidation) {
    int groups = groupSize.length;
    int trainTotal = n - totalValidation;
    double ideal = (double) trainTotal / n;
    int[] train = new int[groups];
    int left = trainTotal;
    for (int g = 0; g < groups; g++) {
      train[g] = (int) Math.floor(ideal * groupSize[g]);
      left -= train[g];
    }
    while (left > 0) {
      int best = -1;
      double bestGap = Double.NEGATIVE_INFINITY;
      for (int g = 0; g < groups; g++) {
        if (train[g] < groupSize[g]) {
          double gap = ideal * groupSize[g] - train[g];
          if (gap > bestGap) {
            bestGap = gap;
            best = g;
          }
        }
      }
      train[best]++;
      left--;
    }
    int[] quota = new int[groups];
    for (int g = 0; g < groups; g++) {
      quota[g] = groupSize[g] - train[g];
    }
    return Arrays.copyOf(quota, groups);
  }
}
