package io.sparkxai.ebm.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional {@code bags} object of the model JSON ({@link EbmJson}, format version 1):
 * {@code weights} (per bag), {@code intercepts} (per bag, per score) and {@code terms} (per term in
 * the model's order, per bag, the tensor as in the term's {@code scores}). Models saved before the
 * bags were kept have none; they load without them (and cannot give a per-row uncertainty).
 */
final class EbmBagsJson {

  private EbmBagsJson() {}

  /** Writes {@code bags} into {@code o}. */
  static void write(ObjectNode o, OuterBags bags) {
    EbmJson.doubles(o.putArray("weights"), bags.weights());
    ArrayNode intercepts = o.putArray("intercepts");
    for (double[] i : bags.intercepts()) {
      EbmJson.doubles(intercepts.addArray(), i);
    }
    ArrayNode terms = o.putArray("terms");
    for (int t = 0; t < bags.terms(); t++) {
      ArrayNode perBag = terms.addArray();
      for (double[] s : bags.scores(t)) {
        EbmJson.doubles(perBag.addArray(), s);
      }
    }
  }

  /** Reads the bags written by {@link #write}. */
  static OuterBags read(JsonNode o) {
    double[] weights = EbmJson.doubles(o.get("weights"));
    double[][] intercepts = rows(o.get("intercepts"));
    List<double[][]> scores = new ArrayList<>();
    for (JsonNode t : o.get("terms")) {
      scores.add(rows(t));
    }
    return new OuterBags(weights, intercepts, scores);
  }

  private static double[][] rows(JsonNode a) {
    double[][] out = new double[a.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = EbmJson.doubles(a.get(i));
    }
    return out;
  }
}
