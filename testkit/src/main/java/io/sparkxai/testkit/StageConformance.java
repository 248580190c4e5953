package io.sparkxai.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks every Spark ML stage of this project passes (after Spark's
 * {@code DefaultReadWriteTest}):
 * <ul>
 *   <li>the Java/Spark Connect surface: public no-arg and {@code (String uid)} constructors, static
 *       {@code read()} and {@code load(String)}, every param reachable through a public no-arg method
 *       of its own name, and a {@code META-INF/services} registration;</li>
 *   <li>save, then load: same uid, same params, and (for transformers) the same output rows;</li>
 *   <li>a second save to the same path without {@code overwrite()} fails; with it, succeeds;</li>
 *   <li>the stage works inside a {@link Pipeline}, and the fitted pipeline saves and loads.</li>
 * </ul>
 * Output rows are compared exactly: the stages are deterministic, so a reloaded stage must give
 * bit-identical results.
 */
public final class StageConformance {

  private StageConformance() {}

  /**
   * Checks an estimator and the model it fits on {@code data}; returns the fitted model.
   *
   * @param estimator the configured estimator
   * @param data training data, also used for the transform comparisons
   * @param tmp an empty folder for the saved stages
   */
  public static <M extends Model<M>> M checkEstimator(Estimator<M> estimator, Dataset<Row> data, Path tmp)
      throws IOException {
    checkJavaSurface(estimator.getClass(), "org.apache.spark.ml.Estimator");
    Estimator<?> reloadedEstimator = saveAndLoad(estimator, tmp.resolve("estimator"));
    assertSameParams(estimator, reloadedEstimator);

    M model = estimator.fit(data);
    checkTransformer(model, data, tmp.resolve("model"));

    PipelineModel pipelineModel = new Pipeline().setStages(new PipelineStage[] {estimator}).fit(data);
    assertSameRows(model.transform(data), pipelineModel.transform(data), "model vs. pipeline of the estimator");
    Path pipelinePath = tmp.resolve("pipeline-model");
    pipelineModel.save(pipelinePath.toString());
    PipelineModel reloadedPipeline = PipelineModel.load(pipelinePath.toString());
    assertSameRows(model.transform(data), reloadedPipeline.transform(data), "model vs. reloaded pipeline");
    return model;
  }

