package io.sparkxai.lrp;

import io.sparkxai.params.ParamRegistry;
import io.sparkxai.reports.Report;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The LRP report of a dataset as a DataFrame, from a stage that takes only literal params: the route
 * to {@link LrpExplainer#report} from Spark Connect, whose clients create stages by class name and
 * cannot call a stage's other methods. It has every param of {@link LrpExplainer} (same names, defaults
 * and rules) plus {@code images}; {@code transform(dataset)} returns one row with one column,
 * {@code html}: the page {@link LrpReportPage} draws of the first {@code images} explained rows, the
 * same bytes as {@code explainer().report(dataset, images)} gives (one Spark job).
 *
 * <pre>{@code
 * String html = new LrpReport().setModelPath("cnn.onnx").setComposite("EpsilonGammaBox").setLow(-1).setHigh(1)
 *     .setImages(8).transform(images).first().getString(0);
 * }</pre>
 */
public class LrpReport extends Transformer implements LrpReportParams<LrpReport>, DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  /** The one column {@code transform} returns. */
  static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("html", DataTypes.StringType, false)));

  private final String uid;
  private final ParamRegistry registry;

  /** A new report stage with a random uid. */
  public LrpReport() {
    this(Identifiable$.MODULE$.randomUID("lrpReport"));
  }

  /** A new report stage with the given uid. */
  public LrpReport(String uid) {
    this.uid = uid;
    this.registry = ParamRegistry.of(this);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public ParamRegistry paramRegistry() {
    return registry;
  }

  /** The explainer these params describe: every param but {@code images}, set or default as here. */
  public LrpExplainer explainer() {
    return copyValues(new LrpExplainer(uid), ParamMap.empty());
  }

  /**
   * One row, column {@code html}: {@code explainer().report(dataset, images).html()}.
   *
   * @throws IllegalArgumentException as {@link LrpExplainer#report} does, naming the param or column at
   *     fault
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Report report = explainer().report(dataset, getImages());
    return dataset.sparkSession().createDataFrame(List.of(RowFactory.create(report.html())), SCHEMA);
  }

  /**
   * One column, {@code html}, after the explainer's checks of the input and the rules.
   *
   * @throws IllegalArgumentException naming the param or column at fault
   */
  @Override
  public StructType transformSchema(StructType schema) {
    if (getModelPath() == null) {
      throw new IllegalArgumentException("modelPath is not set");
    }
    explainer().transformSchema(schema);
    return SCHEMA;
  }

  @Override
  public LrpReport copy(ParamMap extra) {
    return (LrpReport) defaultCopy(extra);
  }

  /** Reads a report stage saved with {@code write().save(path)}. */
  public static MLReader<LrpReport> read() {
    return new DefaultParamsReader<>();
  }

  /** Loads a report stage saved with {@code save(path)}. */
  public static LrpReport load(String path) {
    return read().load(path);
  }

}
