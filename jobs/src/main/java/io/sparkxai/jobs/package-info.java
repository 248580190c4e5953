/**
 * The commands of {@code bin/spark-xai}, one class each, dispatched by {@link io.sparkxai.jobs.Main}.
 * The same {@code Main} runs under {@code spark-submit --class io.sparkxai.jobs.Main}. A command
 * validates its flags and configuration before Spark starts (bad usage: one line, exit code 2),
 * prints a one-line summary, and can write a metrics JSON file.
 */
package io.sparkxai.jobs;
