package io.sparkxai.concepts.params;

import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/**
 * The params of one kind of estimator each, as nested params interfaces: {@link Classifier}
 * (what the bottleneck and embedding classifiers share), {@link Bottleneck}, {@link Embedding} and
 * {@link EntropyLogic}. One file, like Spark's {@code sharedParams.scala}.
 */
public final class EstimatorParams {

  private EstimatorParams() {}

  /**
   * What the bottleneck and embedding classifiers share beyond their columns and training: the
   * encoder and head widths and the weights of the joint loss. The embedding classifier defaults the
   * widths to its own recipe (encoder 10, no head hidden layer).
   *
   * @param <S> the estimator
   */
  public interface Classifier<S extends Classifier<S>>
      extends ColumnParams.Features<S>, NetworkTrainingParams<S> {
    ParamDecl<int[]> ENCODER_HIDDEN_SIZES = ParamDecl.ofInts("encoderHiddenSizes",
        "hidden layer widths of the concept encoder", new int[] {10, 8}, Rule.any());
    ParamDecl<int[]> HEAD_HIDDEN_SIZES = ParamDecl.ofInts("headHiddenSizes", "hidden layer widths of the task head",
        new int[] {8}, Rule.any());
    ParamDecl<Double> CONCEPT_LOSS_WEIGHT = ParamDecl.ofDouble("conceptLossWeight", "weight of the concept loss (>= 0)",
        1.0, Rule.atLeast(0.0));
    ParamDecl<Double> TASK_LOSS_WEIGHT = ParamDecl.ofDouble("taskLossWeight", "weight of the task loss (>= 0)", 0.2,
        Rule.atLeast(0.0));

    /** Encoder hidden widths (default 10, 8: the blog recipe); checked to be >= 1 when fitting. */
    default IntArrayParam encoderHiddenSizes() {
      return intArrayParam(ENCODER_HIDDEN_SIZES);
    }

    default int[] getEncoderHiddenSizes() {
      return valueOf(ENCODER_HIDDEN_SIZES);
    }

    default S setEncoderHiddenSizes(int... value) {
      return setValue(ENCODER_HIDDEN_SIZES, value);
    }

    /** Head hidden widths (default 8). */
    default IntArrayParam headHiddenSizes() {
      return intArrayParam(HEAD_HIDDEN_SIZES);
    }

    default int[] getHeadHiddenSizes() {
      return valueOf(HEAD_HIDDEN_SIZES);
    }

    default S setHeadHiddenSizes(int... value) {
      return setValue(HEAD_HIDDEN_SIZES, value);
    }

    /** Weight of the concept loss in joint training (default 1). */
    default DoubleParam conceptLossWeight() {
      return doubleParam(CONCEPT_LOSS_WEIGHT);
    }

    default double getConceptLossWeight() {
      return valueOf(CONCEPT_LOSS_WEIGHT);
    }

    default S setConceptLossWeight(double value) {
      return setValue(CONCEPT_LOSS_WEIGHT, value);
    }

    /** Weight of the task loss in joint training (default 0.2: BCE(c) + 0.2·BCE(y), the blog recipe). */
    default DoubleParam taskLossWeight() {
      return doubleParam(TASK_LOSS_WEIGHT);
    }

    default double getTaskLossWeight() {
      return valueOf(TASK_LOSS_WEIGHT);
    }

    default S setTaskLossWeight(double value) {
      return setValue(TASK_LOSS_WEIGHT, value);
    }
  }

  /**
   * The concept bottleneck classifier's own param: how encoder and head are trained.
   *
   * @param <S> the estimator
   */
  public interface Bottleneck<S extends Bottleneck<S>> extends Classifier<S> {
    ParamDecl<String> MODE = ParamDecl.ofString("mode", "how encoder and head are trained: independent, sequential, joint",
        "joint", Rule.exactlyOneOf("independent", "sequential", "joint"));

    /** Training mode (default {@code joint}). */
    default Param<String> mode() {
      return declared(MODE);
    }

    default String getMode() {
      return valueOf(MODE);
    }

    default S setMode(String value) {
      return setValue(MODE, value);
    }
  }

