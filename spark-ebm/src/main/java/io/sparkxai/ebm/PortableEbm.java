package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmJson;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.InterpretJson;
import io.sparkxai.ebm.core.PredictionTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fitted EBM models to and from JSON, without Spark jobs: spark-ebm's portable form ({@code "sparkxai"},
 * {@link EbmJson}: format {@code "spark-ebm/model"}, version 1, schema in {@code docs/ebm-json.md}; the
 * same document a saved model keeps in {@code data/model.json}) and interpretml 0.7.8's {@code to_json}
 * form ({@code "interpret"}, {@link InterpretJson}). A model read from JSON reads its features from the
 * columns named as the features ({@code inputCols}); its other params are the defaults. The JSON is what
 * {@link io.sparkxai.ebm.core.EbmScorer} scores without Spark.
 */
public final class PortableEbm {

  /** spark-ebm's own JSON form. */
  public static final String SPARKXAI = "sparkxai";
  /** interpretml's JSON form. */
  public static final String INTERPRET = "interpret";

  private PortableEbm() {}

  /**
   * A model from JSON in either form, an {@link ExplainableBoostingClassificationModel} or an
   * {@link ExplainableBoostingRegressionModel} as its task says.
   *
   * @throws IllegalArgumentException when the text is no model JSON, or of a version or content this library
   *     does not read (the message says which)
   */
  public static EbmModelBase<?> fromJson(String json) {
    EbmJson.Document d = EbmJson.readAny(json, "the model JSON");
    return d.model().task() == PredictionTask.REGRESSION
        ? fitted(d, new ExplainableBoostingRegressionModel(), "the model JSON")
        : fitted(d, new ExplainableBoostingClassificationModel(), "the model JSON");
  }

  /** A model of class {@code type} from JSON in either form; refuses a JSON of the other task. */
  static <M extends EbmModelBase<M>> M fromJson(String json, M empty) {
    EbmJson.Document d = EbmJson.readAny(json, "the model JSON");
    boolean classifier = empty instanceof ExplainableBoostingClassificationModel;
    if (classifier == (d.model().task() == PredictionTask.REGRESSION)) {
      throw new IllegalArgumentException("the model JSON holds a " + d.model().task() + " model; read it with "
          + (classifier ? ExplainableBoostingRegressionModel.class : ExplainableBoostingClassificationModel.class)
              .getSimpleName() + ".fromJson");
    }
    return fitted(d, empty, "the model JSON");
  }

  private static <M extends EbmModelBase<M>> M fitted(EbmJson.Document d, M empty, String where) {
    List<String> names = new ArrayList<>();
    for (FeatureBinning b : d.model().features()) {
      names.add(b.name());
    }
    empty.setInputCols(names.toArray(new String[0]));
    return empty.setFitted(d.model(), EbmModelJson.summary(d.summaryJson(), where), d.provenance());
  }

  /**
   * A model's JSON in the given form.
   *
   * @param format {@value #SPARKXAI} (with the training summary and provenance) or {@value #INTERPRET}
   * @throws IllegalArgumentException for another format
   */
  public static String toJson(EbmModelBase<?> model, String format) {
    switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
      case SPARKXAI:
        return EbmModelJson.write(model.ebm(), model.summary(), model.provenance());
      case INTERPRET:
        return InterpretJson.write(model.ebm(), model.classNames());
      default:
        throw new IllegalArgumentException("JSON format must be " + SPARKXAI + " or " + INTERPRET + ", got "
            + format);
    }
  }
}
