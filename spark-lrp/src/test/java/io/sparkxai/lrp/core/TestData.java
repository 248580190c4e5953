package io.sparkxai.lrp.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading the shared CSV fixtures and comparing relevance maps. */
final class TestData {

  private TestData() {}

  /** Rows of a header-less numeric CSV. */
  static double[][] csv(Path p) throws IOException {
    List<String> lines = Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList();
    double[][] out = new double[lines.size()][];
    for (int i = 0; i < out.length; i++) {
      String[] parts = lines.get(i).split(",");
      out[i] = new double[parts.length];
      for (int k = 0; k < parts.length; k++) {
        out[i][k] = Double.parseDouble(parts[k].strip());
      }
    }
    return out;
  }

  static double[] flatten(double[][] rows) {
    int w = rows[0].length;
    double[] out = new double[rows.length * w];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, out, r * w, w);
    }
    return out;
  }

  /** max |a - b| / max |b| over one row. */
  static double relativeError(double[] a, double[] b) {
    double diff = 0;
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      diff = Math.max(diff, Math.abs(a[i] - b[i]));
      max = Math.max(max, Math.abs(b[i]));
    }
    return max == 0 ? diff : diff / max;
  }

  static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }
}
