package io.sparkxai.concepts;

import io.sparkxai.concepts.core.ActivationFunction;
import io.sparkxai.concepts.core.AdamWSettings;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.Objective;
import io.sparkxai.concepts.core.ParameterSnapshot;
import io.sparkxai.concepts.core.TrainingState;
import io.sparkxai.concepts.params.ColumnParams;
import io.sparkxai.concepts.params.NetworkTrainingParams;
import io.sparkxai.params.ParamRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What every concept-network estimator shares: its params (the concept, label and output columns;
 * how the network is trained), the training of a network on prepared rows, and the provenance of
 * the fitted model. Training is deterministic: the same data, seed and params give the same model
 * whatever the data's partitioning.
 *
 * @param <M> the fitted model
 * @param <S> the concrete estimator (what the fluent setters return)
 */
public abstract class ConceptNetworkEstimator<M extends Model<M>, S extends ConceptNetworkEstimator<M, S>>
    extends Estimator<M> implements DefaultParamsWritable, ColumnParams.Task<S>, NetworkTrainingParams<S> {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ParamRegistry params;

  /**
   * Makes the params with their defaults.
   *
   * @param defaultSeed the seed's default: the hash of the estimator's first class name, as Spark's
   *     {@code HasSeed} does, kept across renames so that a default fit stays the same
   */
  protected ConceptNetworkEstimator(String uid, long defaultSeed) {
    this.uid = uid;
    this.params = ParamRegistry.of(this);
    setDefault(seed(), defaultSeed);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public ParamRegistry paramRegistry() {
    return params;
  }

  @Override
  @SuppressWarnings("unchecked")
  public S copy(ParamMap extra) {
    return (S) defaultCopy(extra);
  }

  /** The AdamW settings these params describe. */
  AdamWSettings adamW() {
    return new AdamWSettings(getLearningRate(), getWeightDecay(), 0.9, 0.999, 1e-8);
  }

  ActivationFunction activationFunction() {
    return ActivationFunction.of(getActivation());
  }

  /** The number of shards for {@code rows} training rows. */
  int shardsFor(long rows) {
    int n = getNumShards();
    return n > 0 ? n : (int) Math.max(1, (rows + getRowsPerShard() - 1) / getRowsPerShard());
  }

  /** The concept columns, checked to be set and non-empty. */
  String[] requireConceptCols() {
    if (!isDefined(conceptCols()) || getConceptCols().length == 0) {
      throw new IllegalArgumentException("conceptCols must name at least one concept column");
    }
    if (getConceptCols().length > 63) {
      throw new IllegalArgumentException("conceptCols: at most 63 concepts are supported, got " + getConceptCols().length);
    }
    return getConceptCols();
  }

  /** Fails unless every layer width of the param {@code name} is at least 1. */
  static void requireWidths(String name, int[] widths) {
    for (int h : widths) {
      if (h < 1) {
        throw new IllegalArgumentException(name + " must all be >= 1, got " + Arrays.toString(widths));
      }
    }
  }

  /** A trained network's parameters and the averaging rounds the training took. */
  record Trained(ParameterSnapshot parameters, int rounds) {}

  /**
   * Trains {@code spec} on the prepared rows ({@link ConceptColumns#FEATURES} when
   * {@code featureWidth > 0}, {@link ConceptColumns#CONCEPTS}, {@link ConceptColumns#LABEL}), one
   * objective after the other, each starting from the last one's parameters with a fresh optimiser.
   */
  Trained train(Dataset<Row> prepared, int featureWidth, NetworkSpec spec, List<Objective> objectives, int shards) {
    try (ShardedTraining training = new ShardedTraining(prepared, shards, featureWidth, spec.numConcepts())) {
      TrainingState state = null;
      for (Objective objective : objectives) {
        state = training.run(spec, objective, state == null ? null : TrainingState.fresh(state.parameters()), adamW(),
            getEpochs(), getBatchSize(), getSeed(), getEpochsPerSync());
      }
      return new Trained(state.parameters(), training.rounds());
    }
  }

  /**
   * Where a model comes from: what was trained, the library version, rows, shards, rounds, seed,
   * epochs, {@code extra}, the fit time and when.
   */
  Map<String, String> provenance(String training, long rows, int shards, Trained trained, long startedNanos,
      Map<String, String> extra) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("training", training);
    p.put("library", libraryVersion());
    p.put("rows", Long.toString(rows));
    p.put("shards", Integer.toString(shards));
    p.put("rounds", Integer.toString(trained.rounds()));
    p.put("seed", Long.toString(getSeed()));
    p.put("epochs", Integer.toString(getEpochs()));
    p.putAll(extra);
    p.put("fitSeconds", String.format(Locale.ROOT, "%.3f", (System.nanoTime() - startedNanos) / 1e9));
    p.put("trainedAt", Instant.now().toString());
    return p;
  }

  static String libraryVersion() {
    String v = ConceptNetworkEstimator.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The fitted {@code model} with this estimator's params and as its parent. */
  M withParamsOf(M model) {
    copyValues(model, extractParamMap());
    model.setParent(this);
    return model;
  }
}
