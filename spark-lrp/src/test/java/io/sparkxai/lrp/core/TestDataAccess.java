package io.sparkxai.lrp.core;

import java.io.IOException;
import java.nio.file.Path;

/** {@link TestData}'s CSV reader for tests outside this package. */
public final class TestDataAccess {

  private TestDataAccess() {}

  /** Rows of a header-less numeric CSV. */
  public static double[][] csv(Path p) throws IOException {
    return TestData.csv(p);
  }
}