  /**
   * The concept embedding classifier's own params: the embedding width and RandInt's probability.
   *
   * @param <S> the estimator
   */
  public interface Embedding<S extends Embedding<S>> extends Classifier<S> {
    ParamDecl<Integer> EMBEDDING_SIZE = ParamDecl.ofInt("embeddingSize",
        "width of each concept's two embeddings (>= 1)", 8, Rule.atLeast(1));
    ParamDecl<Double> INTERVENTION_PROBABILITY = ParamDecl.ofDouble("interventionProbability",
        "RandInt: probability of intervening on each concept of each training row, in [0, 1]", 0.25,
        Rule.probability());

    /** Embedding width per concept (default 8). */
    default IntParam embeddingSize() {
      return intParam(EMBEDDING_SIZE);
    }

    default int getEmbeddingSize() {
      return valueOf(EMBEDDING_SIZE);
    }

    default S setEmbeddingSize(int value) {
      return setValue(EMBEDDING_SIZE, value);
    }

    /** RandInt probability (default 0.25). */
    default DoubleParam interventionProbability() {
      return doubleParam(INTERVENTION_PROBABILITY);
    }

    default double getInterventionProbability() {
      return valueOf(INTERVENTION_PROBABILITY);
    }

    default S setInterventionProbability(double value) {
      return setValue(INTERVENTION_PROBABILITY, value);
    }
  }

  /**
   * The entropy logic explainer's own params: the network's widths, the attention's temperature and
   * entropy weight, and how the formulas are extracted.
   *
   * @param <S> the estimator
   */
  public interface EntropyLogic<S extends EntropyLogic<S>>
      extends ColumnParams.Task<S>, NetworkTrainingParams<S> {
    ParamDecl<int[]> HIDDEN_SIZES = ParamDecl.ofInts("hiddenSizes",
        "widths of the entropy layer (first) and of the hidden layers after it", new int[] {10, 4}, Rule.any());
    ParamDecl<Double> TEMPERATURE = ParamDecl.ofDouble("temperature",
        "temperature τ of the concept attention softmax (> 0)", 0.6, Rule.above(0));
    ParamDecl<Double> ENTROPY_WEIGHT = ParamDecl.ofDouble("entropyWeight", "weight of the attention-entropy loss (>= 0)",
        1e-4, Rule.atLeast(0.0));
    ParamDecl<Integer> MAX_EXPLANATION_CONCEPTS = ParamDecl.ofInt("maxExplanationConcepts",
        "most concepts one class's formula may use, the most attended first (1..16)", 10, Rule.between(1, 16));
    ParamDecl<String> UNSEEN_TUPLES = ParamDecl.ofString("unseenTuples",
        "concept tuples no correctly predicted training row shows: dont_care (the minimiser may use them) or false",
        "dont_care", Rule.exactlyOneOf("dont_care", "false"));

    /** Widths of the entropy layer and the layers after it (default 10, 4). */
    default IntArrayParam hiddenSizes() {
      return intArrayParam(HIDDEN_SIZES);
    }

    default int[] getHiddenSizes() {
      return valueOf(HIDDEN_SIZES);
    }

    default S setHiddenSizes(int... value) {
      return setValue(HIDDEN_SIZES, value);
    }

    /** Attention temperature τ (default 0.6). */
    default DoubleParam temperature() {
      return doubleParam(TEMPERATURE);
    }

    default double getTemperature() {
      return valueOf(TEMPERATURE);
    }

    default S setTemperature(double value) {
      return setValue(TEMPERATURE, value);
    }

    /** Entropy loss weight (default 1e-4). */
    default DoubleParam entropyWeight() {
      return doubleParam(ENTROPY_WEIGHT);
    }

    default double getEntropyWeight() {
      return valueOf(ENTROPY_WEIGHT);
    }

    default S setEntropyWeight(double value) {
      return setValue(ENTROPY_WEIGHT, value);
    }

    /** Most concepts per class formula (default 10). */
    default IntParam maxExplanationConcepts() {
      return intParam(MAX_EXPLANATION_CONCEPTS);
    }

    default int getMaxExplanationConcepts() {
      return valueOf(MAX_EXPLANATION_CONCEPTS);
    }

    default S setMaxExplanationConcepts(int value) {
      return setValue(MAX_EXPLANATION_CONCEPTS, value);
    }

    /** How unseen tuples are treated in the minimisation (default {@code dont_care}). */
    default Param<String> unseenTuples() {
      return declared(UNSEEN_TUPLES);
    }

    default String getUnseenTuples() {
      return valueOf(UNSEEN_TUPLES);
    }

    default S setUnseenTuples(String value) {
      return setValue(UNSEEN_TUPLES, value);
    }
  }
}
