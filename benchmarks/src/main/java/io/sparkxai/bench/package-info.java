/** Bench commands (plain mains) and JMH benchmarks; results and the commands that made them in benchmarks/results/. */
package io.sparkxai.bench;
