/**
 * Integration tests on a real Spark standalone cluster, and the harness later tests reuse.
 *
 * <p>{@link io.sparkxai.it.StandaloneCluster} starts a master and workers as separate JVMs on
 * 127.0.0.1 from a Spark home the build assembles out of Maven jars ({@link io.sparkxai.it.SparkHome});
 * {@link io.sparkxai.it.StandaloneCluster#submit} runs an application through {@code spark-submit}
 * ({@link io.sparkxai.it.Submission}, {@link io.sparkxai.it.SparkApp}); executor JVMs are seen, and
 * can be killed, as {@link io.sparkxai.it.ExecutorJvm}s. {@link io.sparkxai.it.StandaloneClusterExtension}
 * shares one cluster across test classes and attaches the cluster's logs to failures.
 * {@link io.sparkxai.it.ProcessReaper} stops every process the tests started, also when they fail or
 * the JVM is interrupted. Tests are {@code *IT} classes run by failsafe in {@code mvn verify}.
 */
package io.sparkxai.it;
