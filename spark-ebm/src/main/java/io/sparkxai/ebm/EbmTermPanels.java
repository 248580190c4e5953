package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.reports.BarChart;
import io.sparkxai.reports.HeatmapChart;
import io.sparkxai.reports.Html;
import io.sparkxai.reports.Report;
import io.sparkxai.reports.StepChart;

/**
 * Draws one EBM term as a report panel: a numeric main effect as a step chart over the real feature
 * values (±1 stdev band over bags, training-weight histogram, missing and unseen apart), a categorical
 * one as bars per level with their training weight ("other" included), a pair as a heatmap over the
 * two features' pair bins with a diverging, zero-centred colour bar; one series per class for
 * multiclass. Scores are read as {@code term.score(cell, class)}, stdevs and weights at the same cell.
 */
final class EbmTermPanels {
  private final EbmModel model;
  private final String[] series;
  private final String scoreName;

  EbmTermPanels(EbmModel model, String[] series, String scoreName) {
    this.model = model;
    this.series = series;
    this.scoreName = scoreName;
  }

  void add(Report.Builder report, ModelTerm term) {
    int[] f = term.features();
    String caption = "importance " + Html.number(term.importance());
    if (term.isPair()) {
      report.panel(term.name(), "pair", p -> pair(p, term, caption));
    } else if (model.features().get(f[0]).isCategorical()) {
      report.panel(term.name(), "categorical", p -> p.figure(categorical(term), caption));
    } else {
      report.panel(term.name(), "numeric", p -> p.figure(numeric(term), caption));
    }
  }

  private StepChart.Builder stepSeries(StepChart.Builder chart, ModelTerm term, double[] edges) {
    int k = series.length;
    int valueBins = edges.length - 1;
    for (int s = 0; s < k; s++) {
      double[] values = new double[valueBins];
      double[] stdev = new double[valueBins];
      for (int i = 0; i < valueBins; i++) {
        values[i] = term.score(i + 1, s);
        stdev[i] = term.stdevs()[(i + 1) * k + s];
      }
      chart.series(series[s], edges, values, stdev);
    }
    return chart;
  }

