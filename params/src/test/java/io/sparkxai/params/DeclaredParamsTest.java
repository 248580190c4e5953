package io.sparkxai.params;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable$;
import org.junit.jupiter.api.Test;

public class DeclaredParamsTest {

  /** A params interface as the modules write them (public: Spark invokes its methods by reflection). */
  public interface ToyParams<S extends ToyParams<S>> extends DeclaredParams<S> {
    ParamDecl<Integer> MAX_BINS = ParamDecl.ofInt("maxBins", "bins", 1024, Rule.atLeast(3));
    ParamDecl<String[]> INPUT_COLS = ParamDecl.ofStrings("inputCols", "columns", new String[0], Rule.distinctNames());
    ParamDecl<String> MODE = ParamDecl.ofString("mode", "how", "joint", Rule.oneOf("joint", "sequential"));

    default IntParam maxBins() {
      return intParam(MAX_BINS);
    }

    default int getMaxBins() {
      return valueOf(MAX_BINS);
    }

    default S setMaxBins(int v) {
      return setValue(MAX_BINS, v);
    }

    default StringArrayParam inputCols() {
      return stringArrayParam(INPUT_COLS);
    }

    default S setInputCols(String... v) {
      return setValue(INPUT_COLS, v);
    }

    default Param<String> mode() {
      return declared(MODE);
    }
  }

  /** A second interface on top, as a classifier adds its own params. */
  public interface MoreParams<S extends MoreParams<S>> extends ToyParams<S> {
    ParamDecl<Double> RATE = ParamDecl.ofDouble("rate", "step", 0.5, Rule.above(0));

    default org.apache.spark.ml.param.DoubleParam rate() {
      return doubleParam(RATE);
    }
  }

  /**
   * What a stage using the idiom must add itself: its uid and its registry (made after the uid is
   * set); the rest is a do-nothing transformer.
   */
  public abstract static class ToyStage<S extends ToyStage<S>> extends Transformer {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final ParamRegistry registry;

    ToyStage(String uid) {
      this.uid = uid;
      this.registry = ParamRegistry.of(this);
    }

    public ParamRegistry paramRegistry() {
      return registry;
    }

    @Override
    public String uid() {
      return uid;
    }

    @Override
    public S copy(ParamMap extra) {
      return defaultCopy(extra);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
      return dataset.toDF();
    }

    @Override
    public StructType transformSchema(StructType schema) {
      return schema;
    }
  }

  public static final class Toy extends ToyStage<Toy> implements MoreParams<Toy> {
    private static final long serialVersionUID = 1L;

    public Toy(String uid) {
      super(uid);
    }
  }

  /** Params without a default, and a case-sensitive choice. */
  public interface OptionalParams<S extends OptionalParams<S>> extends DeclaredParams<S> {
    ParamDecl<Double> LOW = ParamDecl.ofDouble("low", "lowest", Rule.any());
    ParamDecl<Integer> TARGET = ParamDecl.ofInt("target", "class", Rule.atLeast(0));
    ParamDecl<String> ORDER = ParamDecl.ofString("order", "colours", "RGB", Rule.exactlyOneOf("RGB", "BGR"));
    ParamDecl<String> RULE = ParamDecl.ofString("rule", "one rule", null);

    default org.apache.spark.ml.param.DoubleParam low() {
      return doubleParam(LOW);
    }

    default IntParam target() {
      return intParam(TARGET);
    }

    default Param<String> order() {
      return declared(ORDER);
    }

    default Param<String> rule() {
      return declared(RULE);
    }
  }

  public static final class Opt extends ToyStage<Opt> implements OptionalParams<Opt> {
    private static final long serialVersionUID = 1L;

    public Opt() {
      super("opt");
    }

    public Opt(String uid) {
      super(uid);
    }
  }

