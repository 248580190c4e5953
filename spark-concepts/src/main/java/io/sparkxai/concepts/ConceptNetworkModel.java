package io.sparkxai.concepts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.ParameterSnapshot;
import io.sparkxai.concepts.params.ColumnParams;
import io.sparkxai.params.ParamRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.SparkSession;

/**
 * What every fitted concept network shares: the network (spec, trained parameters, provenance),
 * the guard against using a model that has none (Spark's reflection makes empty ones), copy, and
 * the versioned save of {@link NetworkModelStore}. Concept columns default to none on a model: it
 * needs them only for interventions and evaluation.
 *
 * @param <M> the concrete model
 */
public abstract class ConceptNetworkModel<M extends ConceptNetworkModel<M>> extends Model<M>
    implements MLWritable, ColumnParams.Task<M> {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final NetworkSpec spec;
  private final ParameterSnapshot parameters;
  private final Map<String, String> provenance;
  private final ParamRegistry params;

  /** A model of {@code spec} with {@code parameters} (both null for an empty one); params at their defaults. */
  protected ConceptNetworkModel(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance) {
    this.uid = uid;
    this.spec = spec;
    this.parameters = parameters;
    this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    this.params = ParamRegistry.of(this);
    setDefault(conceptCols(), new String[0]);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public ParamRegistry paramRegistry() {
    return params;
  }

  /** Fails when this model has no trained network. */
  final void requireTrained() {
    if (spec == null) {
      throw new IllegalStateException("model " + uid + " has no trained network: fit an estimator or load a saved model");
    }
  }

  /** The network's description. */
  public NetworkSpec networkSpec() {
    requireTrained();
    return spec;
  }

  /** The trained parameters. */
  public ParameterSnapshot parameters() {
    requireTrained();
    return parameters;
  }

  /** Where the model came from: training, library version, rows, shards, seed, time. */
  public Map<String, String> provenance() {
    return provenance;
  }

  /** Number of task classes. */
  public int numClasses() {
    return networkSpec().numClasses();
  }

  /** Number of concepts. */
  public int numConcepts() {
    return networkSpec().numConcepts();
  }

  /** A model of this class with the given network and default params, for {@link #copy(ParamMap)}. */
  abstract M newInstance(String uid, NetworkSpec spec, ParameterSnapshot parameters, Map<String, String> provenance);

  /** Adds what this model saves beyond its network to network.json (nothing by default). */
  void addToNetworkJson(ObjectNode document) {}

  @Override
  public M copy(ParamMap extra) {
    M copy = newInstance(uid, spec, parameters, provenance);
    copyValues(copy, extra);
    if (hasParent()) {
      copy.setParent(parent());
    }
    return copy;
  }

  @Override
  public MLWriter write() {
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        requireTrained();
        try {
          NetworkModelStore.save(ConceptNetworkModel.this, path, sparkSession(), spec, parameters, provenance,
              ConceptNetworkModel.this::addToNetworkJson);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot save the model to " + path + ": " + e.getMessage(), e);
        }
      }
    };
  }

  @Override
  public void save(String path) throws IOException {
    write().save(path);
  }

  /**
   * Loads the model saved at {@code path} by one of {@code classNames}: {@code factory} builds it
   * from the saved network, then the saved params are set.
   */
  static <T extends ConceptNetworkModel<T>> T load(String path, SparkSession spark, List<String> classNames,
      Function<NetworkModelStore.Loaded, T> factory) {
    NetworkModelStore.Loaded loaded = NetworkModelStore.load(path, spark, classNames);
    T model = factory.apply(loaded);
    loaded.metadata().getAndSetParams(model, scala.Option.empty());
    return model;
  }
}
