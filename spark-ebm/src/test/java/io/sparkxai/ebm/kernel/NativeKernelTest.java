package io.sparkxai.ebm.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The native kernel: loading (and every way it can fail), CPU detection against /proc/cpuinfo, the
 * three instruction sets giving the same bits, agreement with the Java reference within the
 * documented tolerance, refusals and edge cases.
 *
 * <p>The build writes {@code target/native/status}: "built ..." when it compiled the library, else
 * "skipped: reason" (no C compiler, -Dskip.native). With a library, every test runs and must pass;
 * without one, the tests that need it skip with that reason, and the one test that depends on the
 * absence checks that the kernel reports it and is not chosen.
 */
class NativeKernelTest {

  private static final Path STATUS = Paths.get("target", "native", "status");

  private static String buildStatus() throws IOException {
    return Files.isRegularFile(STATUS) ? Files.readString(STATUS).trim() : "skipped: no " + STATUS;
  }

  private static void assumeLoaded() throws IOException {
    String status = buildStatus();
    assumeTrue(status.startsWith("built"), "the build made no native library: " + status);
  }

  @Test
  void theKernelIsAvailableExactlyWhenTheBuildMadeTheLibrary() throws IOException {
    NativeKernel kernel = new NativeKernel();
    if (buildStatus().startsWith("built")) {
      assertTrue(kernel.isAvailable(), "built but not loaded: " + kernel.unavailableReason());
      assertTrue(kernel.description().startsWith("native ("), kernel.description());
      // chosen where it runs SIMD code; the scalar fallback is slower than the Java reference
      boolean simd = NativeLibrary.status().bestIsa() > 0;
      assertEquals(simd, Kernels.choose(null, Kernels.all()).name().equals("native"), kernel.description());
      assertEquals(simd ? 20 : -1, kernel.rank());
      assertEquals(-1, new NativeKernel(0).rank());
    } else {
      assertFalse(kernel.isAvailable());
      assertTrue(kernel.unavailableReason().contains("not in the jar"), kernel.unavailableReason());
      assertFalse(Kernels.choose(null, Kernels.all()).name().equals("native"));
      IllegalArgumentException forced = assertThrows(IllegalArgumentException.class,
          () -> Kernels.choose("native", Kernels.all()));
      assertTrue(forced.getMessage().contains("not in the jar"), forced.getMessage());
    }
  }

  /**
   * What a build without the library runs, checked in every build: the native kernel over the status
   * of a jar without the library (as {@code -Dskip.native} or a missing compiler leave it) is
   * unavailable, a Java kernel is chosen, and forcing {@code native} is an error that says why.
   */
  @Test
  void withoutTheLibraryAJavaKernelIsChosenAndForcingNativeSaysWhy() {
    NativeLibrary.Status absent = NativeLibrary.load("Linux", "amd64", null, r -> null, null);
    NativeKernel missing = new NativeKernel(-1, () -> absent);
    assertFalse(missing.isAvailable());
    assertEquals("native (unavailable)", missing.description());
    List<HistogramKernel> kernels = new java.util.ArrayList<>(Kernels.all());
    kernels.replaceAll(k -> k instanceof NativeKernel ? missing : k);
    HistogramKernel chosen = Kernels.choose(null, kernels);
    assertTrue(chosen instanceof JavaKernel || chosen instanceof VectorKernel, "chosen: " + chosen.name());
    assertTrue(chosen.isAvailable());
    IllegalArgumentException forced = assertThrows(IllegalArgumentException.class,
        () -> Kernels.choose("native", kernels));
    assertEquals("-Dsparkxai.kernel=native: the native kernel is not available: "
        + "native/linux-x86_64/libsparkxai_ebm.so is not in the jar (the build found no C compiler or ran with "
        + "-Dskip.native)", forced.getMessage());
    assertThrows(IllegalStateException.class, () -> missing.applyAndLoss(
        KernelAgreement.rows(Objective.LOGISTIC, 10, false, new SplittableRandom(1)), null, null, 0, 10));
    assertEquals("java", Kernels.choose("java", kernels).name(), "the reference can always be forced");
  }

