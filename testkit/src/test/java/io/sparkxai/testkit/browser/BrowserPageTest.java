package io.sparkxai.testkit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserPageTest {

  private static final String PAGE = """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>t</title></head>
      <body>
      <svg id="chart" width="200" height="100"><rect width="50" height="40" fill="teal"/></svg>
      <p id="label">before</p>
      <button id="go" onclick="document.getElementById('label').textContent = 'after'">go</button>
      <img src="https://example.com/x.png" alt="x">
      <script>console.error("boom");</script>
      </body></html>
      """;

  private static final String DATA_IMAGE = """
      <!DOCTYPE html>
      <html><body>
      <img alt="dot" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==">
      </body></html>
      """;

  private static HeadlessChromium chromium;

  @TempDir Path dir;

  @BeforeAll
  static void startBrowser() {
    chromium = HeadlessChromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void recordsOutsideRequestsAndConsoleErrors() throws IOException {
    try (BrowserPage page = chromium.open(write("page.html", PAGE), 640)) {
      assertTrue(page.outsideRequests().contains("https://example.com/x.png"), page.outsideRequests()::toString);
      assertTrue(page.consoleErrors().stream().anyMatch(e -> e.contains("boom")), page.consoleErrors()::toString);
      assertTrue(page.loadMillis() >= 0);
    }
  }

  @Test
  void queriesClicksAndEvaluates() throws IOException {
    try (BrowserPage page = chromium.open(write("page.html", PAGE), 640)) {
      assertEquals(1, page.count("svg rect"));
      assertEquals(0, page.count("table"));
      assertEquals("before", page.text("#label"));
      page.click("#go");
      assertEquals("after", page.text("#label"));
      assertEquals("3", page.evaluate("1 + 2"));
      assertEquals("hi", page.evaluate("'h' + 'i'"));
      assertEquals("640", page.evaluate("window.innerWidth"));
      assertThrows(AssertionError.class, () -> page.click("#missing"));
      assertThrows(AssertionError.class, () -> page.evaluate("nope()"));
    }
  }

  @Test
  void screenshotHasTheWidthAsked() throws IOException {
    try (BrowserPage page = chromium.open(write("page.html", PAGE), 480)) {
      Path png = dir.resolve("shots/nested/page.png");
      page.screenshot(png);
      BufferedImage image = ImageIO.read(png.toFile());
      assertEquals(480, image.getWidth());
      assertTrue(image.getHeight() > 0);
    }
  }

  @Test
  void screenshotOfElementsIsClippedAroundThem() throws IOException {
    try (BrowserPage page = chromium.open(write("page.html", PAGE), 480)) {
      Path png = dir.resolve("chart.png");
      page.screenshot(png, "#chart");
      BufferedImage image = ImageIO.read(png.toFile());
      assertEquals(200 + 16, image.getWidth(), "the svg's width and an 8 px margin each side");
      assertEquals(100 + 16, image.getHeight());
      assertThrows(AssertionError.class, () -> page.screenshot(dir.resolve("none.png"), "table"));
    }
  }

  @Test
  void dataImageIsNotAnOutsideRequest() throws IOException {
    try (BrowserPage page = chromium.open(write("data.html", DATA_IMAGE), 320)) {
      assertEquals(1, page.count("img"));
      assertEquals("1", page.evaluate("document.querySelector('img').naturalWidth"));
      assertEquals(java.util.List.of(), page.outsideRequests());
      assertEquals(java.util.List.of(), page.consoleErrors());
    }
  }

  private Path write(String name, String html) throws IOException {
    return Files.writeString(dir.resolve(name), html);
  }
}
