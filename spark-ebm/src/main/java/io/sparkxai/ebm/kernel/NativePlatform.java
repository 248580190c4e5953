package io.sparkxai.ebm.kernel;

import java.util.Locale;

/**
 * Which native build fits a JVM's operating system and architecture ({@code os.name},
 * {@code os.arch}). The library is built for 64-bit x86 Linux only, under
 * {@code native/linux-x86_64/} in the jar; everything else runs the Java kernels.
 */
final class NativePlatform {

  /** The only folder the build produces. */
  static final String LINUX_X86_64 = "linux-x86_64";

  private NativePlatform() {}

  /**
   * The folder under {@code native/} for this OS and architecture, or null when there is no build
   * for it. {@code os.arch} is {@code amd64} on Linux JDKs and {@code x86_64} on some others.
   */
  static String folder(String osName, String osArch) {
    String os = osName == null ? "" : osName.trim().toLowerCase(Locale.ROOT);
    String arch = osArch == null ? "" : osArch.trim().toLowerCase(Locale.ROOT);
    boolean linux = os.equals("linux") || os.startsWith("linux ");
    boolean x64 = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x86-64") || arch.equals("x64");
    return linux && x64 ? LINUX_X86_64 : null;
  }

  /** Why there is no build for this OS and architecture. */
  static String unsupported(String osName, String osArch) {
    return "no native kernel for " + osName + "/" + osArch + " (the library is built for " + LINUX_X86_64 + " only)";
  }

  /** The library's resource path for a platform folder. */
  static String resource(String folder) {
    return "/native/" + folder + "/" + NativeLibrary.FILE_NAME;
  }
}
