/**
 * The synthetic EBM benchmark data set: a seeded Java port of {@code gen_ebm_synthetic.py} (20 numeric
 * and 2 categorical features, a known additive logit with two pairwise interactions, 1% missing
 * values in {@code x5}). {@link io.sparkxai.ebm.synthetic.SyntheticEbmData} draws rows with no Spark;
 * {@link io.sparkxai.ebm.synthetic.SyntheticEbmDataFrames} makes them a DataFrame in parallel.
 * The same seed gives the same rows whatever the number of partitions: rows are drawn in fixed
 * chunks, each from its own stream seeded by (seed, split, chunk).
 */
package io.sparkxai.ebm.synthetic;
