/**
 * The EBM algorithm with no Spark: binning ({@link io.sparkxai.ebm.core.ScanStats},
 * {@link io.sparkxai.ebm.core.Binning}, {@link io.sparkxai.ebm.core.FeatureBinning}), compact binned
 * shards ({@link io.sparkxai.ebm.core.BinnedShard}), cyclic boosting with interpretml's schedule
 * ({@link io.sparkxai.ebm.core.CyclicBooster} with {@code BoostSchedule} and {@code StoppingWindow};
 * tree updates from {@link io.sparkxai.ebm.core.MainTreeFitter} with {@code SplitFinder}, and
 * {@link io.sparkxai.ebm.core.PairTreeFitter}), outer bags and FAST pair selection
 * ({@link io.sparkxai.ebm.core.BagFitter}, {@link io.sparkxai.ebm.core.PairRanking}), the per-shard
 * merge of the distributed mode ({@link io.sparkxai.ebm.core.ShardMerge}), monotone constraints
 * ({@link io.sparkxai.ebm.core.MonotoneSteps}, {@link io.sparkxai.ebm.core.Isotonic},
 * {@link io.sparkxai.ebm.core.Monotonize}), the model with its explanations
 * ({@link io.sparkxai.ebm.core.EbmModel}, {@link io.sparkxai.ebm.core.ModelAssembler}, with the outer
 * bags behind it, {@link io.sparkxai.ebm.core.OuterBags}), what happens to a model after its fit:
 * merges of models trained apart ({@link io.sparkxai.ebm.core.ModelMerge} with {@code BinUnion},
 * {@code TermMaps} and {@code CellWeights}), edits ({@link io.sparkxai.ebm.core.ModelEdits}) and the
 * binnings of a warm start on a new batch ({@link io.sparkxai.ebm.core.Binning#widen}); and the model
 * as portable JSON, spark-ebm's or interpretml's ({@link io.sparkxai.ebm.core.EbmJson} with
 * {@link io.sparkxai.ebm.core.EbmBagsJson}, {@link io.sparkxai.ebm.core.InterpretJson}), scored without
 * Spark by {@link io.sparkxai.ebm.core.EbmScorer}.
 *
 * <p>interpretml 0.7.8 is the reference for semantics and defaults. Where this package differs, on
 * purpose: categorical levels are ordered by frequency (interpretml: alphabetically; the order only
 * matters for random smoothing splits and ties); levels seen fewer than {@code minCatSamples} times
 * share the "other" bin at binning time (interpretml pools them in every step, with the same effect),
 * so a level never seen in training is scored like the rare ones rather than 0; quantile cuts are
 * midpoints rather than "interpretable" short decimals; pair bins are unions of main bins (cuts
 * snapped to the nearest main cut); random streams are our own, so results match interpretml's in
 * distribution, not bit for bit; with monotone constraints and more than two leaves, an update that is
 * not ordered across the tree becomes one Newton step (libebm checks each split alone); isotonic
 * regression keeps zero-weight bins between their neighbours (scikit-learn interpolates them, or gives
 * NaN past the last weighted bin).
 */
package io.sparkxai.ebm.core;
