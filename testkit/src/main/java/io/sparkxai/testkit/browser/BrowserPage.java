package io.sparkxai.testkit.browser;

import static io.sparkxai.testkit.browser.DevToolsConnection.object;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One local HTML file loaded in a {@link HeadlessChromium} tab with the network off. It records
 * what the page tried to fetch from outside itself ({@link #outsideRequests()}) and the errors it
 * logged ({@link #consoleErrors()}), and lets a test query, click and photograph it.
 */
public final class BrowserPage implements AutoCloseable {

  private final HeadlessChromium browser;
  private final DevToolsConnection devTools;
  private final String targetId;
  private final String pageUrl;
  private final List<String> outside = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final CompletableFuture<Long> loaded = new CompletableFuture<>();
  private long loadMillis;

  private BrowserPage(HeadlessChromium browser, DevToolsConnection devTools, String targetId, String pageUrl) {
    this.browser = browser;
    this.devTools = devTools;
    this.targetId = targetId;
    this.pageUrl = pageUrl;
  }

  /** Sets the tab up (size, offline network, recorders) and navigates it to {@code html}. */
  static BrowserPage load(HeadlessChromium browser, DevToolsConnection devTools, String targetId,
      Path html, int widthPx) {
    String url = html.toAbsolutePath().normalize().toUri().toString();
    BrowserPage page = new BrowserPage(browser, devTools, targetId, url);
    try {
      page.navigate(widthPx);
      return page;
    } catch (RuntimeException e) {
      page.close();
      throw e;
    }
  }

  private void navigate(int widthPx) {
    devTools.onEvent(this::record);
    devTools.call("Emulation.setDeviceMetricsOverride", object().put("width", widthPx).put("height", 800)
        .put("deviceScaleFactor", 1).put("mobile", false));
    devTools.call("Network.enable", object());
    devTools.call("Network.emulateNetworkConditions", object().put("offline", true).put("latency", 0)
        .put("downloadThroughput", -1).put("uploadThroughput", -1));
    devTools.call("Runtime.enable", object());
    devTools.call("Log.enable", object());
    devTools.call("Page.enable", object());
    long start = System.nanoTime();
    JsonNode result = devTools.call("Page.navigate", object().put("url", pageUrl));
    if (result.hasNonNull("errorText")) {
      throw new IllegalStateException("cannot load " + pageUrl + ": " + result.get("errorText").asText());
    }
    try {
      long end = loaded.get(DevToolsConnection.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      loadMillis = TimeUnit.NANOSECONDS.toMillis(end - start);
    } catch (TimeoutException e) {
      throw new IllegalStateException(pageUrl + " fired no load event in " + DevToolsConnection.TIMEOUT.toSeconds()
          + " s; chromium stderr: " + browser.stderrTail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading " + pageUrl, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("loading " + pageUrl + " failed: " + e.getCause(), e);
    }
  }

  private void record(JsonNode event) {
    JsonNode params = event.path("params");
    switch (event.path("method").asText()) {
      case "Page.loadEventFired" -> loaded.complete(System.nanoTime());
      case "Network.requestWillBeSent" -> {
        String url = params.path("request").path("url").asText();
        if (!url.equals(pageUrl) && !url.startsWith("data:")) {
          synchronized (outside) {
            outside.add(url);
          }
        }
      }
      case "Runtime.consoleAPICalled" -> {
        if ("error".equals(params.path("type").asText())) {
          List<String> parts = new ArrayList<>();
          params.path("args").forEach(arg -> parts.add(arg.has("value") ? text(arg.get("value"))
              : arg.path("description").asText(arg.path("type").asText())));
          addError("console.error: " + String.join(" ", parts));
        }
      }
      case "Runtime.exceptionThrown" -> {
        JsonNode details = params.path("exceptionDetails");
        addError("uncaught: " + details.path("exception").path("description").asText(details.path("text").asText()));
      }
      case "Log.entryAdded" -> {
        JsonNode entry = params.path("entry");
        if ("error".equals(entry.path("level").asText())) {
          String where = entry.path("url").asText("");
          addError("log: " + entry.path("text").asText() + (where.isEmpty() ? "" : " (" + where + ")"));
        }
      }
      default -> { }
    }
  }

  private void addError(String message) {
    synchronized (errors) {
      errors.add(message);
    }
  }

  /** URLs the page asked for that are neither its own file nor {@code data:}, in request order. */
  public List<String> outsideRequests() {
    synchronized (outside) {
      return List.copyOf(outside);
    }
  }

  /** Errors the page reported: console.error calls, uncaught exceptions and browser error log entries. */
  public List<String> consoleErrors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  /** Milliseconds from the navigation request to the page's load event. */
  public long loadMillis() {
    return loadMillis;
  }

  /**
   * Evaluates {@code js} in the page (awaiting a promise) and returns its value as a string: a
   * string as is, anything else as JSON; {@code null} for null or undefined. A thrown exception
   * becomes an AssertionError naming the expression.
   */
  public String evaluate(String js) {
    JsonNode result = devTools.call("Runtime.evaluate", object().put("expression", js)
        .put("returnByValue", true).put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      JsonNode details = result.get("exceptionDetails");
      throw new AssertionError("JavaScript failed: " + js + ": "
          + details.path("exception").path("description").asText(details.path("text").asText()));
    }
    JsonNode value = result.path("result").path("value");
    return value.isMissingNode() || value.isNull() ? null : text(value);
  }

  /** How many elements match the CSS selector {@code css}. */
  public int count(String css) {
    return Integer.parseInt(evaluate("document.querySelectorAll(" + quote(css) + ").length"));
  }

  /** The text content of the first element matching {@code css}; AssertionError when none does. */
  public String text(String css) {
    String text = evaluate("(() => { const e = document.querySelector(" + quote(css)
        + "); return e === null ? null : e.textContent; })()");
    if (text == null) {
      throw new AssertionError("no element matches the CSS selector " + css + " in " + pageUrl);
    }
    return text;
  }

  /** Clicks the first element matching {@code css}; AssertionError when none does. */
  public void click(String css) {
    String clicked = evaluate("(() => { const e = document.querySelector(" + quote(css)
        + "); if (e === null) return false; e.click(); return true; })()");
    if (!"true".equals(clicked)) {
      throw new AssertionError("no element matches the CSS selector " + css + " in " + pageUrl);
    }
  }

  /** Writes a PNG of the whole document (not just the viewport) to {@code png}, atomically. */
  public void screenshot(Path png) {
    JsonNode size = devTools.call("Page.getLayoutMetrics", object()).path("cssContentSize");
    capture(png, 0, 0, size.path("width").asDouble(), size.path("height").asDouble());
  }

  /**
   * Writes a PNG of the part of the document that holds every element matching {@code css} (the
   * smallest rectangle around them, with an 8 px margin) to {@code png}, atomically; AssertionError
   * when none matches or none is shown.
   */
  public void screenshot(Path png, String css) {
    String box = evaluate("(() => { let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;"
        + " for (const e of document.querySelectorAll(" + quote(css) + ")) { const r = e.getBoundingClientRect();"
        + " if (r.width === 0 && r.height === 0) continue;"
        + " x0 = Math.min(x0, r.left + scrollX); y0 = Math.min(y0, r.top + scrollY);"
        + " x1 = Math.max(x1, r.right + scrollX); y1 = Math.max(y1, r.bottom + scrollY); }"
        + " return x0 === Infinity ? null : [x0, y0, x1, y1].join(' '); })()");
    if (box == null) {
      throw new AssertionError("no shown element matches the CSS selector " + css + " in " + pageUrl);
    }
    String[] b = box.split(" ");
    double x0 = Math.max(0, Double.parseDouble(b[0]) - 8);
    double y0 = Math.max(0, Double.parseDouble(b[1]) - 8);
    capture(png, x0, y0, Double.parseDouble(b[2]) + 8 - x0, Double.parseDouble(b[3]) + 8 - y0);
  }

  private void capture(Path png, double x, double y, double width, double height) {
    ObjectNode clip = object().put("x", Math.floor(x)).put("y", Math.floor(y)).put("scale", 1)
        .put("width", Math.ceil(width))
        .put("height", Math.ceil(height));
    ObjectNode params = object().put("format", "png").put("captureBeyondViewport", true);
    params.set("clip", clip);
    byte[] bytes = Base64.getDecoder().decode(devTools.call("Page.captureScreenshot", params).path("data").asText());
    Path target = png.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
      try {
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write screenshot " + target + ": " + e.getMessage(), e);
    }
  }

  /** Closes the tab. */
  @Override
  public void close() {
    devTools.close();
    browser.closeTarget(targetId);
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static String quote(String s) {
    try {
      return DevToolsConnection.JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot quote " + s, e);
    }
  }
}