  /**
   * Checks a transformer (or a fitted model): Java surface, save/load of params and output, the
   * overwrite rule, and use inside a pipeline.
   */
  public static void checkTransformer(Transformer transformer, Dataset<Row> data, Path tmp) throws IOException {
    checkJavaSurface(transformer.getClass(), "org.apache.spark.ml.Transformer");
    Transformer reloaded = saveAndLoad(transformer, tmp.resolve("stage"));
    assertSameParams(transformer, reloaded);
    Dataset<Row> expected = transformer.transform(data);
    assertSameRows(expected, reloaded.transform(data), "original vs. reloaded " + transformer.getClass().getSimpleName());

    PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {transformer}).fit(data);
    assertSameRows(expected, pipeline.transform(data), "stage vs. pipeline holding it");
    Path pipelinePath = tmp.resolve("pipeline");
    pipeline.save(pipelinePath.toString());
    assertSameRows(expected, PipelineModel.load(pipelinePath.toString()).transform(data), "stage vs. reloaded pipeline");
  }

  /**
   * Saves {@code stage} to {@code path}, checks that a second save without overwrite fails and one
   * with overwrite succeeds, and loads it back through the class's static {@code load(String)}.
   */
  @SuppressWarnings("unchecked")
  public static <S extends PipelineStage> S saveAndLoad(S stage, Path path) throws IOException {
    if (!(stage instanceof MLWritable)) {
      fail(stage.getClass().getName() + " is not MLWritable");
    }
    MLWritable writable = (MLWritable) stage;
    writable.write().save(path.toString());
    assertThrows(IOException.class, () -> writable.write().save(path.toString()),
        "a second save to " + path + " without overwrite() must fail");
    writable.write().overwrite().save(path.toString());
    try {
      Method load = stage.getClass().getMethod("load", String.class);
      S loaded = (S) load.invoke(null, path.toString());
      assertEquals(stage.getClass(), loaded.getClass(), "loaded class");
      assertEquals(stage.uid(), loaded.uid(), "uid after reload");
      return loaded;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("static load(String) of " + stage.getClass().getName() + " failed", e);
    }
  }

  /** Every param of {@code expected} has an equal value (set or default) in {@code actual}. */
  public static void assertSameParams(Params expected, Params actual) {
    for (Param<?> p : expected.params()) {
      Param<?> q = actual.getParam(p.name());
      assertEquals(expected.isDefined(p), actual.isDefined(q), "param " + p.name() + " defined");
      assertEquals(expected.isSet(p), actual.isSet(q), "param " + p.name() + " set");
      if (expected.isDefined(p)) {
        assertDeepEquals(expected.getOrDefault(p), actual.getOrDefault(q), "param " + p.name());
      }
    }
  }

  /** Same columns and the same rows, in the same order, compared exactly. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, String what) {
    assertArrayEquals(expected.columns(), actual.columns(), what + ": columns");
    List<Row> e = expected.collectAsList();
    List<Row> a = actual.collectAsList();
    assertEquals(e.size(), a.size(), what + ": row count");
    for (int i = 0; i < e.size(); i++) {
      Row re = e.get(i);
      Row ra = a.get(i);
      for (int j = 0; j < re.length(); j++) {
        assertDeepEquals(re.get(j), ra.get(j), what + ": row " + i + ", column " + expected.columns()[j]);
      }
    }
  }

  /**
   * The surface Java users, Pipelines and Spark Connect rely on: public no-arg and (String uid)
   * constructors, static read() and load(String), params found through public no-arg methods, and
   * a line in META-INF/services/{@code serviceType}.
   */
  public static void checkJavaSurface(Class<?> stageClass, String serviceType) {
    String name = stageClass.getName();
    assertTrue(Modifier.isPublic(stageClass.getModifiers()), name + " must be public");
    try {
      Constructor<?> noArg = stageClass.getConstructor();
      Constructor<?> withUid = stageClass.getConstructor(String.class);
      Params a = (Params) noArg.newInstance();
      Params b = (Params) withUid.newInstance("conformance_uid");
      assertEquals("conformance_uid", b.uid(), name + "(String uid) must keep the uid");
      checkParamMethods(a);
    } catch (NoSuchMethodException e) {
      fail(name + " needs public no-arg and (String uid) constructors (Spark Connect, Pipelines): " + e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("constructing " + name + " failed", e);
    }
    try {
      Method read = stageClass.getMethod("read");
      assertTrue(Modifier.isStatic(read.getModifiers()), name + ".read() must be static");
      assertTrue(MLReader.class.isAssignableFrom(read.getReturnType()), name + ".read() must return an MLReader");
      Method load = stageClass.getMethod("load", String.class);
      assertTrue(Modifier.isStatic(load.getModifiers()), name + ".load(String) must be static");
    } catch (NoSuchMethodException e) {
      fail(name + " needs static read() and load(String): " + e.getMessage());
    }
    assertTrue(registeredServices(serviceType).contains(name),
        name + " is not listed in META-INF/services/" + serviceType + " (Spark Connect finds stages there)");
  }

  private static void checkParamMethods(Params stage) {
    for (Param<?> p : stage.params()) {
      try {
        Method m = stage.getClass().getMethod(p.name());
        assertTrue(Param.class.isAssignableFrom(m.getReturnType()),
            "method " + p.name() + "() of " + stage.getClass().getName() + " must return the Param");
      } catch (NoSuchMethodException e) {
        fail("param " + p.name() + " of " + stage.getClass().getName() + " has no public no-arg method of its name");
      }
    }
    Set<String> names = new HashSet<>();
    for (Param<?> p : stage.params()) {
      assertTrue(names.add(p.name()), "param name " + p.name() + " appears twice");
    }
  }

  /** The class names listed in every {@code META-INF/services/<serviceType>} on the class path. */
  public static Set<String> registeredServices(String serviceType) {
    Set<String> names = new HashSet<>();
    try {
      Enumeration<URL> urls = StageConformance.class.getClassLoader().getResources("META-INF/services/" + serviceType);
      while (urls.hasMoreElements()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(urls.nextElement().openStream(),
            StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            String s = line.replaceAll("#.*", "").trim();
            if (!s.isEmpty()) {
              names.add(s);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new AssertionError("cannot read META-INF/services/" + serviceType, e);
    }
    return names;
  }

  static void assertDeepEquals(Object expected, Object actual, String what) {
    if (expected instanceof Row && actual instanceof Row) {
      Row e = (Row) expected;
      Row a = (Row) actual;
      assertEquals(e.length(), a.length(), what + ": struct size");
      for (int i = 0; i < e.length(); i++) {
        assertDeepEquals(e.get(i), a.get(i), what + "." + i);
      }
    } else if (expected instanceof scala.collection.Seq && actual instanceof scala.collection.Seq) {
      List<Object> e = toList((scala.collection.Seq<?>) expected);
      List<Object> a = toList((scala.collection.Seq<?>) actual);
      assertEquals(e.size(), a.size(), what + ": length");
      for (int i = 0; i < e.size(); i++) {
        assertDeepEquals(e.get(i), a.get(i), what + "[" + i + "]");
      }
    } else if (expected != null && expected.getClass().isArray()) {
      assertTrue(actual != null && actual.getClass().isArray(), what + ": expected an array, got " + actual);
      assertTrue(Arrays.deepEquals(new Object[] {expected}, new Object[] {actual}),
          what + ": arrays differ: " + Arrays.deepToString(new Object[] {expected}) + " vs. "
              + Arrays.deepToString(new Object[] {actual}));
    } else {
      assertEquals(expected, actual, what);
    }
  }

  private static List<Object> toList(scala.collection.Seq<?> seq) {
    List<Object> out = new ArrayList<>();
    scala.collection.Iterator<?> it = seq.iterator();
    while (it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }
}
