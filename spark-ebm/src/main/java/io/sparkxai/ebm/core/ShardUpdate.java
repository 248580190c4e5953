package io.sparkxai.ebm.core;

import java.io.Serializable;

/**
 * What one shard returns for one bag and sync: the validation loss of the model it was sent, the
 * change its local rounds made to each boosted term, and each term cell's hessian mass at the start
 * (summed per term, it weights the shards' changes in the merge).
 *
 * @param bag the outer bag
 * @param shard the shard
 * @param validationLoss sum of the weighted validation losses of the model as sent
 * @param validationWeight sum of the validation rows' weights
 * @param delta per boosted term, the change per cell and score
 * @param hessianMass per boosted term, the hessian sum per cell and score over the training rows
 * @param steps boosting steps run
 * @param kernel the histogram kernel that ran them
 */
public record ShardUpdate(int bag, int shard, double validationLoss, double validationWeight, double[][] delta,
    double[][] hessianMass, long steps, String kernel) implements Serializable {}
