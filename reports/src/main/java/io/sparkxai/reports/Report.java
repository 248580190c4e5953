package io.sparkxai.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * One self-contained HTML report: a title, a summary table, and sections of paragraphs, figures,
 * tables and panels (one panel per term, image or row, with a picker when a section has several).
 * CSS and the small script are inlined; nothing refers outside the file. {@link #html()} gives the
 * document for a notebook's {@code displayHTML} or a Jupyter cell, {@link #save} writes it atomically.
 * The same content gives the same bytes.
 */
public final class Report {
  private static final String CSS = resource("report.css");
  private static final String SCRIPT = resource("report.js");

  private final String title;
  private final String html;

  private Report(String title, String html) {
    this.title = title;
    this.html = html;
  }

  /** A report with the given title. */
  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** The title. */
  public String title() {
    return title;
  }

  /** The whole document, from {@code <!doctype html>}. */
  public String html() {
    return html;
  }

  /** The document as UTF-8 bytes. */
  public byte[] bytes() {
    return html.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes the document to {@code file}: into a temporary file beside it, then moved over it in one
   * step, so a reader sees the old file or the new one, never a part; parent folders are created.
   */
  public void save(Path file) {
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      Files.write(temp, bytes());
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        // a report is made to be shared: readable by all, as a file written without a temporary would be
        Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the move succeeded or the write already failed with its own message
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Report(" + title + ", " + html.length() + " chars)";
  }

  private static String resource(String name) {
    try (InputStream in = Report.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("report resource " + name + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Content of a panel or section: paragraphs, figures, tables and trusted HTML, in order. */
  public abstract static class Content<T extends Content<T>> {
    final StringBuilder body = new StringBuilder();

    abstract T self();

    /** A paragraph of plain text. */
    public T paragraph(String text) {
      body.append("<p>").append(Html.escape(text)).append("</p>\n");
      return self();
    }

    /** A figure with a caption (may be null). */
    public T figure(Svg svg, String caption) {
      body.append("<figure>").append(svg);
      if (caption != null) {
        body.append("<figcaption>").append(Html.escape(caption)).append("</figcaption>");
      }
      body.append("</figure>\n");
      return self();
    }

    /** A table of plain-text cells under a header row. */
    public T table(List<String> header, List<List<String>> rows) {
      body.append("<table><thead><tr>");
      header.forEach(h -> body.append("<th>").append(Html.escape(h)).append("</th>"));
      body.append("</tr></thead><tbody>");
      for (List<String> row : rows) {
        body.append("<tr>");
        row.forEach(c -> body.append("<td>").append(Html.escape(c)).append("</td>"));
        body.append("</tr>");
      }
      body.append("</tbody></table>\n");
      return self();
    }

    /** Trusted HTML appended as is (it must hold no URL leaving the file). */
    public T html(String trustedHtml) {
      body.append(trustedHtml).append('\n');
      return self();
    }
  }

  /** One panel of a section: a term, an image, a row. */
  public static final class Panel extends Content<Panel> {
    private Panel() {}

    @Override
    Panel self() {
      return this;
    }
  }

  /** Builds a report; sections and panels keep the order they are added in. */
  public static final class Builder extends Content<Builder> {
    private final String title;
    private String subtitle;
    private final StringBuilder summary = new StringBuilder();
    private final StringBuilder sections = new StringBuilder();
    private int panels;
    private String picker;
    private int sectionCount;

    private Builder(String title) {
      this.title = title;
    }

    @Override
    Builder self() {
      return this;
    }

    /** A line under the title. */
    public Builder subtitle(String text) {
      this.subtitle = text;
      return this;
    }

    /** A row of the summary table at the top. */
    public Builder summary(String key, String value) {
      summary.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value))
          .append("</td></tr>");
      return this;
    }

    /** Starts a section; what is added next goes in it. */
    public Builder section(String heading) {
      closeSection();
      sectionCount++;
      body.append("<section id=\"s").append(sectionCount).append("\"><h2>").append(Html.escape(heading))
          .append("</h2>\n");
      return this;
    }

    /** A panel in the current section, of a kind (e.g. "numeric", "pair", "image", "row"). */
    public Builder panel(String title, String kind, Consumer<Panel> content) {
      Panel panel = new Panel();
      content.accept(panel);
      panels++;
      if (picker == null) {
        picker = "";
      }
      picker += "<option value=\"p" + panels + "\">" + Html.escape(title) + "</option>";
      body.append("<div class=\"panel\" id=\"p").append(panels).append("\" data-kind=\"").append(Html.escape(kind))
          .append("\" data-title=\"").append(Html.escape(title)).append("\"><h3>").append(Html.escape(title))
          .append("</h3>\n").append(panel.body).append("</div>\n");
      return this;
    }

    private void closeSection() {
      if (sectionCount > 0) {
        if (picker != null && body.indexOf("class=\"panel\"") >= 0) {
          int at = body.indexOf("</h2>\n") + 6;
          body.insert(at, "<label class=\"picker\">Show <select><option value=\"all\">all</option>" + picker
              + "</select></label>\n");
        }
        body.append("</section>\n");
      }
      sections.append(body);
      body.setLength(0);
      picker = null;
    }

    /** The finished report. */
    public Report build() {
      closeSection();
      StringBuilder doc = new StringBuilder(sections.length() + CSS.length() + SCRIPT.length() + 512);
      doc.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
          .append(Html.escape(title)).append("</title><style>").append(CSS).append("</style></head>\n")
          .append("<body><div class=\"sparkxai-report\"><h1>").append(Html.escape(title)).append("</h1>\n");
      if (subtitle != null) {
        doc.append("<p class=\"subtitle\">").append(Html.escape(subtitle)).append("</p>\n");
      }
      if (summary.length() > 0) {
        doc.append("<table class=\"summary\">").append(summary).append("</table>\n");
      }
      doc.append(sections).append("<div class=\"tooltip\" hidden></div></div><script>").append(SCRIPT)
          .append("</script></body></html>\n");
      return new Report(title, doc.toString());
    }
  }
}
