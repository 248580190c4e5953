package io.sparkxai.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.concepts.core.ConceptDataset;
import io.sparkxai.testkit.SparkSessionExtension;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The accuracy targets with the blog recipe (the estimators' defaults: encoder d→10→8→k,
 * head k→8→1, AdamW 0.01, 2001 full-batch epochs, BCE(c) + 0.2·BCE(y)) on trigonometry(500) and
 * xor(500) split 335/165. The published recipe reaches about 80–85 % task accuracy for a joint CBM
 * on trigonometry, ≈ 99 % on xor, and a CEM reaches ≥ 94 % on trigonometry. Our tables come from
 * our own seeded generator, not numpy's, so single splits differ (a CEM on one split: 0.90–0.99,
 * mean 0.952 over seeds 1–8); the test averages five seeds (data and training), which also keeps it
 * robust to float differences between CPUs.
 */
class BlogRecipeTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  private static final long[] SEEDS = {1, 2, 3, 4, 5};

  @Test
  void jointCbmAndCemLandInThePublishedBands() {
    double cbmTrig = 0;
    double cbmTrigConcepts = 0;
    double cemTrig = 0;
    double cbmXor = 0;
    double ceiling = 0;
    StringBuilder report = new StringBuilder();
    for (long seed : SEEDS) {
      Dataset<Row> train = ConceptTestData.train(SPARK.session(), ConceptDataset.TRIGONOMETRY, seed);
      Dataset<Row> test = ConceptTestData.test(SPARK.session(), ConceptDataset.TRIGONOMETRY, seed);
      ConceptModelMetrics cbm = ConceptTestData.cbm(ConceptDataset.TRIGONOMETRY).setSeed(seed).fit(train)
          .evaluate(test, "random");
      ConceptModelMetrics cem = ConceptTestData.cem(ConceptDataset.TRIGONOMETRY).setSeed(seed).fit(train)
          .evaluate(test, "random");
      double c = ConceptDiagnostics.conceptCeiling(train, test, ConceptDataFrames.conceptColumns(ConceptDataset.TRIGONOMETRY),
          ConceptDataFrames.LABEL);
      Dataset<Row> xorTrain = ConceptTestData.train(SPARK.session(), ConceptDataset.XOR, seed);
      Dataset<Row> xorTest = ConceptTestData.test(SPARK.session(), ConceptDataset.XOR, seed);
      ConceptModelMetrics xor = ConceptTestData.cbm(ConceptDataset.XOR).setSeed(seed).fit(xorTrain)
          .evaluate(xorTest, "random");
      cbmTrig += cbm.taskAccuracy() / SEEDS.length;
      cbmTrigConcepts += cbm.conceptAccuracy() / SEEDS.length;
      cemTrig += cem.taskAccuracy() / SEEDS.length;
      cbmXor += xor.taskAccuracy() / SEEDS.length;
      ceiling += c / SEEDS.length;
      report.append(String.format(Locale.ROOT, "seed %d: trigonometry CBM %.3f (concepts %.3f), CEM %.3f, ceiling %.3f;"
          + " xor CBM %.3f (concepts %.3f)%n", seed, cbm.taskAccuracy(), cbm.conceptAccuracy(), cem.taskAccuracy(), c,
          xor.taskAccuracy(), xor.conceptAccuracy()));
      assertEquals(cbm.interventionCurve()[0], cbm.taskAccuracy());
    }
    report.append(String.format(Locale.ROOT, "mean: trigonometry CBM %.3f (concepts %.3f), CEM %.3f, ceiling %.3f; "
        + "xor CBM %.3f%n", cbmTrig, cbmTrigConcepts, cemTrig, ceiling, cbmXor));
    System.out.print(report);
    assertTrue(cbmTrig >= 0.78 && cbmTrig <= 0.87, "joint CBM on trigonometry: about 80–85 %\n" + report);
    assertTrue(cbmTrigConcepts >= 0.95, "trigonometry concepts are learnt\n" + report);
    assertTrue(cbmXor >= 0.97, "joint CBM on xor: ≈ 99 %\n" + report);
    assertTrue(cemTrig >= 0.94, "CEM on trigonometry: ≥ 94 %\n" + report);
    assertTrue(cemTrig > cbmTrig + 0.05, "the embeddings lift the bottleneck's limit\n" + report);
  }
}
