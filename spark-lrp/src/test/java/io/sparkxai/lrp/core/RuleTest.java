package io.sparkxai.lrp.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.sparkxai.lrp.LrpEngines;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.nn.Layer;
import io.sparkxai.nn.Node;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each rule on a case small enough to compute by hand: one output {@code y = 2 x1 - x2 + 0.5} at
 * {@code x = (1, 2)}, so {@code y = 0.5}, with initial relevance 1. The expected values are worked
 * out in the comments from the rules' definitions (Montavon et al. 2019; zennit's Gamma and ZBox).
 */
class RuleTest {

  private static final Graph ONE_NEURON = new Graph("x", new int[] {2}, InputLayout.CHW,
      List.of(Node.of("fc", new Layer.Linear(2, 1, new double[] {2, -1}, new double[] {0.5}), "x")), null);

  private static double[] relevance(Graph g, Composite c, boolean zeroBias, double... x) {
    LrpOptions o = new LrpOptions(c, zeroBias, Set.of(), Init.ONE);
    try (LrpEngine e = LrpEngines.engine(g, o, Device.cpu(), DataType.FLOAT64)) {
      return e.explain(x, 1, Target.index(0)).relevance();
    }
  }

  private static double[] single(Rule r) {
    return relevance(ONE_NEURON, Composite.uniform(r), false, 1, 2);
  }

  @Test
  void z() {
    // contributions 2 and -2 over z = 0.5: R = (4, -4); the bias keeps the rest
    assertArrayEquals(new double[] {4, -4}, single(Rule.z()), 1e-12);
  }

  @Test
  void epsilon() {
    // z + eps = 1.0: R = (2, -2)
    assertArrayEquals(new double[] {2, -2}, single(Rule.epsilon(0.5)), 1e-12);
  }

  @Test
  void zPlus() {
    // positive contributions 2 plus positive bias 0.5: R = (2 / 2.5, 0)
    assertArrayEquals(new double[] {0.8, 0}, single(Rule.zPlus()), 1e-12);
  }

  @Test
  void alphaBeta() {
    // alpha 2 * 2/2.5 for x1; beta 1 * (-2)/(-2) taken away from x2: (1.6, -1)
    assertArrayEquals(new double[] {1.6, -1}, single(Rule.alphaBeta(2, 1)), 1e-12);
    assertArrayEquals(new double[] {0.8, 0}, single(Rule.alphaBeta(1, 0)), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Rule.alphaBeta(2, 2));
  }

  @Test
  void gamma() {
    // y > 0: weights w + 0.25 w+ = (2.5, -1), bias 0.5 + 0.125: z = 2.5 - 2 + 0.625 = 1.125
    assertArrayEquals(new double[] {2.5 / 1.125, -2 / 1.125}, single(Rule.gamma(0.25)), 1e-12);
  }

  @Test
  void wSquareAndFlat() {
    // w^2 = (4, 1) over 5; flat: half each; neither depends on x
    assertArrayEquals(new double[] {0.8, 0.2}, single(Rule.wSquare()), 1e-12);
    assertArrayEquals(new double[] {0.5, 0.5}, single(Rule.flat()), 1e-12);
  }

  @Test
  void zBox() {
    // low -1, high 3: x1 w1 - low w1+ = 2 + 2 = 4; x2 w2 - high w2- = -2 + 3 = 1; z = 5
    assertArrayEquals(new double[] {0.8, 0.2}, single(Rule.zBox(-1, 3)), 1e-12);
  }

  @Test
  void zeroBiasMakesZConservative() {
    // without the bias z = 2*1 - 1*3 = -1 at x = (1, 3): R = (2/-1, -3/-1) = (-2, 3), sum 1
    double[] r = relevance(ONE_NEURON, Composite.uniform(Rule.z()), true, 1, 3);
    assertArrayEquals(new double[] {-2, 3}, r, 1e-12);
    assertEquals(1.0, r[0] + r[1], 1e-12);
  }

