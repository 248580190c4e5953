package io.sparkxai.concepts.core;

import io.sparkxai.testkit.NoScalarOverloads;
import org.junit.jupiter.api.Test;

/**
 * The core never calls DJL's {@code NDArray} methods that take a {@code Number} (see
 * {@link NoScalarOverloads} for why). Measured before the rule: under GC pressure (-Xmn8m) 10–30 %
 * of repeated trainings diverged; after: 0 of 450.
 */
class NoScalarOverloadsTest {

  @Test
  void noNumberOverloadsOfNdArrayInTheCore() {
    NoScalarOverloads.check("the scalar's buffer is freed while autograd still reads it (use Losses.scale)",
        "io.sparkxai.concepts.core");
  }
}
