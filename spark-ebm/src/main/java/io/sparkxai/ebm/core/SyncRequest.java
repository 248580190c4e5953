package io.sparkxai.ebm.core;

import java.io.Serializable;
import java.util.List;

/**
 * What the driver sends to every shard of one bag for one sync of the merged (multi-shard) mode:
 * the bag's intercept, the frozen terms (the mains while pairs are boosted) and the boosted terms'
 * current tensors, how many schedule rounds are done and how many to run now.
 *
 * @param bag the outer bag
 * @param sync the sync number (seeds the shard's random stream)
 * @param stage "mains" or "pairs"
 * @param intercept per score
 * @param frozenFeatures features of the frozen terms
 * @param frozen tensors of the frozen terms
 * @param boostedFeatures features of the boosted terms
 * @param current tensors of the boosted terms
 * @param roundsDone schedule rounds already run (decides the smoothing rounds left)
 * @param rounds rounds to run in this sync (0: only evaluate)
 */
public record SyncRequest(int bag, int sync, String stage, double[] intercept, List<int[]> frozenFeatures,
    double[][] frozen, List<int[]> boostedFeatures, double[][] current, int roundsDone, int rounds)
    implements Serializable {}