  @Test
  void normOnASumSharesByValue() {
    // y = a + b with a = x, b = relu(x) at x = (1, 3): y = (2, 6), R = (1, 1) from a sum-of-outputs head
    Graph g = new Graph("x", new int[] {2}, InputLayout.CHW, List.of(
        Node.of("relu", new Layer.ReLU(), "x"),
        new Node("sum", new Layer.Sum(), List.of("x", "relu")),
        Node.of("head", new Layer.Linear(2, 1, new double[] {1, 1}, null), "sum")), null);
    Composite c = Composite.uniform(Rule.epsilon(1e-12)).withNameRule("sum", new Rule.Norm(1e-12));
    // head (epsilon): R_sum = (2/8, 6/8); sum (norm): each branch gets half; relu passes
    double[] r = relevance(g, c, false, 1, 3);
    assertArrayEquals(new double[] {0.25, 0.75}, r, 1e-9);
    // without the canonizer the Add hands the full relevance to both branches: twice the total
    Graph added = g.withNodes(List.of(g.nodes().get(0), new Node("sum", new Layer.Add(), List.of("x", "relu")),
        g.nodes().get(2)), null);
    double[] doubled = relevance(added, Composite.uniform(Rule.epsilon(1e-12)), false, 1, 3);
    assertArrayEquals(new double[] {0.5, 1.5}, doubled, 1e-9);
  }

  @Test
  void maxPoolIsWinnerTakeAll() {
    Graph g = new Graph("x", new int[] {1, 2, 2}, InputLayout.CHW, List.of(
        Node.of("pool", new Layer.MaxPool2d(2, 2, new int[] {2, 2}, null, false), "x"),
        Node.of("flat", new Layer.Flatten(false), "pool")), null);
    double[] r = relevance(g, Composite.uniform(Rule.z()), false, 1, 5, 3, 2);
    assertArrayEquals(new double[] {0, 1, 0, 0}, r, 1e-12);
  }

  @Test
  void parseAcceptsTheCommandLineForms() {
    assertEquals(new Rule.Epsilon(0.01), Rule.parse("epsilon:0.01"));
    assertEquals(Rule.alphaBeta(2, 1), Rule.parse("alphabeta:2:1"));
    assertEquals(Rule.zBox(-1, 1), Rule.parse("zbox:-1:1"));
    assertEquals(Rule.wSquare(), Rule.parse("wsquare"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rule.parse("epsilon:x"));
    assertTrue(e.getMessage().contains("epsilon:x") && e.getMessage().contains("zbox:L:H"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Rule.parse("frob"));
    assertThrows(IllegalArgumentException.class, () -> Rule.parse("gamma"));
  }

  @Test
  void compositesAssignZennitsRules() {
    Graph g = io.sparkxai.nn.onnx.OnnxReader.parse(io.sparkxai.nn.OnnxModels.kitchenSink(1), "sink", false);
    var gammaBox = Composites.epsilonGammaBox(-2, 2).assign(g);
    assertEquals("zbox:-2:2", gammaBox.get("c1").describe());
    assertEquals("gamma:0.25", gammaBox.get("c2").describe());
    assertEquals("epsilon:1.0E-6", gammaBox.get("mm").describe());
    assertEquals("pass", gammaBox.get("l1").describe());
    assertEquals("norm", gammaBox.get("ap").describe());
    assertTrue(!gammaBox.containsKey("mp") && !gammaBox.containsKey("cat"), "max pool and concat keep gradients");
    var flat = Composites.epsilonPlusFlat().assign(g);
    assertEquals("flat", flat.get("c1").describe());
    assertEquals("zplus", flat.get("c2").describe());
    assertEquals("alphabeta:2:1", Composites.epsilonAlpha2Beta1Flat().assign(g).get("c3").describe());
    assertEquals("flat", Composites.epsilonAlpha2Beta1Flat().assign(g).get("c1").describe());
    assertThrows(IllegalArgumentException.class, () -> Composites.byName("EpsilonGammaBox", null, null));
    assertEquals("EpsilonPlus", Composites.byName("epsilon_plus", null, null).name());
  }
}
