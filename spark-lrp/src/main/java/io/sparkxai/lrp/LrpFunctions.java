package io.sparkxai.lrp;

import ai.djl.Device;
import io.sparkxai.lrp.LrpSpec.RuleSpec;
import io.sparkxai.lrp.core.LrpResult;
import io.sparkxai.lrp.core.Target;
import io.sparkxai.nn.Graph;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Relevance for any model graph from other stages and from SQL: register a {@link Graph} (built in
 * memory, e.g. by another stage) or a model file under a name, then
 *
 * <ul>
 *   <li>{@link #relevance(String, Column)} (or {@code name(col)} in SQL) gives a column of structs
 *       {@code <relevance: array<float>, prediction: int, explained_class: int, relevance_sum: double>}
 *       for a column of inputs in the model's layout (array&lt;float&gt;, array&lt;double&gt; or vector);
 *       a null input gives null, an input of the wrong length fails naming it. It runs row by row (a
 *       SQL function sees one row at a time), with the model cached per executor JVM as for
 *       {@link LrpExplainer};</li>
 *   <li>{@link #explain(Dataset, String, String)} runs the batched {@link LrpExplainer} path with the
 *       registered model: the way for large data.</li>
 * </ul>
 *
 * The rules, precision, device and target class come from the {@link LrpExplainer} given at
 * registration (its other params, such as the columns, apply to {@link #explain}). Registrations
 * live in the driver JVM, per session.
 */
public final class LrpFunctions {

  /** The type of {@link #relevance}'s column. */
  public static final StructType RESULT = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
      DataTypes.createStructField("relevance", DataTypes.createArrayType(DataTypes.FloatType, false), false),
      DataTypes.createStructField("prediction", DataTypes.IntegerType, false),
      DataTypes.createStructField("explained_class", DataTypes.IntegerType, false),
      DataTypes.createStructField("relevance_sum", DataTypes.DoubleType, false)});

  private static final Map<String, Registered> REGISTERED = new ConcurrentHashMap<>();

  private record Registered(ModelSource source, LrpExplainer settings) {}

  private LrpFunctions() {}

  /**
   * Registers {@code graph} under {@code name}: a SQL function of that name in {@code spark}, and a
   * model for {@link #explain}. The graph is broadcast once; a later registration of the same name
   * replaces it.
   *
   * @param settings rules, precision, device, target class (and for {@link #explain}, the columns)
   * @return the SQL function
   */
  public static UserDefinedFunction register(SparkSession spark, String name, Graph graph, LrpExplainer settings) {
    return register(spark, name, ModelSource.graph(spark, name, graph), settings);
  }

  /** As {@link #register(SparkSession, String, Graph, LrpExplainer)} with the model of {@code settings.modelPath}. */
  public static UserDefinedFunction register(SparkSession spark, String name, LrpExplainer settings) {
    if (settings.getModelPath() == null) {
      throw new IllegalArgumentException("modelPath is not set");
    }
    int[] declared = settings.getInputShape();
    int length = declared == null ? 0 : Arrays.stream(declared).reduce(1, (a, b) -> a * b);
    return register(spark, name, ModelSource.file(spark, settings.getModelPath(), length), settings);
  }

  private static UserDefinedFunction register(SparkSession spark, String name, ModelSource source,
      LrpExplainer settings) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("a function name is letters, digits and _, got '" + name + "'");
    }
    Graph g = source.load();
    int target = settings.getTargetClass();
    if (target >= g.outputSize()) {
      throw new IllegalArgumentException("targetClass " + target + " is not a class of " + source.description());
    }
    RowRelevance f = new RowRelevance(source, settings.rules(), settings.getPrecision(), settings.getDevice(),
        g.inputSize(), target);
    UserDefinedFunction udf = functions.udf(f, RESULT).withName(name);
    spark.udf().register(name, udf);
    REGISTERED.put(name, new Registered(source, settings.copy(new org.apache.spark.ml.param.ParamMap())));
    return udf;
  }

  /** The column of {@code name(input)}: relevance struct per row. */
  public static Column relevance(String name, Column input) {
    if (!REGISTERED.containsKey(name)) {
      throw new IllegalArgumentException("no LRP model is registered as '" + name + "'; registered: "
          + String.join(", ", REGISTERED.keySet()));
    }
    return functions.call_function(name, input);
  }

  /**
   * Batched relevance of {@code inputCol} with the model registered as {@code name}, as
   * {@link LrpExplainer#explain} computes it with the registration's settings.
   */
  public static LrpExplainer.Run explain(Dataset<?> dataset, String name, String inputCol) {
    Registered r = REGISTERED.get(name);
    if (r == null) {
      throw new IllegalArgumentException("no LRP model is registered as '" + name + "'; registered: "
          + String.join(", ", REGISTERED.keySet()));
    }
    LrpExplainer e = r.settings().copy(new org.apache.spark.ml.param.ParamMap()).setInputCol(inputCol);
    return e.run(dataset, e.transformSchema(dataset.schema()), r.source());
  }

  /** The SQL function: one row's relevance, the model from the JVM's {@link EngineCache}. */
  private static final class RowRelevance implements UDF1<Object, Row>, Serializable {
    private static final long serialVersionUID = 1L;
    private final ModelSource source;
    private final RuleSpec rules;
    private final String precision;
    private final String device;
    private final int size;
    private final int target;

    RowRelevance(ModelSource source, RuleSpec rules, String precision, String device, int size, int target) {
      this.source = source;
      this.rules = rules;
      this.precision = precision;
      this.device = device;
      this.size = size;
      this.target = target;
    }

    @Override
    public Row call(Object value) {
      if (value == null) {
        return null;
      }
      double[] x = new double[2 * size];
      if (value instanceof Vector v) {
        fill(x, v.toArray(), v.size());
      } else if (value instanceof scala.collection.Seq<?> s) {
        if (s.length() != size) {
          throw length(s.length());
        }
        for (int i = 0; i < size; i++) {
          Object o = s.apply(i);
          if (o == null) {
            throw new IllegalArgumentException(source.description() + ": input value " + i + " is null");
          }
          x[i] = ((Number) o).doubleValue();
        }
      } else {
        throw new IllegalArgumentException(source.description() + " takes array<float>, array<double> or vector"
            + " inputs, got " + value.getClass().getName());
      }
      // one row runs as two, as in PartitionExplainer: the same rounding whatever the batch
      System.arraycopy(x, 0, x, size, size);
      Device d = TaskDevice.forCurrentTask(device);
      LrpSpec spec = new LrpSpec(source, rules, precision, device, 2, null, -1, null, null, target, "error", false,
          false, false, 0);
      try (EngineCache.Lease lease = EngineCache.acquire(spec.engineKey(d), () -> spec.buildEngine(d))) {
        LrpResult r = lease.engine().explain(x, 2, target >= 0 ? Target.index(target) : Target.predicted());
        float[] rel = new float[size];
        for (int i = 0; i < size; i++) {
          rel[i] = (float) r.relevance()[i];
        }
        return RowFactory.create(rel, r.predicted()[0], r.target()[0], r.relevanceSum()[0]);
      }
    }

    private void fill(double[] x, double[] v, int n) {
      if (n != size) {
        throw length(n);
      }
      System.arraycopy(v, 0, x, 0, size);
    }

    private IllegalArgumentException length(int n) {
      return new IllegalArgumentException(source.description() + " takes " + size + " input values, got " + n);
    }
  }
}
