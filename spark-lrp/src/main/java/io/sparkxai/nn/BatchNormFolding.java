package io.sparkxai.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds every {@link Layer.BatchNorm} whose input is a {@link Layer.Conv2d} or {@link Layer.Linear}
 * read by nothing else into that layer: {@code W' = a W}, {@code b' = a b + c} per output channel,
 * where the normalisation is {@code y = a x + c}. The folded graph computes the same function (up to
 * rounding) and gives LRP rules one affine layer where there were two (zennit's MergeBatchNorm;
 * Montavon et al. 2019, section 10.3.2). BatchNorms after anything else are kept.
 */
public final class BatchNormFolding {

  private BatchNormFolding() {}

  /** The graph with foldable BatchNorms folded; the same graph when there is none. */
  public static Graph fold(Graph g) {
    Map<String, Layer> replaced = new HashMap<>();
    Map<String, String> rename = new HashMap<>();
    for (Node n : g.nodes()) {
      if (!(n.layer() instanceof Layer.BatchNorm bn)) {
        continue;
      }
      String in = n.inputs().get(0);
      if (in.equals(g.inputName()) || g.consumers(in).size() != 1 || in.equals(g.outputName())) {
        continue;
      }
      Layer producer = replaced.getOrDefault(in, g.node(in).layer());
      Layer folded = fold(producer, bn);
      if (folded != null) {
        replaced.put(in, folded);
        rename.put(n.name(), in);
      }
    }
    if (rename.isEmpty()) {
      return g;
    }
    List<Node> out = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (rename.containsKey(n.name())) {
        continue;
      }
      List<String> inputs = new ArrayList<>();
      for (String i : n.inputs()) {
        inputs.add(resolve(rename, i));
      }
      out.add(new Node(n.name(), replaced.getOrDefault(n.name(), n.layer()), inputs));
    }
    return g.withNodes(out, resolve(rename, g.outputName()));
  }

  private static String resolve(Map<String, String> rename, String name) {
    String r = name;
    while (rename.containsKey(r)) {
      r = rename.get(r);
    }
    return r;
  }

  private static Layer fold(Layer producer, Layer.BatchNorm bn) {
    double[][] ab = bn.affine();
    double[] a = ab[0];
    double[] c = ab[1];
    if (producer instanceof Layer.Conv2d conv && conv.outChannels() == a.length) {
      double[] w = conv.weight();
      double[] b = conv.bias();
      int per = w.length / conv.outChannels();
      for (int o = 0; o < conv.outChannels(); o++) {
        for (int k = 0; k < per; k++) {
          w[o * per + k] *= a[o];
        }
        b[o] = a[o] * b[o] + c[o];
      }
      return new Layer.Conv2d(conv.inChannels(), conv.outChannels(), conv.kh(), conv.kw(), conv.stride(), conv.pads(),
          conv.dilation(), conv.groups(), w, b);
    }
    if (producer instanceof Layer.Linear lin && lin.out() == a.length) {
      double[] w = lin.weight();
      double[] b = lin.bias();
      for (int o = 0; o < lin.out(); o++) {
        for (int i = 0; i < lin.in(); i++) {
          w[o * lin.in() + i] *= a[o];
        }
        b[o] = a[o] * b[o] + c[o];
      }
      return new Layer.Linear(lin.in(), lin.out(), w, b);
    }
    return null;
  }
}
