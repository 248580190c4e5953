package io.sparkxai.ebm.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link HistogramKernel} to use: every implementation registered through
 * {@link ServiceLoader}, the available one with the highest rank, chosen once per JVM and logged in
 * one line. The system property {@code sparkxai.kernel} ({@value #PROPERTY}) forces one by name;
 * forcing one that is unknown or unavailable is an error that says why.
 */
public final class Kernels {

  /** The system property that forces a kernel by name. */
  public static final String PROPERTY = "sparkxai.kernel";

  private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);
  private static volatile HistogramKernel selected;

  private Kernels() {}

  /** The kernel of this JVM, chosen on first use. */
  public static HistogramKernel selected() {
    HistogramKernel k = selected;
    if (k == null) {
      synchronized (Kernels.class) {
        k = selected;
        if (k == null) {
          k = choose(System.getProperty(PROPERTY), all());
          LOG.info("EBM histogram kernel: {} (available: {})", k.name(), describe(all()));
          selected = k;
        }
      }
    }
    return k;
  }

  /** Every registered kernel, available or not, highest rank first. */
  public static List<HistogramKernel> all() {
    List<HistogramKernel> out = new ArrayList<>();
    for (HistogramKernel k : ServiceLoader.load(HistogramKernel.class, Kernels.class.getClassLoader())) {
      out.add(k);
    }
    if (out.stream().noneMatch(k -> k instanceof JavaKernel)) {
      out.add(new JavaKernel()); // the reference is always there, even if the services file was lost in shading
    }
    out.sort(Comparator.comparingInt(HistogramKernel::rank).reversed());
    return out;
  }

  /**
   * The kernel named {@code forced}, or the best available one when {@code forced} is null or blank.
   *
   * @throws IllegalArgumentException when the forced kernel is unknown or unavailable
   */
  static HistogramKernel choose(String forced, List<HistogramKernel> kernels) {
    if (forced != null && !forced.isBlank()) {
      String name = forced.trim().toLowerCase(Locale.ROOT);
      for (HistogramKernel k : kernels) {
        if (k.name().equals(name)) {
          if (!k.isAvailable()) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + forced + ": the " + name
                + " kernel is not available: " + k.unavailableReason());
          }
          return k;
        }
      }
      throw new IllegalArgumentException("-D" + PROPERTY + "=" + forced + ": unknown kernel; kernels: "
          + String.join(", ", kernels.stream().map(HistogramKernel::name).toList()));
    }
    for (HistogramKernel k : kernels) {
      if (k.isAvailable()) {
        return k;
      }
    }
    return new JavaKernel();
  }

  private static String describe(List<HistogramKernel> kernels) {
    List<String> parts = new ArrayList<>();
    for (HistogramKernel k : kernels) {
      parts.add(k.name() + (k.isAvailable() ? "" : " [unavailable: " + k.unavailableReason() + "]"));
    }
    return String.join(", ", parts);
  }
}
