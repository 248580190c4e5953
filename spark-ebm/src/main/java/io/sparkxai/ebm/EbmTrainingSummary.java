package io.sparkxai.ebm;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a fit did, kept with the model (and saved with it): rows used and skipped, how the work was
 * split, boosting steps and best validation loss per bag, the pairs chosen, and where the time went.
 *
 * @param rows training rows used
 * @param skippedRows rows skipped for a null/NaN/infinite label or a bad weight ({@code handleInvalid=skip})
 * @param infiniteValues feature values that were +/- infinity (binned into the outermost value bins)
 * @param outerBags outer bags
 * @param shards shards per bag
 * @param mode "exact" (each bag boosted in one task) or "sharded" (per-shard rounds merged by the driver)
 * @param syncs merges run (sharded mode; 0 in exact mode)
 * @param mainSteps boosting steps of the mains, per bag
 * @param pairSteps boosting steps of the pairs, per bag
 * @param validationLoss best validation loss per bag (of the last stage)
 * @param pairs the pairs boosted
 * @param kernel the histogram kernel that ran the boosting
 * @param seconds wall seconds per phase (scan, shard, mains, pairs, finish) and in total
 */
public record EbmTrainingSummary(long rows, long skippedRows, long infiniteValues, int outerBags, int shards,
    String mode, int syncs, List<Long> mainSteps, List<Long> pairSteps, List<Double> validationLoss,
    List<String> pairs, String kernel, Map<String, Double> seconds) implements Serializable {

  /** Total boosting steps over all bags and stages. */
  public long totalSteps() {
    long n = 0;
    for (long s : mainSteps) {
      n += s;
    }
    for (long s : pairSteps) {
      n += s;
    }
    return n;
  }

  /** Mean steps per bag ("rounds" in the CLI's metrics): steps / bags. */
  public double stepsPerBag() {
    return outerBags == 0 ? 0 : (double) totalSteps() / outerBags;
  }
}
