/**
 * Explainable Boosting Machines as Spark ML stages: {@link io.sparkxai.ebm.ExplainableBoostingClassifier}
 * and {@link io.sparkxai.ebm.ExplainableBoostingRegressor} fit
 * {@link io.sparkxai.ebm.ExplainableBoostingClassificationModel} and
 * {@link io.sparkxai.ebm.ExplainableBoostingRegressionModel}; {@link io.sparkxai.ebm.EbmExplainer} returns a
 * saved model's explanations (contributions, global explanation, importances, a description of the
 * model, the HTML report) as DataFrames, for clients such as Spark Connect that reach a model only
 * through stages with literal params. After a fit, {@link io.sparkxai.ebm.ExplainableBoostingModels}
 * merges models trained apart, the models edit themselves ({@code removeTerms}, {@code scaleTerm},
 * {@code sweep}), and {@link io.sparkxai.ebm.EbmModelEditor} does both from saved models by literal params
 * (the Spark Connect route). This package is the thin Spark layer:
 * it reads columns, runs the jobs of a fit ({@link io.sparkxai.ebm.EbmTrainer} runs its phases in
 * order: {@code ScanPhase} → {@code ShardPhase} → {@code ExactBoostPhase} or {@code ShardedBoostPhase}
 * → {@code FinishPhase}, each taking the previous phase's result) and delegates all arithmetic to
 * {@code io.sparkxai.ebm.core}.
 *
 * <p>Determinism: rows are keyed by a hash of their content (or {@code rowIdCol}); shards, bags and
 * validation rows follow from the keys and the seed, and every merge runs in shard order, so the
 * model is a function of the data, the seed and the params — the same for any input partitioning.
 * With {@code numShards = 0} the shard count follows from the row count alone
 * ({@link io.sparkxai.ebm.EbmSettings#SHARD_ROWS} rows per shard), never from the cluster.
 *
 * <p>Exact versus sharded: with one shard every outer bag boosts in one task exactly as interpretml
 * does (the bags run in parallel); with several, each sync runs {@code roundsPerSync} schedule rounds
 * per shard and the driver merges the changes weighted by hessian mass, stopping on the validation
 * loss summed over shards. Merging costs boosting steps: with the greedy schedule each shard needs
 * about 2.5 times the steps of the exact fit (a term boosted hard on one shard and little on another
 * gets the average), so sharding pays off only with more than two shards per bag on free cores; by
 * default a bag is sharded only above {@link io.sparkxai.ebm.EbmSettings#SHARD_ROWS} rows.
 */
package io.sparkxai.ebm;
