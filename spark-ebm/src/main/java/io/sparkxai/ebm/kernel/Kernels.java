package io.sparkxai.ebm.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link HistogramKernel} to use: every implementation registered through
 * {@link ServiceLoader}, the available one with the highest rank, chosen once per JVM and logged in
 * one line. The system property {@code sparkxai.kernel} ({@value #PROPERTY}) forces one by name;
 * forcing one that is unknown or unavailable is an error that says why. The property is read at
 * every {@link #selected()} (once per task), so setting it between fits changes the next fit's kernel
 * (each choice is made and logged once).
 */
public final class Kernels {

  /** The system property that forces a kernel by name. */
  public static final String PROPERTY = "sparkxai.kernel";

  private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);
  private static final ConcurrentHashMap<String, HistogramKernel> CHOSEN = new ConcurrentHashMap<>();

  private Kernels() {}

  /**
   * The kernel of this JVM, chosen on first use (per value of {@value #PROPERTY}).
   *
   * @throws IllegalArgumentException when the property names a kernel that is unknown or unavailable
   */
  public static HistogramKernel selected() {
    String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
    HistogramKernel k = CHOSEN.get(forced);
    if (k == null) {
      k = CHOSEN.computeIfAbsent(forced, f -> {
        List<HistogramKernel> all = all();
        HistogramKernel chosen = choose(f, all);
        LOG.info("EBM histogram kernel: {} (available: {})", chosen.description(), describe(all));
        return chosen;
      });
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
