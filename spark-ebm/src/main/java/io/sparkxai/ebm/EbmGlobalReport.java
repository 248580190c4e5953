package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.ebm.core.PredictionTask;
import io.sparkxai.reports.BarChart;
import io.sparkxai.reports.Html;
import io.sparkxai.reports.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global report of a fitted EBM, built from the model in memory (no Spark job): a summary, the
 * term importances as a sorted bar chart, and one panel per term drawn by {@link EbmTermPanels}.
 * Obtained from {@link EbmModelBase#globalReport()}; the setters add what the model does not know.
 */
public final class EbmGlobalReport {
  private final EbmModelBase<?> model;
  private final Map<String, Double> testMetrics = new LinkedHashMap<>();
  private List<String> classNames;
  private String labelName = "the label";
  private String title = "Explainable Boosting Machine";

  EbmGlobalReport(EbmModelBase<?> model) {
    this.model = model;
    if (!model.classNames().isEmpty() && model.classNames().size() == model.ebm().classes()) {
      this.classNames = model.classNames();
    }
  }

  /** Names the classes (index order), so axes read "log-odds of >50K" rather than "of class 1". */
  public EbmGlobalReport classNames(List<String> names) {
    EbmModel m = model.ebm();
    if (m.task() != PredictionTask.REGRESSION && names.size() != m.classes()) {
      throw new IllegalArgumentException("classNames has " + names.size() + " names for a model of " + m.classes()
          + " classes");
    }
    this.classNames = List.copyOf(names);
    return this;
  }

  /** Names the label, for regression axes ("contribution to price"). */
  public EbmGlobalReport labelName(String name) {
    this.labelName = name;
    return this;
  }

  /** Adds test metrics (e.g. auc, logloss) to the summary. */
  public EbmGlobalReport testMetrics(Map<String, Double> metrics) {
    testMetrics.putAll(metrics);
    return this;
  }

  /** The report's title. */
  public EbmGlobalReport title(String text) {
    this.title = text;
    return this;
  }

  /** The finished report. */
  public Report build() {
    return buildWithRows(List.of());
  }

  Report buildWithRows(List<EbmLocalReport.Explained> rows) {
    EbmModel m = model.ebm();
    Report.Builder report = Report.builder(title).subtitle(subtitle(m));
    summary(report, m);
    String scoreName = scoreName(m);
    List<ModelTerm> byImportance = new ArrayList<>(m.terms());
    byImportance.sort(Comparator.comparingDouble(ModelTerm::importance).reversed());
    BarChart.Builder bars = BarChart.builder("mean |" + scoreName + "| over training rows");
    for (ModelTerm t : byImportance) {
      bars.bar(t.name(), t.name() + ": " + Html.number(t.importance()), t.importance());
    }
    report.section("Term importances").figure(bars.build(),
        "The training-weighted mean absolute score of each term, largest first.");
    report.section("Shape functions");
    report.paragraph("One panel per term, by importance. Numeric terms: the score as a step function over the "
        + "feature's values with a band of ±1 standard deviation over the outer bags, the training weight "
        + "beneath; missing and unseen values apart on the right. The steps span the smallest to the largest "
        + "training value" + (boundsKnown(m) ? "." : " (this model was saved without them: the first and last "
        + "bins are drawn as wide as their neighbours).") + " Categorical terms: a bar per level with its "
        + "training weight; pairs: a heatmap over both features' bins, coloured on one scale centred at 0.");
    EbmTermPanels panels = new EbmTermPanels(m, seriesNames(m), scoreName);
    for (ModelTerm t : byImportance) {
      panels.add(report, t);
    }
    if (!rows.isEmpty()) {
      EbmLocalReport.addTo(report, m, List.of(model.getInputCols()),
          m.task() == PredictionTask.REGRESSION ? null : names(m), scoreName, rows);
    }
    return report.build();
  }

  private String subtitle(EbmModel m) {
    return switch (m.task()) {
      case BINARY -> "binary classification; scores are " + scoreName(m);
      case MULTICLASS -> "multiclass classification over " + m.classes() + " classes; scores are log-odds";
      case REGRESSION -> "regression; scores are contributions to " + labelName;
    };
  }

  private void summary(Report.Builder report, EbmModel m) {
    report.summary("task", m.task().name().toLowerCase(java.util.Locale.ROOT));
    if (m.task() != PredictionTask.REGRESSION) {
      report.summary("classes", String.join(", ", names(m)));
    }
    EbmTrainingSummary s = model.summary();
    if (s != null) {
      report.summary("training rows", Long.toString(s.rows()));
      report.summary("outer bags", Integer.toString(s.outerBags()));
      report.summary("boosting steps per bag", Html.number(s.stepsPerBag()));
    }
    StringBuilder intercept = new StringBuilder();
    for (double v : m.intercept()) {
      intercept.append(intercept.length() == 0 ? "" : ", ").append(Html.number(v));
    }
    report.summary("intercept", intercept.toString());
    report.summary("terms", m.terms().size() + " (" + m.terms().stream().filter(ModelTerm::isPair).count()
        + " pairs)");
    testMetrics.forEach((k, v) -> report.summary("test " + k, Html.number(v)));
  }

  private List<String> names(EbmModel m) {
    if (classNames != null) {
      return classNames;
    }
    List<String> out = new ArrayList<>();
    for (int c = 0; c < m.classes(); c++) {
      out.add("class " + c);
    }
    return out;
  }

  private String scoreName(EbmModel m) {
    return switch (m.task()) {
      case BINARY -> "log-odds of " + names(m).get(1);
      case MULTICLASS -> "log-odds";
      case REGRESSION -> "contribution to " + labelName;
    };
  }

  private String[] seriesNames(EbmModel m) {
    if (m.task() == PredictionTask.MULTICLASS) {
      return names(m).toArray(String[]::new);
    }
    return new String[] {""};
  }

  private static boolean boundsKnown(EbmModel m) {
    return m.features().stream().allMatch(f -> f.isCategorical() || !Double.isNaN(f.minValue()) || f.cuts().length == 0);
  }
}
