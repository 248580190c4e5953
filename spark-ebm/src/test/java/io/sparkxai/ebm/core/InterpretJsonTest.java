package io.sparkxai.ebm.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * interpretml's JSON read into our model and written from it, against a reference scorer written here
 * from interpretml's rules (per term the feature's binning of its level, {@code searchsorted(cuts, x,
 * side="right") + 1} for numbers, the category's bin or the unseen bin, NaN in bin 0), on models made
 * here with what interpretml can hold and spark-ebm cannot directly: pair cuts that are no subset of the
 * main cuts, categories grouped in one bin, a pair whose features are in decreasing order, a feature
 * without a main term.
 */
class InterpretJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A binary model: x (two levels of cuts), c (grouped categories), z; terms x, c, (c, x), (x, z). */
  private static ObjectNode interpretModel(String link, List<String> classes, int k, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ObjectNode ebm = JSON.createObjectNode();
    ObjectNode out = ebm.putArray("outputs").addObject();
    out.put("task", link.equals("identity") ? "regression" : "classification");
    classes.forEach(out.putArray("classes")::add);
    out.put("link", link);
    ArrayNode intercept = ebm.putArray("intercept");
    for (int c = 0; c < k; c++) {
      intercept.add(r.nextDouble(-1, 1));
    }
    ArrayNode features = ebm.putArray("features");
    ObjectNode x = features.addObject().put("name", "x").put("type", "continuous").put("min", -3.0).put("max", 9.0);
    ArrayNode xc = x.putArray("cuts");
    xc.addArray().add(0.5).add(2.5).add(4.0);
    xc.addArray().add(1.0).add(4.0); // 1.0 is no main cut
    ObjectNode c = features.addObject().put("name", "c").put("type", "nominal");
    ArrayNode level = c.putArray("categories").addArray();
    level.add("a");
    level.addArray().add("b").add("d"); // b and d share bin 2
    level.add("e");
    ObjectNode z = features.addObject().put("name", "z").put("type", "continuous");
    z.putArray("cuts").addArray().add(10.0);
    ArrayNode terms = ebm.putArray("terms");
    term(terms, List.of("x"), new int[] {6}, k, r);
    term(terms, List.of("c"), new int[] {5}, k, r);
    term(terms, List.of("c", "x"), new int[] {5, 5}, k, r);
    term(terms, List.of("x", "z"), new int[] {5, 4}, k, r);
    ObjectNode root = JSON.createObjectNode().put("version", "1.0");
    root.set("ebm", ebm);
    return root;
  }

  private static void term(ArrayNode terms, List<String> features, int[] shape, int k, SplittableRandom r) {
    ObjectNode t = terms.addObject();
    features.forEach(t.putArray("term_features")::add);
    fill(t.putArray("scores"), shape, 0, k, r, -2);
    fill(t.putArray("bin_weights"), shape, 0, 1, r, 0);
  }

  private static void fill(ArrayNode a, int[] shape, int axis, int k, SplittableRandom r, double low) {
    for (int i = 0; i < shape[axis]; i++) {
      if (axis + 1 < shape.length) {
        fill(a.addArray(), shape, axis + 1, k, r, low);
      } else if (k == 1) {
        a.add(r.nextDouble(low, 2));
      } else {
        ArrayNode classes = a.addArray();
        for (int c = 0; c < k; c++) {
          classes.add(r.nextDouble(low, 2));
        }
      }
    }
  }

  /** interpretml's raw scores of a row, from its JSON (the reference). */
  private static double[] reference(JsonNode root, Map<String, Object> row, int k) {
    JsonNode ebm = root.get("ebm");
    double[] raw = new double[k];
    for (int c = 0; c < k; c++) {
      raw[c] = ebm.get("intercept").get(c).asDouble();
    }
    Map<String, JsonNode> features = new HashMap<>();
    ebm.get("features").forEach(f -> features.put(f.get("name").asText(), f));
    for (JsonNode t : ebm.get("terms")) {
      JsonNode cell = t.get("scores");
      for (JsonNode name : t.get("term_features")) {
        JsonNode f = features.get(name.asText());
        JsonNode levels = f.has("cuts") ? f.get("cuts") : f.get("categories");
        JsonNode level = levels.get(Math.min(levels.size(), t.get("term_features").size()) - 1);
        cell = cell.get(bin(f.has("cuts"), level, row.get(name.asText())));
      }
      for (int c = 0; c < k; c++) {
        raw[c] += k == 1 ? cell.asDouble() : cell.get(c).asDouble();
      }
    }
    return raw;
  }

  private static int bin(boolean numeric, JsonNode level, Object v) {
    if (v == null) {
      return 0;
    }
    if (numeric) {
      double x = ((Number) v).doubleValue();
      int n = 0;
      while (n < level.size() && level.get(n).asDouble() <= x) {
        n++;
      }
      return n + 1;
    }
    for (int i = 0; i < level.size(); i++) {
      for (JsonNode cat : level.get(i).isArray() ? level.get(i) : List.of(level.get(i))) {
        if (cat.asText().equals(v)) {
          return i + 1;
        }
      }
    }
    return level.size() + 1;
  }

  private static Map<String, Object> randomRow(SplittableRandom r) {
    Map<String, Object> row = new HashMap<>();
    double[] xs = {-5, 0.5, 1.0, 2.5, 3, 4.0, 7};
    row.put("x", r.nextInt(8) == 0 ? null : xs[r.nextInt(xs.length)] + (r.nextBoolean() ? 0 : r.nextDouble()));
    String[] cs = {"a", "b", "d", "e", "never-seen"};
    row.put("c", r.nextInt(8) == 0 ? null : cs[r.nextInt(cs.length)]);
    row.put("z", r.nextInt(8) == 0 ? null : r.nextDouble(0, 20));
    return row;
  }

  private static void assertScoresLikeInterpret(ObjectNode root, int k) throws Exception {
    EbmScorer scorer = EbmScorer.fromJsonText(JSON.writeValueAsString(root), "test.json");
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 2000; i++) {
      Map<String, Object> row = randomRow(r);
      assertArrayEquals(reference(root, row, k), scorer.predict(row).rawScores(), 1e-12, row.toString());
    }
  }

  @Test
  void binaryModelsScoreAsInterpretmlDoes() throws Exception {
    ObjectNode root = interpretModel("logit", List.of("no", "yes"), 1, 1);
    assertScoresLikeInterpret(root, 1);
    EbmJson.Document d = InterpretJson.read(JSON.writeValueAsString(root), "m.json");
    EbmModel m = d.model();
    assertEquals(List.of("no", "yes"), d.classNames());
    assertEquals(List.of("x", "c", "z", "x & c", "x & z"), m.termNames(), "mains first, z's zero main added, "
        + "the pair's features in increasing order");
    FeatureBinning x = m.features().get(0);
    assertArrayEquals(new double[] {0.5, 1.0, 2.5, 4.0}, x.cuts(), 0, "the union of both levels' cuts");
    assertArrayEquals(new int[] {1, 3}, x.pairCutIndexes());
    assertEquals(-3.0, x.minValue());
    assertEquals(List.of("a", "b", "d", "e"), m.features().get(1).levels());
    // weights stay where interpretml had them: the total of each term is kept
    assertEquals(total(root, 0), sum(m.terms().get(0).weights()), 1e-12);
    assertEquals(total(root, 2), sum(m.terms().get(3).weights()), 1e-12);
  }

  @Test
  void multiclassAndRegressionModelsScoreAsInterpretmlDoes() throws Exception {
    assertScoresLikeInterpret(interpretModel("mlogit", List.of("a", "b", "c"), 3, 2), 3);
    ObjectNode regression = interpretModel("identity", List.of(), 1, 3);
    assertScoresLikeInterpret(regression, 1);
    assertEquals(PredictionTask.REGRESSION,
        InterpretJson.read(JSON.writeValueAsString(regression), "r.json").model().task());
  }

  @Test
  void ourModelsWrittenForInterpretmlReadBackTheSame() throws Exception {
    for (String[] kind : new String[][] {{"logit", "1"}, {"mlogit", "3"}, {"identity", "1"}}) {
      List<String> classes = kind[0].equals("logit") ? List.of("0", "1")
          : kind[0].equals("mlogit") ? List.of("x", "y", "z") : List.of();
      int k = Integer.parseInt(kind[1]);
      EbmModel ours = InterpretJson.read(JSON.writeValueAsString(interpretModel(kind[0], classes, k, 9)), "m").model();
      String written = InterpretJson.write(ours, classes);
      JsonNode again = JSON.readTree(written);
      assertEquals("1.0", again.get("version").asText());
      EbmJson.Document back = InterpretJson.read(written, "written");
      SplittableRandom r = new SplittableRandom(8);
      EbmScorer a = EbmScorer.of(ours, classes);
      EbmScorer b = EbmScorer.of(back.model(), back.classNames());
      for (int i = 0; i < 500; i++) {
        Map<String, Object> row = randomRow(r);
        assertArrayEquals(a.predict(row).rawScores(), b.predict(row).rawScores(), 0);
        assertArrayEquals(reference(again, row, k), a.predict(row).rawScores(), 1e-12, "our export, scored as "
            + "interpretml scores");
      }
      assertEquals(classes, back.classNames());
    }
  }

  @Test
  void whatSparkEbmCannotHoldIsRefusedByName() throws Exception {
    ObjectNode root = interpretModel("logit", List.of("0", "1"), 1, 4);
    root.put("version", "2.0");
    assertRefused(root, "interpretml JSON version \"2.0\"; this library reads version 1.0");
    root = interpretModel("log", List.of(), 1, 4);
    assertRefused(root, "link \"log\"");
    root = interpretModel("logit", List.of("0", "1"), 1, 4);
    ((ArrayNode) root.get("ebm").get("terms").get(2).get("term_features")).add("z");
    assertRefused(root, "term 'c & x & z' has 3 features");
    root = interpretModel("logit", List.of("0", "1"), 1, 4);
    ((ArrayNode) root.get("ebm").get("terms").get(0).get("scores")).remove(0);
    assertRefused(root, "term 'x' has scores of shape [5]; its binnings give [6]");
    root = interpretModel("logit", List.of("0", "1"), 1, 4);
    ((ObjectNode) root.get("ebm").get("features").get(2)).put("type", "text");
    assertRefused(root, "feature 'z' has type \"text\"");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EbmJson.readAny("{\"version\": 1}", "x.json"));
    assertTrue(e.getMessage().contains("neither a spark-ebm model JSON"), e.getMessage());
  }

  private static void assertRefused(ObjectNode root, String expected) throws Exception {
    String text = JSON.writeValueAsString(root);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EbmScorer.fromJsonText(text,
        "m.json"));
    assertTrue(e.getMessage().startsWith("m.json") && e.getMessage().contains(expected), e.getMessage());
  }

  private static double total(JsonNode root, int term) {
    List<Integer> shape = new java.util.ArrayList<>();
    return sum(InterpretJson.flatten(root.get("ebm").get("terms").get(term).get("bin_weights"), shape));
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}
