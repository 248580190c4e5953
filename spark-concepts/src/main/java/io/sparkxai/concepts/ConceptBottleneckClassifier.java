package io.sparkxai.concepts;

import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.Objective;
import io.sparkxai.concepts.core.ParameterSnapshot;
import io.sparkxai.concepts.params.EstimatorParams;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * Fits a {@link ConceptBottleneckModel} (Koh et al. 2020, "Concept Bottleneck Models", ICML): an encoder from
 * the features to concept probabilities (sigmoid), and a head from those probabilities to the
 * task, trained with DJL on Spark. Modes:
 * <ul>
 *   <li>{@code joint}: both at once on {@code conceptLossWeight·BCE(c) + taskLossWeight·L(y)};</li>
 *   <li>{@code independent}: the encoder on the concepts; the head on the true concepts;</li>
 *   <li>{@code sequential}: the encoder on the concepts; the head on the encoder's outputs.</li>
 * </ul>
 * The defaults are the blog recipe: encoder d→10→8→k, head k→8→classes, LeakyReLU, AdamW lr 0.01,
 * 2001 full-batch epochs, BCE(c) + 0.2·BCE(y). Binary labels get one logit, multiclass labels
 * (0..C−1) a softmax.
 *
 * <pre>{@code
 * ConceptBottleneckModel cbm = new ConceptBottleneckClassifier()
 *     .setInputCols("x0", "x1").setConceptCols("c0", "c1").setLabelCol("y")
 *     .setMode("joint").setSeed(7).fit(train);
 * cbm.transform(test);                                  // conceptProbabilities, rawPrediction, probability, prediction
 * cbm.setInterventionPolicy("uncertainty").setInterventionCount(1).transform(test);
 * cbm.interventionCurve(test, "random");                // accuracy with 0..k concepts intervened
 * }</pre>
 */
public final class ConceptBottleneckClassifier
    extends ConceptClassifier<ConceptBottleneckModel, ConceptBottleneckClassifier>
    implements EstimatorParams.Bottleneck<ConceptBottleneckClassifier> {
  private static final long serialVersionUID = 1L;

  /** The class name this estimator was saved under before it took Spark's name. */
  static final String FORMER_NAME = "io.sparkxai.concepts.ConceptBottleneckModel";

  /** A new estimator with a random uid. */
  public ConceptBottleneckClassifier() {
    this(Identifiable.randomUID("cbm"));
  }

  /** A new estimator with the given uid. */
  public ConceptBottleneckClassifier(String uid) {
    super(uid, FORMER_NAME.hashCode());
  }

  @Override
  NetworkSpec networkSpec(int features, int concepts, int classes) {
    return new NetworkSpec(NetworkSpec.Kind.BOTTLENECK, features, concepts, classes, getEncoderHiddenSizes(),
        getHeadHiddenSizes(), activationFunction(), 0, 0);
  }

  @Override
  List<Objective> objectives() {
    switch (getMode()) {
      case "independent":
        return List.of(Objective.stage(Objective.Stage.CONCEPTS), Objective.stage(Objective.Stage.HEAD_ON_TRUE_CONCEPTS));
      case "sequential":
        return List.of(Objective.stage(Objective.Stage.CONCEPTS),
            Objective.stage(Objective.Stage.HEAD_ON_PREDICTED_CONCEPTS));
      default:
        return List.of(Objective.joint(getConceptLossWeight(), getTaskLossWeight(), 0));
    }
  }

  @Override
  ConceptBottleneckModel newModel(NetworkSpec spec, ParameterSnapshot parameters, Map<String, String> provenance) {
    return new ConceptBottleneckModel(uid(), spec, parameters, provenance);
  }

  @Override
  String trainingName() {
    return "cbm-" + getMode();
  }

  /** Reads a saved estimator, also one saved as {@code ConceptBottleneckModel} before the rename. */
  public static MLReader<ConceptBottleneckClassifier> read() {
    return SavedStages.paramsReader(ConceptBottleneckClassifier::new, ConceptBottleneckClassifier.class.getName(),
        FORMER_NAME);
  }

  /** Loads a saved estimator. */
  public static ConceptBottleneckClassifier load(String path) {
    return read().load(path);
  }
}
