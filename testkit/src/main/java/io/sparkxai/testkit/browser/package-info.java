/**
 * Checks of self-contained HTML pages in a real headless Chromium with the network off:
 * {@link io.sparkxai.testkit.browser.HeadlessChromium} (one browser, usually per test class),
 * {@link io.sparkxai.testkit.browser.BrowserPage} (a loaded page: outside requests, console errors,
 * queries, clicks, screenshots) and {@link io.sparkxai.testkit.browser.SelfContainedHtml} (static
 * checks that a document references nothing outside itself).
 */
package io.sparkxai.testkit.browser;
