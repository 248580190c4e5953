package io.sparkxai.ebm.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code libsparkxai_ebm.so} once per JVM (XGBoost's {@code NativeLibLoader} and DJL's
 * {@code LibUtils} do the same): the file named by {@value #PATH_PROPERTY} if set, else the copy in
 * the jar under {@code native/linux-x86_64/}, extracted to a temporary file (deleted right after
 * loading: Linux keeps the mapping) and {@link System#load}ed; then the library's interface version is
 * checked and its instruction set chosen (the CPU's best, capped by {@value #ISA_PROPERTY}). Nothing
 * here throws: any failure becomes a {@link Status} with the reason, logged in one line, and the Java
 * kernels are used.
 */
final class NativeLibrary {

  /** The library's file name. */
  static final String FILE_NAME = "libsparkxai_ebm.so";
  /** The interface version this class expects ({@code EBM_ABI_VERSION} in ebm_kernel.h). */
  static final int ABI_VERSION = 1;
  /** A system property naming a library file to load instead of the jar's copy. */
  static final String PATH_PROPERTY = "sparkxai.kernel.native.path";
  /** A system property capping the instruction set: {@code scalar}, {@code avx2} or {@code avx512}. */
  static final String ISA_PROPERTY = "sparkxai.kernel.native.isa";
  /** Instruction set names by level. */
  static final String[] ISAS = {"scalar", "avx2", "avx512"};

  private static final Logger LOG = LoggerFactory.getLogger(NativeLibrary.class);
  private static volatile Status status;

  private NativeLibrary() {}

  /**
   * The outcome of loading.
   *
   * @param loaded whether the library is loaded and usable
   * @param reason why not (empty when loaded)
   * @param source where it came from (a file or the jar's resource)
   * @param bestIsa the CPU's best instruction set level (-1 when not loaded)
   * @param isa the level the kernel runs (the best, capped by the property)
   */
  record Status(boolean loaded, String reason, String source, int bestIsa, int isa) {
    static Status failed(String reason) {
      return new Status(false, reason, "", -1, -1);
    }
  }

  /** This JVM's library status, loading on first use. */
  static Status status() {
    Status s = status;
    if (s == null) {
      synchronized (NativeLibrary.class) {
        s = status;
        if (s == null) {
          s = load(System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty(PATH_PROPERTY),
              NativeLibrary.class::getResource, System.getProperty(ISA_PROPERTY));
          if (s.loaded()) {
            LOG.info("native EBM kernel loaded from {} (instruction set {}, CPU best {})", s.source(), ISAS[s.isa()],
                ISAS[s.bestIsa()]);
          } else {
            LOG.warn("native EBM kernel unavailable: {}; the Java kernels will be used", s.reason());
          }
          status = s;
        }
      }
    }
    return s;
  }

  /**
   * Loads the library for a platform. Package-private for tests, which pass other platforms and
   * resource lookups.
   *
   * @param osName {@code os.name}
   * @param osArch {@code os.arch}
   * @param overridePath a library file to load instead, or null
   * @param resources finds a resource of the jar by absolute path (null when absent)
   * @param isaCap the highest instruction set to use ({@code scalar}, {@code avx2}, {@code avx512}), or null
   */
  static Status load(String osName, String osArch, String overridePath, Function<String, URL> resources,
      String isaCap) {
    int cap = ISAS.length - 1;
    if (isaCap != null && !isaCap.isBlank()) {
      cap = java.util.Arrays.asList(ISAS).indexOf(isaCap.trim().toLowerCase(Locale.ROOT));
      if (cap < 0) {
        return Status.failed("-D" + ISA_PROPERTY + "=" + isaCap + " is not one of " + String.join(", ", ISAS));
      }
    }
    String source;
    try {
      if (overridePath != null && !overridePath.isBlank()) {
        Path file = Paths.get(overridePath).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
          return Status.failed("-D" + PATH_PROPERTY + "=" + overridePath + " is not a file");
        }
        System.load(file.toString());
        source = file.toString();
      } else {
        String folder = NativePlatform.folder(osName, osArch);
        if (folder == null) {
          return Status.failed(NativePlatform.unsupported(osName, osArch));
        }
        String resource = NativePlatform.resource(folder);
        URL url = resources.apply(resource);
        if (url == null) {
          return Status.failed(resource.substring(1) + " is not in the jar (the build found no C compiler or ran "
              + "with -Dskip.native)");
        }
        Path tmp = Files.createTempFile("libsparkxai_ebm-", ".so");
        try {
          try (InputStream in = url.openStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          }
          System.load(tmp.toString());
        } finally {
          Files.deleteIfExists(tmp);
        }
        source = url.toString();
      }
      int abi = NativeCalls.abiVersion();
      if (abi != ABI_VERSION) {
        return Status.failed(source + " has interface version " + abi + ", this jar expects " + ABI_VERSION
            + " (a stale library?)");
      }
      int best = NativeCalls.bestIsa();
      return new Status(true, "", source, best, Math.min(best, cap));
    } catch (IOException e) {
      return Status.failed("could not extract the library to " + System.getProperty("java.io.tmpdir") + ": " + e);
    } catch (UnsatisfiedLinkError | SecurityException e) {
      return Status.failed("could not load the library: " + e.getMessage());
    }
  }
}
