/**
 * The commands of {@code bin/spark-xai}, one class each (a {@link io.sparkxai.jobs.JobCommand}),
 * dispatched by {@link io.sparkxai.jobs.Main}. The same {@code Main} runs under
 * {@code spark-submit --class io.sparkxai.jobs.Main}. A command turns its flags into configuration
 * keys and stage params and calls the library, which checks them; it validates before Spark starts
 * (bad usage: one line, exit code 2), prints a one-line summary, and can write a metrics JSON file.
 * Flags that several commands take are picocli mixins: {@link io.sparkxai.jobs.CommonOptions},
 * {@link io.sparkxai.jobs.TrainingData}, {@link io.sparkxai.jobs.MetricsOption},
 * {@link io.sparkxai.jobs.SeedOption}, {@link io.sparkxai.jobs.ModelOutOption}.
 */
package io.sparkxai.jobs;
