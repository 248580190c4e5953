package io.sparkxai.testkit.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * A real headless Chromium for tests, started with its own temporary profile and the DevTools
 * protocol on a free port. {@link #start()} finds the binary ({@code -Dsparkxai.chromium}, then the
 * environment variable {@code CHROMIUM}, then {@code /usr/bin/chromium}); when it is missing and the
 * tests run as root on a machine with {@code apt-get}, it installs the Debian package
 * {@code chromium} (one installer at a time, under a lock on {@value #LOCK}); otherwise the calling
 * test is skipped with the reason. {@link #open(Path, int)} loads a local HTML file with the network
 * off. {@link #close()} ends the browser and its child processes and deletes the profile.
 */
public final class HeadlessChromium implements AutoCloseable {

  static final String DEFAULT_BINARY = "/usr/bin/chromium";
  static final String LOCK = "/tmp/sparkxai-chromium.lock";
  private static final int STDERR_KEEP = 16_384;

  private final Process process;
  private final Path profile;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final StringBuilder stderr = new StringBuilder();

  private HeadlessChromium(Path binary) throws IOException {
    profile = Files.createTempDirectory("sparkxai-chromium-");
    process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run",
        "--no-default-browser-check", "--disable-background-networking", "--disable-dev-shm-usage",
        "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Thread drain = new Thread(() -> drain(process.getErrorStream()), "chromium-stderr");
    drain.setDaemon(true);
    drain.start();
    try {
      port = awaitPort();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts a headless Chromium; skips the calling test (TestAbortedException) with a one-line
   * reason when no binary is found or can be installed.
   */
  public static HeadlessChromium start() {
    Path binary = findOrInstall();
    try {
      return new HeadlessChromium(binary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens {@code html} (a local file) in a new tab {@code widthPx} CSS pixels wide and 800 high,
   * with the network emulated offline, and waits for its load event (at most 30 s).
   */
  public BrowserPage open(Path html, int widthPx) {
    if (!Files.isRegularFile(html)) {
      throw new IllegalArgumentException("html: not a file: " + html);
    }
    if (widthPx <= 0) {
      throw new IllegalArgumentException("widthPx must be positive, got " + widthPx);
    }
    JsonNode target = http("PUT", "/json/new?about:blank");
    String url = target.path("webSocketDebuggerUrl").asText("");
    if (url.isEmpty()) {
      throw new IllegalStateException("chromium created a tab without webSocketDebuggerUrl: " + target);
    }
    DevToolsConnection connection = DevToolsConnection.connect(URI.create(url), http, this::stderrTail);
    return BrowserPage.load(this, connection, target.path("id").asText(), html, widthPx);
  }

  /** Ends the browser and every process it started, then deletes its temporary profile. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    deleteTree(profile);
  }

  /** Closes the tab {@code targetId}; used by {@link BrowserPage#close()}. */
  void closeTarget(String targetId) {
    try {
      http.send(HttpRequest.newBuilder(endpoint("/json/close/" + targetId)).timeout(DevToolsConnection.TIMEOUT)
          .build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // The browser may already be gone; nothing is left to close then.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last part of Chromium's standard error, for error messages. */
  String stderrTail() {
    synchronized (stderr) {
      String text = stderr.toString().strip().replace('\n', ' ');
      return text.isEmpty() ? "(empty)" : text;
    }
  }

  private JsonNode http(String method, String path) {
    HttpRequest request = HttpRequest.newBuilder(endpoint(path)).timeout(DevToolsConnection.TIMEOUT)
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
            + ": " + response.body());
      }
      return DevToolsConnection.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e + "; chromium stderr: "
          + stderrTail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
  }

  private URI endpoint(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private int awaitPort() {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + DevToolsConnection.TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        if (lines.size() >= 2 && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).strip());
        }
        if (!process.isAlive()) {
          throw new IllegalStateException("chromium exited with " + process.exitValue()
              + " before opening DevTools; stderr: " + stderrTail());
        }
      } catch (IOException | NumberFormatException e) {
        // Written but not complete yet: read it again on the next round.
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + file, e);
      }
    }
    throw new IllegalStateException("chromium wrote no " + file + " in " + DevToolsConnection.TIMEOUT.toSeconds()
        + " s; stderr: " + stderrTail());
  }

  private void drain(InputStream in) {
    byte[] buffer = new byte[4096];
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (stderr) {
          stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          if (stderr.length() > STDERR_KEEP) {
            stderr.delete(0, stderr.length() - STDERR_KEEP);
          }
        }
      }
    } catch (IOException e) {
      // The process ended; what was read stays in the buffer.
    }
  }

  private static Path findOrInstall() {
    String property = System.getProperty("sparkxai.chromium");
    String env = System.getenv("CHROMIUM");
    if (property != null && !property.isBlank()) {
      return requireExecutable(Path.of(property), "-Dsparkxai.chromium");
    }
    if (env != null && !env.isBlank()) {
      return requireExecutable(Path.of(env), "the environment variable CHROMIUM");
    }
    Path binary = Path.of(DEFAULT_BINARY);
    if (Files.isExecutable(binary)) {
      return binary;
    }
    if (!isRoot() || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      throw new TestAbortedException("needs headless Chromium: " + binary + " is missing (install the"
          + " Debian package chromium, or set -Dsparkxai.chromium / CHROMIUM)");
    }
    install();
    return requireExecutable(binary, "apt-get install chromium");
  }

  private static Path requireExecutable(Path binary, String source) {
    if (!Files.isExecutable(binary)) {
      throw new TestAbortedException("needs headless Chromium: " + binary + " (from " + source
          + ") is not an executable file");
    }
    return binary;
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  private static void install() {
    try (FileChannel channel = FileChannel.open(Path.of(LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
      if (Files.isExecutable(Path.of(DEFAULT_BINARY))) {
        return;
      }
      if (apt("install", "-y", "--no-install-recommends", "chromium") != 0) {
        apt("update");
        int rc = apt("install", "-y", "--no-install-recommends", "chromium");
        if (rc != 0) {
          throw new TestAbortedException("needs headless Chromium: apt-get install chromium exited with " + rc);
        }
      }
    } catch (IOException e) {
      throw new TestAbortedException("needs headless Chromium: installing it failed: " + e.getMessage(), e);
    }
  }

  private static int apt(String... args) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("apt-get"), Stream.of(args)).toList())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process apt = builder.start();
    try {
      if (!apt.waitFor(15, TimeUnit.MINUTES)) {
        apt.destroyForcibly();
        return -1;
      }
      return apt.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      apt.destroyForcibly();
      return -1;
    }
  }

  private static void deleteTree(Path root) {
    for (int attempt = 0; attempt < 3 && Files.exists(root); attempt++) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        // A dying child may still write into the profile: try again.
      }
    }
  }
}
