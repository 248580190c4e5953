package io.sparkxai.ebm.core;

/**
 * What one {@link CyclicBooster#run} produced.
 *
 * @param tensors per term, the kept model (the best on validation when early stopping ran, else the last)
 * @param steps boosting steps applied
 * @param rounds schedule rounds started
 * @param metric the validation loss of the kept model (NaN without validation rows)
 * @param stoppedEarly whether early stopping ended the run
 */
public record BoostOutcome(double[][] tensors, long steps, int rounds, double metric, boolean stoppedEarly) {}
