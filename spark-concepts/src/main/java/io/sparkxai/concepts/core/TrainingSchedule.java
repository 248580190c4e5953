package io.sparkxai.concepts.core;

import java.io.Serializable;

/**
 * Which optimisation steps one training task runs. Steps are numbered globally: step {@code s} of
 * shard {@code shard} takes mini-batch {@code s mod L} of the shard's epoch {@code s div L}, where
 * {@code L = ceil(rows / batchSize)} and each epoch's row order is a permutation drawn from
 * {@code (seed, shard, epoch)} alone; so a run cut into several tasks takes exactly the batches one
 * task would have taken.
 *
 * @param seed the training seed
 * @param shard the shard index
 * @param firstStep the first global step to run
 * @param steps how many steps to run
 * @param batchSize rows per step; 0 (or at least the shard's rows) for full-batch steps
 */
public record TrainingSchedule(long seed, int shard, long firstStep, long steps, int batchSize) implements Serializable {

  /** Validates the values. */
  public TrainingSchedule {
    if (firstStep < 0 || steps < 0 || batchSize < 0 || shard < 0) {
      throw new IllegalArgumentException("a schedule needs non-negative shard, steps and batch size: shard " + shard
          + ", first step " + firstStep + ", steps " + steps + ", batch size " + batchSize);
    }
  }

  /** Steps per epoch for {@code rows} rows: 1 for full batches, else ceil(rows / batchSize). */
  public static long stepsPerEpoch(long rows, int batchSize) {
    return batchSize <= 0 || batchSize >= rows ? 1 : (rows + batchSize - 1) / batchSize;
  }
}
