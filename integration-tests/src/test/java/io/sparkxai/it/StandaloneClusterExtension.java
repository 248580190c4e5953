package io.sparkxai.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives tests a {@link StandaloneCluster} parameter: one shared cluster ({@code "shared"}: 2 workers
 * of 1 core and 1 GB) for the whole test run, started on first use and stopped when all tests are
 * done (JUnit closes it with the root context; the JVM's exit would too). Starting a cluster costs
 * ~10 s, so test classes share it; a test that breaks its cluster (kills a worker or the master)
 * starts its own with {@link StandaloneCluster#builder}.
 *
 * <p>When a test or a lifecycle method fails, the tails of the cluster's logs are attached to the
 * failure, so a CI report shows what the master, the workers and the executors said.
 *
 * <pre>{@code
 * @ExtendWith(StandaloneClusterExtension.class)
 * class MyIT {
 *   @Test void runs(StandaloneCluster cluster) throws Exception {
 *     cluster.submit(Submission.of("demo", "--parts", "baseline")).awaitSuccess(Duration.ofMinutes(3));
 *   }
 * }
 * }</pre>
 */
public final class StandaloneClusterExtension
    implements ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
      StandaloneClusterExtension.class);
  private static final String KEY = "shared-cluster";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StandaloneCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // the root store outlives every test class and closes AutoCloseable values at the end of the run
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> {
      try {
        return StandaloneCluster.builder("shared").start();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting the cluster", e);
      }
    }, StandaloneCluster.class);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    throw withClusterLogs(context, failure);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withClusterLogs(context, failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withClusterLogs(context, failure);
  }

  private static Throwable withClusterLogs(ExtensionContext context, Throwable failure) {
    StandaloneCluster cluster = context.getRoot().getStore(NAMESPACE).get(KEY, StandaloneCluster.class);
    // a failure raised by this harness already carries the logs
    if (cluster != null && !String.valueOf(failure.getMessage()).contains(cluster.dir().toString())) {
      failure.addSuppressed(new ClusterLogs(cluster.diagnostics()));
    }
    return failure;
  }

  /** The tails of a cluster's logs, attached to a failed test. */
  static final class ClusterLogs extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClusterLogs(String logs) {
      super(logs, null, false, false);
    }
  }
}
