package io.sparkxai.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.concepts.core.ConceptDataset;
import io.sparkxai.concepts.core.LogicExplanations;
import io.sparkxai.concepts.core.Term;
import io.sparkxai.testkit.SparkSessionExtension;
import io.sparkxai.testkit.StageConformance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The entropy-based logic explained network on the true concepts of xor and trigonometry. */
class EntropyLogicExplainerTest {

  @RegisterExtension static final SparkSessionExtension SPARK = new SparkSessionExtension();

  @TempDir Path tmp;

  @Test
  void xorIsExplainedExactly() throws Exception {
    Dataset<Row> train = ConceptTestData.train(SPARK.session(), ConceptDataset.XOR, 1);
    Dataset<Row> test = ConceptTestData.test(SPARK.session(), ConceptDataset.XOR, 1);
    EntropyLogicExplainerModel len = ConceptTestData.len(ConceptDataset.XOR).setSeed(1).fit(train);
    Map<Integer, String> formulas = len.formulas();
    assertEquals("(c0 ∧ ¬c1) ∨ (¬c0 ∧ c1)", formulas.get(1), formulas.toString());
    assertEquals("(c0 ∧ c1) ∨ (¬c0 ∧ ¬c1)", formulas.get(0), formulas.toString());
    LogicExplanations.Metrics m = len.explanationMetrics(test);
    assertEquals(1.0, m.accuracy(), "explanation accuracy");
    assertEquals(1.0, m.fidelity(), "fidelity");
    assertEquals(4.0, m.complexity(), "complexity: four literals per class");
    assertEquals(1.0, len.accuracy(test));
    assertTrue(len.explanations().stream().allMatch(LogicExplanations.ClassExplanation::exact));

    // saved and loaded, the formulas and the predictions are the same
    Path path = tmp.resolve("len");
    len.save(path.toString());
    EntropyLogicExplainerModel back = EntropyLogicExplainerModel.load(path.toString());
    assertEquals(formulas, back.formulas());
    StageConformance.assertSameRows(len.transform(test), back.transform(test), "reloaded");
  }

  @Test
  void trigonometryGetsAMajorityStyleFormulaAtTheCeiling() {
    String[] concepts = ConceptDataFrames.conceptColumns(ConceptDataset.TRIGONOMETRY);
    for (long seed : new long[] {1, 2}) {
      Dataset<Row> train = ConceptTestData.train(SPARK.session(), ConceptDataset.TRIGONOMETRY, seed);
      Dataset<Row> test = ConceptTestData.test(SPARK.session(), ConceptDataset.TRIGONOMETRY, seed);
      EntropyLogicExplainerModel len = ConceptTestData.len(ConceptDataset.TRIGONOMETRY).setSeed(seed).fit(train);
      LogicExplanations.Metrics m = len.explanationMetrics(test);
      double ceiling = ConceptDiagnostics.conceptCeiling(train, test, concepts, "y");
      System.out.printf("trigonometry seed %d: %s, explanation accuracy %.3f, fidelity %.3f, ceiling %.3f%n", seed,
          len.formulas(), m.accuracy(), m.fidelity(), ceiling);
      assertEquals(ceiling, m.accuracy(), 1e-12, "explanations as good as any concept-only classifier");
      assertEquals(1.0, m.fidelity(), "the formulas say what the network does");
      // majority-style: every term of the positive class asks for two true concepts, none false
      List<Term> terms = len.explanations().get(1).formula().terms();
      assertTrue(terms.size() >= 2, len.formulas().toString());
      for (Term t : terms) {
        assertEquals(2, t.literals(), len.formulas().toString());
        assertEquals(t.care(), t.value(), "no negated concept in a positive-class term: " + len.formulas());
      }
    }
  }

  @Test
  void sameSeedSameExplanationsWhateverThePartitioning() {
    Dataset<Row> train = ConceptTestData.train(SPARK.session(), ConceptDataset.DOT, 3);
    EntropyLogicExplainer len = ConceptTestData.len(ConceptDataset.DOT).setSeed(3).setEpochs(300);
    EntropyLogicExplainerModel a = len.fit(train.repartition(1));
    EntropyLogicExplainerModel b = len.fit(train.repartition(6));
    assertEquals(a.parameters(), b.parameters());
    assertEquals(a.formulas(), b.formulas());
  }

  @Test
  void conformance() throws Exception {
    Dataset<Row> train = ConceptTestData.train(SPARK.session(), ConceptDataset.XOR, 2);
    EntropyLogicExplainerModel m = StageConformance.checkEstimator(ConceptTestData.len(ConceptDataset.XOR)
        .setEpochs(30).setSeed(2).setUnseenTuples("false"), train, tmp);
    assertEquals(2, m.explanations().size());
  }
}
