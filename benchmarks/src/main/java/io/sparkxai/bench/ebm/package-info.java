/**
 * End-to-end benches of spark-ebm: {@link io.sparkxai.bench.ebm.EbmBench} fits on UCI Adult and on
 * the synthetic set and records fit seconds, test AUC and a profile; {@link
 * io.sparkxai.bench.ebm.EbmLifecycleBench} measures merges of models fitted apart and training by batches
 * on UCI Adult; results and the exact command in {@code benchmarks/results/}.
 */
package io.sparkxai.bench.ebm;
