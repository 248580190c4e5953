package io.sparkxai.concepts.params;

import io.sparkxai.params.DeclaredParams;
import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import java.util.List;
import org.apache.spark.ml.param.Param;

/**
 * The params of {@link io.sparkxai.concepts.ConceptExplainer}: which saved model, which explanation,
 * the order of the intervention curve, and the report's title. {@code modelPath} has no default and
 * must be set before {@code transform}; an empty {@code reportTitle} means the default title.
 *
 * @param <S> the stage, returned by the setters
 */
public interface ConceptExplainerParams<S extends ConceptExplainerParams<S>> extends DeclaredParams<S> {

  /** The values of {@code explanation}, in the order the messages list them. */
  List<String> EXPLANATIONS = List.of("metrics", "curve", "formulas", "report");

  ParamDecl<String> MODEL_PATH = ParamDecl.ofString("modelPath", "a folder saved by a ConceptBottleneckModel,"
      + " ConceptEmbeddingModel or EntropyLogicExplainerModel (also under their former names), on any Hadoop file"
      + " system the driver can read", null);
  ParamDecl<String> EXPLANATION = ParamDecl.ofString("explanation", "what transform returns on the input (a test"
      + " table with the model's features, concepts and label): metrics (one row), curve (task accuracy by concepts"
      + " intervened), formulas (the entropy network's formula per class with its scores), report (one row: the"
      + " HTML report)", "metrics", Rule.exactlyOneOf(EXPLANATIONS.toArray(new String[0])));
  ParamDecl<String> POLICY = ParamDecl.ofString("policy", "the order concepts are intervened on for the curve of a"
      + " bottleneck or embedding model: random, or uncertainty (most uncertain first)", "random",
      Rule.exactlyOneOf("random", "uncertainty"));
  ParamDecl<String> REPORT_TITLE = ParamDecl.ofString("reportTitle", "with report: its title (empty: \"Concept"
      + " model\" and how the model was trained, e.g. cbm-joint)", "", Rule.<String>any().withNullMessage("a string"));

  /** The saved model. */
  default Param<String> modelPath() {
    return declared(MODEL_PATH);
  }

  /** @return the saved model's folder, or null when not set */
  default String getModelPath() {
    return valueOrNull(MODEL_PATH);
  }

  /** @param value the saved model's folder (null: unset) */
  default S setModelPath(String value) {
    return setOrClear(MODEL_PATH, value);
  }

  /** What {@code transform} returns (default {@code metrics}). */
  default Param<String> explanation() {
    return declared(EXPLANATION);
  }

  /** @return metrics, curve, formulas or report */
  default String getExplanation() {
    return valueOf(EXPLANATION);
  }

  /** @param value metrics, curve, formulas or report */
  default S setExplanation(String value) {
    return setValue(EXPLANATION, value);
  }

  /** The intervention curve's order (default {@code random}). */
  default Param<String> policy() {
    return declared(POLICY);
  }

  /** @return random or uncertainty */
  default String getPolicy() {
    return valueOf(POLICY);
  }

  /** @param value random or uncertainty */
  default S setPolicy(String value) {
    return setValue(POLICY, value);
  }

  /** The report's title (empty: the default title). */
  default Param<String> reportTitle() {
    return declared(REPORT_TITLE);
  }

  /** @return the report's title, empty for the default */
  default String getReportTitle() {
    return valueOf(REPORT_TITLE);
  }

  /** @param value the report's title, empty for the default */
  default S setReportTitle(String value) {
    return setValue(REPORT_TITLE, value);
  }
}
