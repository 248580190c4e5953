package io.sparkxai.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsTest {

  @Test
  void ticksAreRoundAndInsideTheRange() {
    LinearScale scale = new LinearScale(-0.37, 2.9, 0, 100);
    List<Double> ticks = scale.ticks(6);
    assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0, 2.5), ticks);
    assertTrue(ticks.get(0) >= -0.37 && ticks.get(ticks.size() - 1) <= 2.9);
    assertEquals(0, scale.at(-0.37), 1e-9);
    assertEquals(100, scale.at(2.9), 1e-9);
  }

  @Test
  void countsGetWholeNumberTicks() {
    LinearScale scale = new LinearScale(0, 2, 0, 100);
    assertTrue(scale.ticks(6).contains(1.6), "plain scales tick at fractions: " + scale.ticks(6));
    assertEquals(List.of(0.0, 1.0, 2.0), scale.wholeNumbers().ticks(6));
    String chart = LineChart.builder("concepts intervened", "task accuracy")
        .series("curve", new double[] {0, 1, 2}, new double[] {0.7, 0.8, 0.9}).build().toString();
    assertFalse(chart.contains(">0.5<") || chart.contains(">1.5<"), "no tick between two counts");
    String perfect = LineChart.builder("concepts intervened", "task accuracy").yLimits(0, 1)
        .series("curve", new double[] {0, 1}, new double[] {1, 1}).build().toString();
    assertTrue(perfect.contains(">0.9<") && !perfect.contains(">1.1<"), "padded below 1, never above: " + perfect);
  }

  @Test
  void aDegenerateRangeIsWidened() {
    LinearScale scale = new LinearScale(3, 3, 0, 10);
    assertTrue(scale.lo() < 3 && scale.hi() > 3);
    assertFalse(scale.ticks(4).isEmpty());
  }

  @Test
  void divergingColoursAreCentredOnZero() {
    assertEquals(0xffffff, Palette.diverging(0, 2));
    assertEquals(0x2166ac, Palette.diverging(-5, 2));
    assertEquals(0xb2182b, Palette.diverging(2, 2));
    assertEquals("#0072b2", Palette.series(0));
    assertEquals("#0a0b0c", Palette.hex(0x0a0b0c));
  }

  @Test
  void numbersPrintTheSameEverywhere() {
    assertEquals("0.1235", Html.number(0.123456));
    assertEquals("1.235e-05", Html.number(0.00001234567));
    assertEquals("-12.5", Html.px(-12.46));
    assertEquals("86.2%", Html.percent(0.8624));
    assertEquals("&lt;b&gt; &amp; &quot;x&quot;", Html.escape("<b> & \"x\""));
  }

  @Test
  void stepChartBoundsItsPathByTheWidthNotTheBinCount() {
    int bins = 5000;
    double[] edges = new double[bins + 1];
    double[] values = new double[bins];
    for (int i = 0; i <= bins; i++) {
      edges[i] = i;
    }
    for (int i = 0; i < bins; i++) {
      values[i] = Math.sin(i / 300.0);
    }
    String svg = StepChart.builder("age", "log-odds of >50K").series("", edges, values, null)
        .histogram(edges, values.clone(), "training weight").apart("missing", new double[] {0.2}, null).build()
        .toString();
    Matcher step = Pattern.compile("class=\"step\"").matcher(svg);
    assertTrue(step.find());
    String stepPath = svg.substring(svg.lastIndexOf("<path d=\"", step.start()), step.start());
    assertTrue(stepPath.length() < 16_000, "step path of " + stepPath.length() + " chars");
    assertTrue(svg.contains(">log-odds of &gt;50K</text>"));
    assertTrue(svg.contains(">missing</text>"));
  }

  @Test
  void barsKeepTheirOrderAndSign() {
    String svg = BarChart.builder("importance").bar("age", null, 0.9).bar("sex", null, -0.2).build().toString();
    assertTrue(svg.indexOf(">age<") < svg.indexOf(">sex<"));
    assertTrue(svg.contains("fill=\"#2166ac\""), "a negative bar is blue");
    assertThrows(IllegalArgumentException.class, () -> BarChart.builder("x").bar("a", null, 1, 2));
    String mostlyNegative = BarChart.builder("score").bar("Never-married (10683)", null, -1.02)
        .bar("Married-civ-spouse (14980)", null, 1.05).build().toString();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text x=\"([0-9.]+)\"[^>]*class=\"value\">-1.02<")
        .matcher(mostlyNegative);
    assertTrue(m.find(), mostlyNegative);
    assertTrue(Double.parseDouble(m.group(1)) - 28 > 222, "the label of the longest negative bar (about 28 px wide)"
        + " ends right of the bar names, which end at x = 222; it starts at " + m.group(1));
  }

  @Test
  void heatmapCarriesItsCellsForHoverAndAColourBar() {
    String svg = HeatmapChart.builder("age", "hours", "log-odds").xLabels("a", "b", "c").yLabels("lo", "hi")
        .values(new double[][] {{-1, 0, 1}, {2, -2, 0.5}}).build().toString();
    assertTrue(svg.contains("data-cells=\"-1,0,1,2,-2,0.5\""));
    assertTrue(svg.contains("class=\"colour-bar\""));
    assertTrue(svg.contains("href=\"data:image/png;base64,"));
  }

  @Test
  void pngUpscalesByRepeatingPixels() {
    int[] up = Png.upscale(new int[] {1, 2, 3, 4}, 2, 2, 2);
    assertArrayEquals(new int[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, up);
    assertEquals(5, Png.factorFor(28, 128));
  }
}