  private io.sparkxai.reports.Svg numeric(ModelTerm term) {
    FeatureBinning f = model.features().get(term.features()[0]);
    double[] edges = edges(f.cuts(), f.minValue(), f.maxValue());
    StepChart.Builder chart = stepSeries(StepChart.builder(f.name(), scoreName), term, edges);
    double[] weights = new double[edges.length - 1];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = term.weights()[i + 1];
    }
    chart.histogram(edges, weights, "training weight");
    apart(chart, term, "missing", 0);
    apart(chart, term, "unseen", f.lastBin());
    return chart.build();
  }

  private void apart(StepChart.Builder chart, ModelTerm term, String name, int bin) {
    int k = series.length;
    double[] v = new double[k];
    double[] sd = new double[k];
    for (int s = 0; s < k; s++) {
      v[s] = term.score(bin, s);
      sd[s] = term.stdevs()[bin * k + s];
    }
    chart.apart(name, v, sd);
  }

  /**
   * Bin edges over real values: the cuts, closed on the left by the smallest training value and on the
   * right by the largest, so the steps span the data seen. Where a bound is unknown (NaN: a model saved
   * before bounds were kept) or does not lie outside the cuts, the open outer bin is drawn as wide as its
   * neighbour.
   */
  static double[] edges(double[] cuts, double min, double max) {
    int c = cuts.length;
    if (c == 0) {
      boolean known = min < max;
      return known ? new double[] {min, max} : Double.isNaN(min) ? new double[] {-1, 1} : new double[] {min - 1, min + 1};
    }
    double[] edges = new double[c + 2];
    double first = c > 1 ? cuts[1] - cuts[0] : Math.max(1, Math.abs(cuts[0]) * 0.1);
    double last = c > 1 ? cuts[c - 1] - cuts[c - 2] : first;
    edges[0] = min < cuts[0] ? min : cuts[0] - first;
    System.arraycopy(cuts, 0, edges, 1, c);
    edges[c + 1] = max > cuts[c - 1] ? max : cuts[c - 1] + last;
    return edges;
  }

  private io.sparkxai.reports.Svg categorical(ModelTerm term) {
    FeatureBinning f = model.features().get(term.features()[0]);
    BarChart.Builder bars = BarChart.builder(scoreName).series(series);
    int k = series.length;
    for (int b = f.hasMissing() ? 0 : 1; b <= f.lastBin(); b++) {
      double[] v = new double[k];
      for (int s = 0; s < k; s++) {
        v[s] = term.score(b, s);
      }
      String label = f.mainBinLabel(b);
      String weight = Html.number(term.weights()[b]);
      bars.bar(label + " (" + weight + ")", label + ": " + Html.number(v[0]) + ", training weight " + weight, v);
    }
    return bars.build();
  }

  private void pair(Report.Panel panel, ModelTerm term, String caption) {
    FeatureBinning a = model.features().get(term.features()[0]);
    FeatureBinning b = model.features().get(term.features()[1]);
    String[] xLabels = labels(a, term.binsA());
    String[] yLabels = labels(b, term.binsB());
    for (int s = 0; s < series.length; s++) {
      double[][] cells = new double[term.binsB()][term.binsA()];
      for (int i = 0; i < term.binsA(); i++) {
        for (int j = 0; j < term.binsB(); j++) {
          cells[j][i] = term.score(i * term.binsB() + j, s);
        }
      }
      String colour = series[s].isEmpty() ? scoreName : scoreName + " (" + series[s] + ")";
      panel.figure(HeatmapChart.builder(a.name(), b.name(), colour).xLabels(xLabels).yLabels(yLabels)
          .values(cells).build(), series.length > 1 ? series[s] + "; " + caption : caption);
    }
  }

  private static String[] labels(FeatureBinning f, int bins) {
    String[] out = new String[bins];
    for (int i = 0; i < bins; i++) {
      out[i] = f.pairBinLabel(i);
    }
    if (!f.isCategorical()) {
      double[] cuts = f.cuts();
      int[] pc = f.pairCutIndexes();
      double[] c = new double[pc.length];
      for (int i = 0; i < c.length; i++) {
        c[i] = cuts[pc[i]];
      }
      String[] shown = readable(c);
      for (int i = 1; i + 1 < bins && i <= c.length + 1; i++) {
        out[i] = "[" + (i == 1 ? "-inf" : shown[i - 2]) + ", " + (i == c.length + 1 ? "+inf" : shown[i - 1]) + ")";
      }
    }
    return out;
  }

  /**
   * Cut points printed for a reader: 4 significant digits, more where rounding would move a cut by
   * more than 5 % of the gap to a neighbouring cut ({@code 1.6649999999999998} reads 1.665, but 1000.5
   * beside 1001.5 stays 1000.5).
   */
  static String[] readable(double[] cuts) {
    for (int digits = 4; digits < 17; digits++) {
      String[] out = new String[cuts.length];
      boolean close = true;
      for (int i = 0; i < cuts.length; i++) {
        out[i] = Html.number(cuts[i], digits);
        double gap = Math.min(i > 0 ? cuts[i] - cuts[i - 1] : Double.POSITIVE_INFINITY,
            i + 1 < cuts.length ? cuts[i + 1] - cuts[i] : Double.POSITIVE_INFINITY);
        double moved = Math.abs(Double.parseDouble(out[i]) - cuts[i]);
        close &= moved <= 0.05 * gap || moved <= Math.ulp(cuts[i]) * 4;
      }
      if (close) {
        return out;
      }
    }
    String[] out = new String[cuts.length];
    for (int i = 0; i < cuts.length; i++) {
      out[i] = Double.toString(cuts[i]);
    }
    return out;
  }
}