  @Test
  void paramsWithoutADefaultReadNullUntilSetAndClearOnNull() {
    Opt o = new Opt();
    assertEquals(null, o.valueOrNull(OptionalParams.LOW));
    assertEquals(null, o.valueOrNull(OptionalParams.TARGET));
    assertTrue(!o.hasDefault(o.low()) && !o.hasDefault(o.target()) && !o.hasDefault(o.rule()));
    o.setValue(OptionalParams.LOW, -1.5).setOrClear(OptionalParams.RULE, "flat");
    assertEquals(-1.5, o.valueOrNull(OptionalParams.LOW));
    assertEquals("flat", o.valueOrNull(OptionalParams.RULE));
    assertSame(o, o.setOrClear(OptionalParams.RULE, null));
    assertTrue(!o.isSet(o.rule()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> o.setValue(OptionalParams.TARGET, -1));
    assertEquals("target must be >= 0, got -1", e.getMessage());
    assertEquals("RGB", o.valueOf(OptionalParams.ORDER));
    e = assertThrows(IllegalArgumentException.class, () -> o.setValue(OptionalParams.ORDER, "rgb"));
    assertEquals("order must be one of RGB, BGR, got \"rgb\"", e.getMessage());
  }

  @Test
  void sparkFindsEveryDeclaredParamWithItsDefault() {
    Toy t = new Toy(Identifiable$.MODULE$.randomUID("toy"));
    List<String> names = Arrays.stream(t.params()).map(Param::name).toList();
    assertEquals(List.of("inputCols", "maxBins", "mode", "rate"), names);
    assertEquals(1024, t.getMaxBins());
    assertEquals(0.5, (Double) t.getOrDefault(t.rate()));
    assertSame(t.maxBins(), t.getParam("maxBins"));
    assertTrue(t.explainParams().contains("maxBins: bins (default: 1024)"));
  }

  @Test
  void settersAreFluentAndCheckTheRule() {
    Toy t = new Toy("toy_1");
    assertSame(t, t.setMaxBins(8).setInputCols("a", "b"));
    assertEquals(8, t.getMaxBins());
    assertArrayEquals(new String[] {"a", "b"}, (String[]) t.getOrDefault(t.inputCols()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.setMaxBins(1));
    assertEquals("maxBins must be >= 3, got 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.setInputCols("a", "a"));
    assertEquals("inputCols must be distinct names (\"a\" repeats), got [a, a]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.set(t.mode(), "nope"));
    assertEquals("mode must be one of joint, sequential, got \"nope\"", e.getMessage());
  }

  @Test
  void copiesKeepValuesAndOwnTheirParams() {
    Toy t = new Toy("toy_2").setMaxBins(16);
    Toy c = (Toy) t.copy(ParamMap.empty());
    assertEquals(16, c.getMaxBins());
    assertEquals("toy_2", c.maxBins().parent());
  }

  @Test
  void aStageShippedToAnExecutorStillReadsItsParams() throws Exception {
    Toy t = new Toy("toy_3").setMaxBins(12);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(t);
    }
    Toy shipped;
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      shipped = (Toy) in.readObject();
    }
    assertEquals(12, shipped.getMaxBins());
    assertEquals("joint", shipped.getOrDefault(shipped.mode()));
    assertSame(ToyParams.MAX_BINS, shipped.paramRegistry().declarations().get("maxBins"));
  }

  @Test
  void aRuleMaySayWhatANullMustBe() {
    ParamDecl<String> label = ParamDecl.ofString("labelCol", "label column", "label",
        Rule.<String>any().withNullMessage("a string"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> label.check(null));
    assertEquals("labelCol must be a string, got null", e.getMessage());
    label.check("");
    e = assertThrows(IllegalArgumentException.class, () -> ToyParams.MODE.check(null));
    assertEquals("mode must be set (not null), got null", e.getMessage());
    Rule<String> oneOf = Rule.oneOf("a", "b").withNullMessage("one of a, b");
    assertEquals("one of a, b", oneOf.violation("c"));
    assertEquals(null, oneOf.violation("A"));
  }

  @Test
  void aDefaultThatBreaksItsRuleIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParamDecl.ofInt("maxBins", "bins", 1, Rule.atLeast(3)));
    assertEquals("default of maxBins breaks its rule: maxBins must be >= 3, got 1", e.getMessage());
  }
}
