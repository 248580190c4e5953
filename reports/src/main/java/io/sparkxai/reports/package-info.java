/**
 * Self-contained HTML reports: one file per report, with inline SVG charts, inline CSS and a little
 * inline JavaScript (hover values, picking a panel), and no URL that leaves the file, so that a report
 * opens offline, inside a notebook's {@code displayHTML} or Jupyter cell, and as a mailed attachment.
 *
 * <p>A {@link io.sparkxai.reports.Report} is built from sections and panels whose content comes from
 * the chart classes ({@link io.sparkxai.reports.BarChart}, {@link io.sparkxai.reports.StepChart},
 * {@link io.sparkxai.reports.HeatmapChart}, {@link io.sparkxai.reports.LineChart},
 * {@link io.sparkxai.reports.ColourBar}) and {@link io.sparkxai.reports.Png} images carried as
 * {@code data:} URIs. Everything is a pure function of its input: the same data gives the same bytes
 * (no clock, no random ids, numbers printed with {@link java.util.Locale#ROOT}).
 *
 * <p>Why hand-written SVG rather than a charting library: the libraries that draw in the browser
 * (Vega-Lite, Plotly, ECharts) must be inlined to work offline, which costs 0.5 to 3.5 MB of
 * JavaScript per file before any data, and their output is drawn at view time, so the file's bytes
 * say nothing a test can check. The charts here are a few kinds (bars, steps, heatmaps, lines),
 * drawn once on the JVM into static SVG that any browser, mail client or notebook shows as is.
 * docs/reports.md says more.
 */
package io.sparkxai.reports;
