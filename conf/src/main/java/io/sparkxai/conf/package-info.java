/**
 * Typed configuration for every Spark XAI command, from HOCON: the defaults in
 * {@code reference.conf}, then a {@code --config FILE}, then command-line flags (later wins).
 * {@link io.sparkxai.conf.SparkXaiConfig#load} validates the merged result before anything starts:
 * an unknown key or a bad value throws {@link io.sparkxai.conf.ConfigValidationException} naming the
 * key, the value and what is allowed. The rules for values live in {@link io.sparkxai.conf.ConfigRules}.
 */
package io.sparkxai.conf;
