package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.ebm.core.OuterBags;
import io.sparkxai.testkit.SparkSessionExtension;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * An EBM's life after fit on local[2], on small generated data: models fitted apart merge into an
 * ordinary model (transform, explanations, report, save and load) whose raw score is the weighted mean
 * of theirs on every row; edits return new models; the per-row uncertainty is the spread of the bags'
 * raw scores; bad input to every new entry point is refused with a message naming it.
 */
class EbmLifecycleTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static Dataset<Row> rows;
  private static ExplainableBoostingClassificationModel a;
  private static ExplainableBoostingClassificationModel b;

  @BeforeAll
  static void fitTwoModelsApart() {
    rows = EbmTestData.synthetic(SPARK.session(), 21, 0, 3000, 2).cache();
    // different rows, bins, seeds and bags; model b has no pair
    a = EbmTestData.quickClassifier().setMaxRounds(150).fit(rows.where("x0 < 0.5"));
    b = EbmTestData.quickClassifier().setMaxRounds(150).setSeed(3).setOuterBags(3).setInteractions("0")
        .setMaxBins(32).fit(rows.where("x0 >= 0.5"));
  }

  private static double[] margins(EbmModelBase<?> m, Dataset<Row> data) {
    return m.transform(data).select("rawPrediction").collectAsList().stream()
        .mapToDouble(r -> ((Vector) r.get(0)).apply(1)).toArray();
  }

  @Test
  void mergedModelScoresEveryRowWithTheWeightedMeanOfTheInputs(@TempDir Path tmp) throws Exception {
    ExplainableBoostingClassificationModel merged = ExplainableBoostingModels.merge(a, b);
    double wa = Arrays.stream(a.ebm().terms().get(0).weights()).sum();
    double wb = Arrays.stream(b.ebm().terms().get(0).weights()).sum();
    assertEquals(rows.count(), wa + wb, 1e-9, "default weights: each model's training weight");
    double[] ma = margins(a, rows);
    double[] mb = margins(b, rows);
    double[] mm = margins(merged, rows);
    for (int i = 0; i < mm.length; i++) {
      assertEquals((wa * ma[i] + wb * mb[i]) / (wa + wb), mm[i], 1e-9, "row " + i);
    }
    assertEquals(a.termNames().size(), merged.termNames().size(), "b's terms are a subset of a's");
    assertNotEquals(a.uid(), merged.uid());
    assertEquals(a.uid() + ", " + b.uid(), merged.provenance().get("mergedFrom"));
    assertEquals(wa + ", " + wb, merged.provenance().get("mergeWeights"));
    assertEquals(2 * 1 + 3, merged.ebm().bags().size(), "the bags of both inputs");
    // an ordinary model: explanations, report, save and load, uncertainty
    assertTrue(merged.globalExplanation().count() > 0);
    assertTrue(merged.globalReport().build().html().contains("x0"));
    assertEquals(rows.count(), merged.explainRows(rows).count());
    String path = tmp.resolve("merged").toString();
    merged.write().save(path);
    ExplainableBoostingClassificationModel loaded = ExplainableBoostingClassificationModel.load(path);
    assertEquals(merged.ebm(), loaded.ebm());
    assertEquals(merged.provenance(), loaded.provenance());
    assertArrayEquals(mm, margins(loaded, rows), 0);
    ExplainableBoostingClassificationModel weighted = ExplainableBoostingModels.merge(List.of(a, b),
        new double[] {1, 0});
    assertArrayEquals(ma, margins(weighted, rows), 1e-9, "weights (1, 0): model a alone");
  }

  @Test
  void mergedSavedModelsNameTheirPaths(@TempDir Path tmp) throws Exception {
    a.write().save(tmp.resolve("a").toString());
    b.write().save(tmp.resolve("b").toString());
    List<String> paths = List.of(tmp.resolve("a").toString(), tmp.resolve("b").toString());
    EbmModelBase<?> merged = ExplainableBoostingModels.mergeSaved(paths, null);
    assertTrue(merged instanceof ExplainableBoostingClassificationModel);
    assertEquals(String.join(", ", paths), merged.provenance().get("mergedPaths"));
    assertEquals(ExplainableBoostingModels.merge(a, b).ebm(), merged.ebm());
  }

  @Test
  void editsReturnNewModelsAndRecordThemselves() {
    String pair = a.termNames().get(a.termNames().size() - 1);
    ExplainableBoostingClassificationModel edited = a.removeTerms(pair).scaleTerm("x0", 0.5);
    assertEquals(a.termNames().size() - 1, edited.termNames().size());
    assertEquals(a.termNames().size(), a.ebm().terms().size(), "the model edited is unchanged");
    assertEquals("removeTerms(" + pair + "); scaleTerm(x0, 0.5)", edited.provenance().get("edits"));
    assertEquals(a.uid(), edited.provenance().get("editedFrom"));
    assertEquals(a.getOuterBags(), edited.getOuterBags(), "the params come along");
    Dataset<Row> scored = edited.setContributionsCol("why").transform(rows.limit(50));
    double intercept = edited.intercept()[0];
    for (Row r : scored.select("rawPrediction", "why").collectAsList()) {
      double sum = intercept + r.<Double>getList(1).stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(((Vector) r.get(0)).apply(1), sum, 1e-9);
    }
    assertEquals(0.5 * a.termImportances().get("x0"), edited.termImportances().get("x0"), 1e-12);
    java.util.Map<String, Double> ranges = a.termImportances("min_max");
    double cut = ranges.values().stream().sorted().toList().get(3);
    ExplainableBoostingClassificationModel swept = a.sweep(cut, "min_max");
    assertEquals(ranges.values().stream().filter(v -> v >= cut).count(), swept.termNames().size());
    assertEquals(a.sweep(0).termNames(), a.termNames());
  }

  @Test
  void uncertaintyIsTheSpreadOfTheBagsRawScores() {
    List<Row> out = a.copy(org.apache.spark.ml.param.ParamMap.empty()).setUncertaintyCol("sd")
        .transform(rows.limit(200)).collectAsList();
    EbmModel m = a.ebm();
    OuterBags bags = m.bags();
    double total = Arrays.stream(bags.weights()).sum();
    String[] cols = EbmTestData.SYNTHETIC_FEATURES;
    for (Row r : out) {
      double[] numbers = new double[cols.length];
      String[] levels = new String[cols.length];
      for (int f = 0; f < cols.length; f++) {
        Object v = r.get(r.fieldIndex(cols[f]));
        numbers[f] = v instanceof Double d ? d : Double.NaN;
        levels[f] = v instanceof String l ? l : null;
      }
      int[] bins = m.bins(numbers, levels);
      double[] perBag = new double[bags.size()];
      double mean = 0;
      for (int bag = 0; bag < bags.size(); bag++) {
        perBag[bag] = bags.intercept(bag)[0];
        for (int t = 0; t < m.terms().size(); t++) {
          perBag[bag] += bags.score(t, bag)[m.cell(t, bins)];
        }
        mean += bags.weights()[bag] / total * perBag[bag];
      }
      double variance = 0;
      for (int bag = 0; bag < bags.size(); bag++) {
        variance += bags.weights()[bag] / total * Math.pow(perBag[bag] - mean, 2);
      }
      assertEquals(((Vector) r.getAs("rawPrediction")).apply(1), mean, 1e-9, "the bags' mean is the raw score");
      assertEquals(Math.sqrt(variance), r.<Double>getAs("sd"), 1e-9);
    }
    assertTrue(out.stream().anyMatch(r -> r.<Double>getAs("sd") > 0), "two bags disagree somewhere");
    ExplainableBoostingClassificationModel one = EbmTestData.quickClassifier().setOuterBags(1).setMaxRounds(30)
        .setUncertaintyCol("sd").fit(rows.limit(500));
    assertEquals(0.0, one.transform(rows.limit(20)).agg(functions.max("sd")).first().getDouble(0), 0,
        "one bag: no spread");
  }

  @Test
  void multiclassMergesPerClassAndGivesAnUncertaintyPerClass() {
    Dataset<Row> three = rows.withColumn("k", functions.when(functions.col("x1").gt(0.6), 2.0)
        .otherwise(functions.col("y")));
    ExplainableBoostingClassifier est = EbmTestData.quickClassifier().setLabelCol("k").setInteractions("0")
        .setMaxRounds(60);
    ExplainableBoostingClassificationModel m1 = est.fit(three.where("x2 < 0.5"));
    ExplainableBoostingClassificationModel m2 = est.fit(three.where("x2 >= 0.5"));
    ExplainableBoostingClassificationModel merged = ExplainableBoostingModels.merge(m1, m2)
        .setUncertaintyCol("sd");
    assertEquals(3, merged.numClasses());
    Row r = merged.transform(three.limit(1)).select("sd").first();
    assertEquals(3, r.getList(0).size());
  }

  @Test
  void everyNewEntryPointRefusesBadInputClearly() {
    ExplainableBoostingRegressionModel regression = new ExplainableBoostingRegressor()
        .setInputCols(EbmTestData.SYNTHETIC_FEATURES).setLabelCol("target").setOuterBags(1).setMaxRounds(20)
        .setInteractions("0").fit(rows.limit(300).withColumn("target", functions.col("x3").multiply(2)));
    refused(() -> ExplainableBoostingModels.mergeAny(List.of(a, regression), null, null),
        "model 2 is a ExplainableBoostingRegressionModel but model 1 is a ExplainableBoostingClassificationModel");
    ExplainableBoostingClassificationModel named = b.copy(org.apache.spark.ml.param.ParamMap.empty())
        .setClassNames(List.of("no", "yes"));
    ExplainableBoostingClassificationModel otherNames = a.copy(org.apache.spark.ml.param.ParamMap.empty())
        .setClassNames(List.of("yes", "no"));
    refused(() -> ExplainableBoostingModels.merge(otherNames, named), "names its classes [no, yes]");
    refused(() -> ExplainableBoostingModels.merge(List.of(a, b), new double[] {1}), "1 weights for 2 models");
    refused(() -> ExplainableBoostingModels.merge(new ExplainableBoostingClassificationModel(), a), "holds no fitted");
    refused(() -> a.removeTerms("nope"), "the model has no term 'nope'");
    refused(() -> a.scaleTerm("x0", Double.POSITIVE_INFINITY), "must be finite");
    refused(() -> a.sweep(0.1, "gain"), "importance type must be avg_weight or min_max, got gain");
    refused(() -> a.setUncertaintyCol("y").transform(rows), "output column 'y' already exists");
    a.setUncertaintyCol("");
    EbmModel noBags = a.ebm().withBags(null);
    ExplainableBoostingClassificationModel old = a.derived(noBags, null, a.provenance()).setUncertaintyCol("sd");
    refused(() -> old.transform(rows), "uncertaintyCol needs the model's outer bags");
    refused(() -> ExplainableBoostingModels.load("/no/such/model"), "is not a saved EBM model");
  }

  private static void refused(Executable e, String fragment) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(fragment), x.getMessage());
  }

  @Test
  void aWarmStartLearnsWhatANewBatchBrings() {
    // batch 1 has no missing x5, no level "new" and x1 in [0, 0.5); batch 2 brings all three
    Dataset<Row> first = rows.where("x1 < 0.5 AND x5 IS NOT NULL");
    Dataset<Row> second = rows.where("x1 >= 0.5").withColumn("c0",
        functions.when(functions.col("x2").lt(0.3), "new").otherwise(functions.col("c0")));
    ExplainableBoostingClassifier est = EbmTestData.quickClassifier().setInteractions("0").setMaxRounds(100);
    ExplainableBoostingClassificationModel m1 = est.fit(first);
    ExplainableBoostingClassificationModel m2 = est.setInitialModel(m1).fit(second);
    FeatureBinning x1Before = m1.ebm().features().get(1);
    FeatureBinning x1After = m2.ebm().features().get(1);
    assertArrayEquals(x1Before.cuts(), x1After.cuts(), 0, "a warm start keeps the cuts");
    assertTrue(x1Before.maxValue() < 0.5 && x1After.maxValue() >= 0.5, "the bounds widen: " + x1After.maxValue());
    int x5 = Arrays.asList(EbmTestData.SYNTHETIC_FEATURES).indexOf("x5");
    int c0 = Arrays.asList(EbmTestData.SYNTHETIC_FEATURES).indexOf("c0");
    assertTrue(!m1.ebm().features().get(x5).hasMissing() && m2.ebm().features().get(x5).hasMissing());
    assertTrue(m2.ebm().features().get(c0).hasOther());
    ModelTerm c0After = m2.ebm().terms().get(c0);
    int other = c0After.cells() - 1;
    assertNotEquals(0.0, c0After.score(other, 0), "the new level is learned in the other bin");
    assertNotEquals(0.0, m2.ebm().terms().get(x5).score(0, 0), "missing x5 is learned");
    double w1 = Arrays.stream(m1.ebm().terms().get(0).weights()).sum();
    double w2 = Arrays.stream(m2.ebm().terms().get(0).weights()).sum();
    assertEquals(first.count() + second.count(), w2, 1e-9, "the weights of both batches: " + w1 + " then " + w2);
    est.setInitialModel(null);
  }
}
