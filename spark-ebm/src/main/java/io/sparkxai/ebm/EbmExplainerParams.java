package io.sparkxai.ebm;

import io.sparkxai.params.DeclaredParams;
import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import java.util.List;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/**
 * The params of {@link EbmExplainer}: which saved model, which explanation, and what the contributions
 * and the report need. Declared as in {@link EbmParams}: one {@link ParamDecl} and three default methods
 * each. Optional columns and the report title are empty when not set, as spark-ebm's optional columns
 * are; {@code modelPath} has no default and must be set before {@code transform}.
 *
 * @param <S> the concrete stage, returned by the setters
 */
public interface EbmExplainerParams<S extends EbmExplainerParams<S>> extends DeclaredParams<S> {

  /** The values of {@code explanation}, in the order the messages list them. */
  List<String> EXPLANATIONS = List.of("contributions", "global", "importances", "model", "report");

  /** The saved model. */
  ParamDecl<String> MODEL_PATH = ParamDecl.ofString("modelPath",
      "a folder saved by an ExplainableBoostingClassificationModel or ExplainableBoostingRegressionModel, on any"
          + " Hadoop file system the driver can read", null);
  default Param<String> modelPath() { return declared(MODEL_PATH); }
  default String getModelPath() { return valueOrNull(MODEL_PATH); }
  default S setModelPath(String value) { return setOrClear(MODEL_PATH, value); }

  /** What {@code transform} returns. */
  ParamDecl<String> EXPLANATION = ParamDecl.ofString("explanation",
      "what transform returns: contributions (one column per term for each input row), global (every term's"
          + " bins and scores), importances (term, importance), model (one row describing the model), report"
          + " (one row: the HTML report)", "contributions", Rule.exactlyOneOf(EXPLANATIONS.toArray(new String[0])));
  default Param<String> explanation() { return declared(EXPLANATION); }
  default String getExplanation() { return valueOf(EXPLANATION); }
  default S setExplanation(String value) { return setValue(EXPLANATION, value); }

  /** With contributions: an input column kept first in each row (empty: none). */
  ParamDecl<String> ID_COL = ParamDecl.ofString("idCol",
      "with contributions: an input column (e.g. a row id) kept first in each row (empty: none)", "",
      EbmRules.text());
  default Param<String> idCol() { return declared(ID_COL); }
  default String getIdCol() { return valueOf(ID_COL); }
  default S setIdCol(String value) { return setValue(ID_COL, value); }

  /** With report: how many input rows are explained one by one. */
  ParamDecl<Integer> REPORT_ROWS = ParamDecl.ofInt("reportRows",
      "with report: how many input rows are explained one by one after the global report (0: global report only)",
      5, Rule.atLeast(0));
  default IntParam reportRows() { return intParam(REPORT_ROWS); }
  default int getReportRows() { return valueOf(REPORT_ROWS); }
  default S setReportRows(int value) { return setValue(REPORT_ROWS, value); }

  /** With report: the input column of true labels, shown beside each explained row (empty: none). */
  ParamDecl<String> LABEL_COL = ParamDecl.ofString("labelCol",
      "with report: an input column holding the true label, shown beside each explained row (empty: none)", "",
      EbmRules.text());
  default Param<String> labelCol() { return declared(LABEL_COL); }
  default String getLabelCol() { return valueOf(LABEL_COL); }
  default S setLabelCol(String value) { return setValue(LABEL_COL, value); }

  /** With report: its title (empty: the report's default title). */
  ParamDecl<String> REPORT_TITLE = ParamDecl.ofString("reportTitle",
      "with report: its title (empty: \"Explainable Boosting Machine\")", "", EbmRules.text());
  default Param<String> reportTitle() { return declared(REPORT_TITLE); }
  default String getReportTitle() { return valueOf(REPORT_TITLE); }
  default S setReportTitle(String value) { return setValue(REPORT_TITLE, value); }
}
