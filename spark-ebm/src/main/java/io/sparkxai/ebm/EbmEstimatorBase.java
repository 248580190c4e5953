package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.params.ParamRegistry;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * What the EBM estimators share: the warm start and {@link #fit}, which checks the params as a whole
 * ({@link EbmSettings}) and hands the data to {@link EbmTrainer}. The params, their defaults and
 * their setters come from {@link EbmParams}.
 *
 * @param <M> the model it fits
 * @param <S> the concrete estimator (for fluent setters)
 */
public abstract class EbmEstimatorBase<M extends EbmModelBase<M>, S extends EbmEstimatorBase<M, S>>
    extends Estimator<M> implements EbmParams<S>, DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ParamRegistry registry;
  private transient EbmModelBase<?> initialModel;

  EbmEstimatorBase(String uid) {
    this.uid = uid;
    this.registry = ParamRegistry.of(this);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public final ParamRegistry paramRegistry() {
    return registry;
  }

  /**
   * Continues boosting from a fitted model (warm start): its binning and terms are kept, new
   * boosting adds to its scores on this fit's data. Not a param (models are not literal values);
   * {@link #initialModelPath()} does the same from a saved model. Set null to clear.
   */
  @SuppressWarnings("unchecked")
  public final S setInitialModel(EbmModelBase<?> model) {
    this.initialModel = model;
    return (S) this;
  }

  /** The warm-start model set by {@link #setInitialModel}, or null. */
  public final EbmModelBase<?> getInitialModel() {
    return initialModel;
  }

  /** A new, empty model of the concrete type. */
  abstract M newModel(String modelUid);

  /** Loads a saved model of the concrete type (for {@link #initialModelPath()}). */
  abstract M loadModel(String path);

  @Override
  public M fit(Dataset<?> dataset) {
    EbmSettings settings = EbmSettings.from(this);
    EbmModel initial = null;
    if (initialModel != null) {
      initial = initialModel.ebm();
    } else if (!settings.initialModelPath().isEmpty()) {
      initial = loadModel(settings.initialModelPath()).ebm();
    }
    // a warm start reads the model's terms; its bags would only travel with every job
    EbmTrainer.Result r = EbmTrainer.fit(dataset, settings, initial == null ? null : initial.withBags(null), uid);
    M model = newModel(uid);
    model.setFitted(r.model(), r.summary(), r.provenance());
    copyValues(model, ParamMap.empty());
    return model.setParent(this);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return copyValues(newModel(uid), ParamMap.empty()).transformSchema(schema);
  }

  @Override
  public S copy(ParamMap extra) {
    S copy = defaultCopy(extra);
    copy.setInitialModel(initialModel);
    return copy;
  }
}
