package io.sparkxai.lrp;

import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@link LrpExplainer#explainImages}: the first {@code n} explained rows of a dataset, in one Spark
 * job, as {@link ExplainedImage}s. Each partition explains rows only until it has {@code n} explained
 * ones (the explaining is lazy, batch by batch), so one job over every partition reads at most
 * {@code n} explained rows (and their batches) from each; the driver keeps the first {@code n} in
 * partition order. Rows that could not be explained ({@code handleInvalid} keep) are passed over.
 */
final class ExplainedImages {

  private ExplainedImages() {}

  static List<ExplainedImage> collect(LrpExplainer explainer, Dataset<?> dataset, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    LrpExplainer e = explainer.copy(ParamMap.empty()).setHeatmapCol(null);
    if (e.getRawPredictionCol() == null) {
      e.setRawPredictionCol(freeName(dataset.schema(), "lrp_outputs"));
    }
    StructType out = e.transformSchema(dataset.schema());
    SparkSession spark = dataset.sparkSession();
    ModelSource source = e.source(spark);
    Graph g = source.load();
    if (g.inputShape().length != 3) {
      throw new IllegalArgumentException("explainImages needs an image model [C,H,W]; " + source.description()
          + " takes " + Arrays.toString(g.inputShape()));
    }
    Dataset<Row> rows = e.run(dataset, out, source).rows().select(e.getInputCol(), e.getOutputCol(),
        e.getPredictionCol(), e.getExplainedClassCol(), e.getRelevanceSumCol(), e.getRawPredictionCol());
    List<Row> firstRows = rows.toJavaRDD().mapPartitions(new FirstExplained(n)).collect();
    List<ExplainedImage> images = new ArrayList<>();
    for (Row r : firstRows.subList(0, Math.min(n, firstRows.size()))) {
      images.add(image(e, g, r, images.size()));
    }
    return images;
  }

  /** The first {@code n} rows of a partition that have a relevance (column 1). */
  private record FirstExplained(int n) implements FlatMapFunction<Iterator<Row>, Row> {
    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      List<Row> out = new ArrayList<>();
      while (out.size() < n && rows.hasNext()) {
        Row r = rows.next();
        if (!r.isNullAt(1)) {
          out.add(r);
        }
      }
      return out.iterator();
    }
  }

  private static String freeName(StructType schema, String name) {
    List<String> names = Arrays.asList(schema.fieldNames());
    String free = name;
    for (int i = 2; names.contains(free); i++) {
      free = name + "_" + i;
    }
    return free;
  }

  private static ExplainedImage image(LrpExplainer e, Graph g, Row r, int index) {
    int[] s = g.inputShape();
    int h = s[1];
    int w = s[2];
    double[] rel = doubles(r, 1);
    double[] outputs = doubles(r, 5);
    int predicted = r.getInt(2);
    int explained = r.getInt(3);
    double initial = e.getInit().equals("output") ? outputs[explained] : 1.0;
    Object input = r.get(0);
    String id = "row " + index;
    int[] picture;
    double[] map;
    if (input instanceof Row img) {
      int c = img.getInt(img.fieldIndex("nChannels"));
      List<String> fields = Arrays.asList(img.schema().fieldNames());
      if (fields.contains("origin") && !img.isNullAt(img.fieldIndex("origin"))) {
        id = img.getString(img.fieldIndex("origin"));
      }
      Preprocessing prep = new Preprocessing(e.getResize(), e.getChannelOrder(), e.getScale(), e.getMean(),
          e.getStd());
      byte[] data = img.getAs("data");
      double[] px = prep.pixels(data, img.getInt(img.fieldIndex("height")), img.getInt(img.fieldIndex("width")), c,
          h, w);
      picture = Preprocessing.rgb(px, c, h, w);
      map = perPixel(rel, c, h, w, true, true);
    } else {
      boolean hwc = g.inputLayout() == InputLayout.HWC;
      picture = grey(perPixel(doubles(r, 0), s[0], h, w, hwc, false));
      map = perPixel(rel, s[0], h, w, hwc, true);
    }
    return new ExplainedImage(id, h, w, picture, map, predicted, outputs[predicted], explained,
        outputs[explained], r.getDouble(4), initial);
  }

  /** One value per pixel of a [C,H,W] or [H,W,C] array: the channels summed, or averaged. */
  static double[] perPixel(double[] v, int c, int h, int w, boolean hwc, boolean sum) {
    double[] out = new double[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double t = 0;
        for (int k = 0; k < c; k++) {
          t += v[hwc ? (y * w + x) * c + k : (k * h + y) * w + x];
        }
        out[y * w + x] = sum ? t : t / c;
      }
    }
    return out;
  }

  /** Grey pixels from the lowest value (black) to the highest (white); all mid-grey when flat. */
  static int[] grey(double[] v) {
    double lo = Arrays.stream(v).min().orElse(0);
    double hi = Arrays.stream(v).max().orElse(0);
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      int k = hi > lo ? (int) Math.round(255 * (v[i] - lo) / (hi - lo)) : 128;
      out[i] = (k << 16) | (k << 8) | k;
    }
    return out;
  }

  /** Column {@code i} of {@code r}: a vector, or an array of floats or doubles. */
  private static double[] doubles(Row r, int column) {
    if (r.get(column) instanceof Vector v) {
      return v.toArray();
    }
    List<Object> list = r.getList(column);
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) list.get(i)).doubleValue();
    }
    return out;
  }
}
