package io.sparkxai.nn;

import io.sparkxai.testkit.NoScalarOverloads;
import org.junit.jupiter.api.Test;

/**
 * spark-lrp never calls DJL's {@code NDArray} methods that take a {@code Number} (see
 * {@link NoScalarOverloads} for why; in spark-lrp the gradient is the relevance). The rule covers
 * every class of the module, not only the autograd paths, so a use cannot move into one unnoticed.
 */
class NoScalarOverloadsTest {

  @Test
  void noNumberOverloadsOfNdArray() {
    NoScalarOverloads.check("the scalar's buffer is freed while autograd still reads it (use Scalars.like)",
        "io.sparkxai.nn", "io.sparkxai.lrp");
  }
}