  /**
   * The build script on a PATH without any C compiler, and with {@code -Dskip.native}: it succeeds,
   * removes a library left by an earlier build (so the jar cannot ship a stale one) and records why.
   */
  @Test
  void theBuildScriptSucceedsWithoutACompiler() throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("ebm-native-build");
    try {
      Path bin = Files.createDirectories(work.resolve("bin"));
      for (String tool : List.of("bash", "dirname", "mkdir", "rm", "uname")) {
        Files.createSymbolicLink(bin.resolve(tool), onPath(tool));
      }
      for (String[] run : List.of(new String[] {"gcc", "false", "skipped: no C compiler 'gcc' on the PATH"},
          new String[] {"gcc", "true", "skipped: -Dskip.native"})) {
        Path out = Files.createDirectories(work.resolve("out"));
        Path stale = Files.writeString(out.resolve(NativeLibrary.FILE_NAME), "stale");
        Path status = work.resolve("status");
        ProcessBuilder pb = new ProcessBuilder(bin.resolve("bash").toString(),
            Paths.get("src/main/c/build.sh").toAbsolutePath().toString(), out.toString(),
            work.resolve("include").toString(), System.getProperty("java.home"), status.toString(), run[0], run[1])
            .redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertEquals(run[2], Files.readString(status).trim(), output);
        assertFalse(Files.exists(stale), "a stale library is left for the jar");
        assertTrue(output.contains("the Java kernels will be used"), output);
      }
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static Path onPath(String tool) {
    for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
      Path p = Paths.get(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(tool + " is not on the PATH");
  }

  @Test
  void platformDetection() {
    assertEquals("linux-x86_64", NativePlatform.folder("Linux", "amd64"));
    assertEquals("linux-x86_64", NativePlatform.folder("Linux", "x86_64"));
    assertEquals("linux-x86_64", NativePlatform.folder("linux", "AMD64"));
    assertEquals(null, NativePlatform.folder("Linux", "aarch64"));
    assertEquals(null, NativePlatform.folder("Linux", "x86"));
    assertEquals(null, NativePlatform.folder("Mac OS X", "x86_64"));
    assertEquals(null, NativePlatform.folder("Windows 11", "amd64"));
    assertEquals(null, NativePlatform.folder(null, null));
    assertEquals("/native/linux-x86_64/libsparkxai_ebm.so", NativePlatform.resource("linux-x86_64"));
    assertTrue(NativePlatform.unsupported("Mac OS X", "aarch64").contains("Mac OS X/aarch64"));
  }

  @Test
  void loadingFailuresBecomeReasonsNotExceptions() {
    NativeLibrary.Status other = NativeLibrary.load("Mac OS X", "aarch64", null, r -> null, null);
    assertFalse(other.loaded());
    assertTrue(other.reason().contains("no native kernel for Mac OS X/aarch64"), other.reason());

    NativeLibrary.Status absent = NativeLibrary.load("Linux", "amd64", null, r -> null, null);
    assertFalse(absent.loaded());
    assertTrue(absent.reason().contains("native/linux-x86_64/libsparkxai_ebm.so is not in the jar"), absent.reason());

    NativeLibrary.Status noFile = NativeLibrary.load("Linux", "amd64", "/no/such/libsparkxai_ebm.so", r -> null, null);
    assertTrue(noFile.reason().contains("is not a file"), noFile.reason());

    NativeLibrary.Status badIsa = NativeLibrary.load("Linux", "amd64", null, r -> null, "sse9");
    assertTrue(badIsa.reason().contains("sparkxai.kernel.native.isa=sse9"), badIsa.reason());
  }

  @Test
  void aLibraryTheLinkerRefusesBecomesAReason() throws IOException {
    Path foreign = Files.createTempFile("aarch64-library", ".so");
    try {
      Files.write(foreign, aarch64ElfHeader());
      NativeLibrary.Status s = NativeLibrary.load("Linux", "amd64", null, r -> {
        try {
          return foreign.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
          throw new IllegalStateException(e);
        }
      }, null);
      assertFalse(s.loaded());
      assertTrue(s.reason().startsWith("could not load the library"), s.reason());
    } finally {
      Files.deleteIfExists(foreign);
    }
  }

  /**
   * The headers of an AArch64 shared object (ELF header and one PT_GNU_STACK read-write program
   * header, System V gABI): the dynamic linker refuses it at once for its machine type, and the JVM,
   * which reads PT_GNU_STACK before loading, has no reason to warn about an executable stack.
   */
  private static byte[] aarch64ElfHeader() {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64 + 56).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    b.putShort((short) 3); // ET_DYN
    b.putShort((short) 183); // EM_AARCH64
    b.putInt(1); // EV_CURRENT
    b.putLong(0); // entry
    b.putLong(64); // program headers right after this header
    b.putLong(0); // no section headers
    b.putInt(0); // flags
    b.putShort((short) 64).putShort((short) 56).putShort((short) 1); // header size, phdr size, phdr count
    b.putShort((short) 64).putShort((short) 0).putShort((short) 0); // shdr size, count, string index
    b.putInt(0x6474e551); // PT_GNU_STACK
    b.putInt(6); // PF_R | PF_W
    for (int i = 0; i < 6; i++) {
      b.putLong(0);
    }
    return b.array();
  }

  @Test
  void cpuDetectionAgreesWithProcCpuinfo() throws IOException {
    assumeLoaded();
    Path cpuinfo = Paths.get("/proc/cpuinfo");
    assumeTrue(Files.isReadable(cpuinfo), "needs /proc/cpuinfo");
    Set<String> flags = new HashSet<>();
    for (String line : Files.readAllLines(cpuinfo)) {
      if (line.startsWith("flags")) {
        flags.addAll(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
        break;
      }
    }
    // Linux lists AVX and AVX-512 flags only where the kernel saves their registers
    int expected = flags.containsAll(List.of("avx512f", "avx512dq", "avx512bw", "avx512vl", "avx2", "fma")) ? 2
        : flags.containsAll(List.of("avx2", "fma")) ? 1 : 0;
    assertEquals(expected, NativeCalls.bestIsa(), "features " + NativeCalls.cpuFeatures() + ", flags " + flags);
    assertEquals(expected, NativeLibrary.status().bestIsa());
  }

  @Test
  void everyInstructionSetGivesTheSameBits() throws IOException {
    assumeLoaded();
    int best = NativeLibrary.status().bestIsa();
    assumeTrue(best > 0, "this CPU has only the scalar instruction set");
    NativeKernel scalar = new NativeKernel(0);
    SplittableRandom r = new SplittableRandom(3);
    for (int isa = 1; isa <= best; isa++) {
      NativeKernel simd = new NativeKernel(isa);
      for (Objective o : Objective.values()) {
        for (boolean weighted : new boolean[] {false, true}) {
          for (int cells : KernelAgreement.CELLS) {
            String what = NativeLibrary.ISAS[isa] + " " + o + (weighted ? " weighted" : "") + " cells " + cells;
            int n = 4099;
            KernelRows a = KernelAgreement.rows(o, n, weighted, r);
            KernelRows b = a.withScores(a.scores().clone());
            short[] apply = KernelAgreement.codes(n, cells, r);
            short[] hcodes = KernelAgreement.codes(n, cells, r);
            double[] update = KernelAgreement.update(cells, a.k(), r);
            double[] h1 = new double[cells * a.k() * 2];
            double[] h2 = new double[cells * a.k() * 2];
            scalar.applyGradientsHistogram(a, apply, update, hcodes, h1, 5, n);
            simd.applyGradientsHistogram(b, apply, update, hcodes, h2, 5, n);
            assertArrayEquals(a.scores(), b.scores(), what + " scores");
            assertArrayEquals(h1, h2, what + " histogram");
            assertEquals(scalar.applyAndLoss(a, apply, update, 1, n - 2), simd.applyAndLoss(b, apply, update, 1, n - 2),
                what + " loss");
            double[] g1 = new double[n * a.k()];
            double[] g2 = new double[n * a.k()];
            double[] s1 = new double[n * a.k()];
            double[] s2 = new double[n * a.k()];
            scalar.applyAndGradients(a, null, null, g1, s1, 0, n);
            simd.applyAndGradients(b, null, null, g2, s2, 0, n);
            assertArrayEquals(g1, g2, what + " gradients");
            assertArrayEquals(s1, s2, what + " hessians");
            double[] t1 = new double[cells * a.k() * 2];
            double[] t2 = new double[cells * a.k() * 2];
            scalar.histogram(a.k(), hcodes, g1, s1, t1, 2, n);
            simd.histogram(a.k(), hcodes, g1, s1, t2, 2, n);
            assertArrayEquals(t1, t2, what + " stored histogram");
          }
        }
      }
    }
  }

  @Test
  void everyInstructionSetMatchesTheJavaReference() throws IOException {
    assumeLoaded();
    for (int isa = 0; isa <= NativeLibrary.status().bestIsa(); isa++) {
      KernelAgreement.matchesReference(new NativeKernel(isa), 1e-12);
    }
  }

  @Test
  void refusalsAndEdgeCases() throws IOException {
    assumeLoaded();
    NativeKernel kernel = new NativeKernel();
    KernelAgreement.refusesNonFiniteScores(kernel);
    KernelAgreement.edgeCases(kernel);

    SplittableRandom r = new SplittableRandom(5);
    KernelRows rows = KernelAgreement.rows(Objective.LOGISTIC, 2000, false, r);
    short[] codes = KernelAgreement.codes(2000, 10, r);
    codes[1234] = 10;
    KernelException range = assertThrows(KernelException.class,
        () -> kernel.applyGradientsHistogram(rows, null, null, codes, new double[20], 0, 2000));
    assertEquals(KernelException.Reason.CODE_OUT_OF_RANGE, range.reason());
    assertTrue(range.getMessage().contains("histogram bin code 10 at row 1234 is outside [0, 10)"), range.getMessage());
    codes[1234] = -3;
    short[] fine = KernelAgreement.codes(2000, 10, r);
    KernelException negative = assertThrows(KernelException.class,
        () -> kernel.applyAndLoss(rows, codes, new double[10], 0, 2000));
    assertTrue(negative.getMessage().contains("update bin code -3 at row 1234"), negative.getMessage());
    KernelException rowsOut = assertThrows(KernelException.class,
        () -> kernel.applyGradientsHistogram(rows, null, null, fine, new double[20], 0, 2001));
    assertEquals(KernelException.Reason.BAD_ARGUMENT, rowsOut.reason());
    KernelException odd = assertThrows(KernelException.class,
        () -> kernel.applyGradientsHistogram(rows, null, null, fine, new double[21], 0, 2000));
    assertEquals(KernelException.Reason.BAD_ARGUMENT, odd.reason());
  }

  @Test
  void aKernelForAnInstructionSetTheCpuLacksIsUnavailable() throws IOException {
    assumeLoaded();
    int best = NativeLibrary.status().bestIsa();
    assumeTrue(best < 2, "this CPU has every instruction set");
    NativeKernel missing = new NativeKernel(best + 1);
    assertFalse(missing.isAvailable());
    assertTrue(missing.unavailableReason().contains("lacks"), missing.unavailableReason());
  }
}
