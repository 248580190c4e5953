package io.sparkxai.jobs;

import io.sparkxai.lrp.Heatmaps;
import io.sparkxai.lrp.LrpCounts;
import io.sparkxai.lrp.LrpExplainer;
import io.sparkxai.nn.AtomicFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code lrp --input DIR}: the images of a folder (PNG, JPEG, anything {@code spark.read.format("image")}
 * decodes) explained by {@link LrpExplainer} on Spark, then written from the driver in file-name
 * order: the relevance CSV (one row per explained image, height, width, channel in the stored
 * B,G,R order), an index beside it ({@code OUTPUT.index.csv}: every image, its row in the CSV, the
 * predicted and explained class, the relevance sum or the reason it could not be explained), and
 * one heatmap PNG per explained image named after it.
 */
final class LrpImageFolder {

  private LrpImageFolder() {}

  /**
   * What was written, for the summary line and the metrics.
   *
   * @param resourceProfiles the resource profile ids of the job's stages (0 is Spark's default; the
   *     explainer's stage has another with {@code --task-cpus}/{@code --task-gpus} on a cluster)
   */
  record Written(int images, int explained, List<Map<String, Object>> index, LrpCounts counts,
      Set<Integer> resourceProfiles) {}

  /** Records the resource profile of every stage submitted while it is registered. */
  private static final class StageProfiles extends SparkListener {
    final Set<Integer> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
      ids.add(event.stageInfo().resourceProfileId());
    }
  }

  /**
   * Runs the explainer over {@code dir} and writes the outputs.
   *
   * @param partitions partitions to spread the images over (0: as the image source reads them)
   * @param heatmaps folder of heatmap PNGs, or null
   */
  static Written run(SparkSession spark, LrpExplainer explainer, Path dir, int partitions, Path output, Path heatmaps)
      throws IOException {
    Dataset<Row> images = spark.read().format("image").load(dir.toString());
    // sorted before the explainer, so that its stage runs once (a sort after it would sample it first)
    Column origin = functions.col("image.origin");
    images = partitions > 0 ? images.repartitionByRange(partitions, origin).sortWithinPartitions(origin)
        : images.orderBy(origin);
    if (heatmaps != null) {
      explainer.setHeatmapCol("heatmap");
    }
    LrpExplainer.Run run = explainer.explain(images);
    StageProfiles profiles = new StageProfiles();
    spark.sparkContext().addSparkListener(profiles);
    // computed once, all partitions at a time, then read back in order by the driver
    Dataset<Row> rows = run.rows().withColumn("__file", origin).drop("image")
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      rows.count();
      Written w = write(rows, explainer, output, heatmaps, run.counts());
      return new Written(w.images(), w.explained(), w.index(), w.counts(), new java.util.TreeSet<>(profiles.ids));
    } finally {
      rows.unpersist();
      spark.sparkContext().removeSparkListener(profiles);
    }
  }

  private static Written write(Dataset<Row> rows, LrpExplainer explainer, Path output, Path heatmaps,
      LrpCounts counts) throws IOException {
    boolean keep = explainer.getHandleInvalid().equals("keep");
    List<Map<String, Object>> index = new ArrayList<>();
    Set<String> heatmapNames = new HashSet<>();
    AtomicFile.write(output, w -> {
      Iterator<Row> it = rows.toLocalIterator();
      int explained = 0;
      while (it.hasNext()) {
        Row r = it.next();
        Map<String, Object> entry = new LinkedHashMap<>();
        String file = r.getAs("__file");
        entry.put("file", file);
        String error = keep ? r.getAs(explainer.getErrorCol()) : null;
        if (error != null) {
          entry.put("row", null);
          entry.put("error", error);
          index.add(entry);
          continue;
        }
        writeRelevance(w, r.getList(r.fieldIndex(explainer.getOutputCol())));
        entry.put("row", explained++);
        entry.put("prediction", r.getAs(explainer.getPredictionCol()));
        entry.put("explained_class", r.getAs(explainer.getExplainedClassCol()));
        entry.put("relevance_sum", r.getAs(explainer.getRelevanceSumCol()));
        if (heatmaps != null) {
          Path png = heatmaps.resolve(uniqueName(file, heatmapNames));
          Heatmaps.writePng((byte[]) r.getAs("heatmap"), png);
          entry.put("heatmap", png.toString());
        }
        index.add(entry);
      }
    });
    writeIndex(Path.of(output + ".index.csv"), index);
    int explained = (int) index.stream().filter(e -> e.get("row") != null).count();
    return new Written(index.size(), explained, index, counts, Set.of());
  }

  private static void writeRelevance(BufferedWriter w, List<Float> relevance) throws IOException {
    for (int i = 0; i < relevance.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(String.format(Locale.ROOT, "%.9g", relevance.get(i)));
    }
    w.write('\n');
  }

  /** The image's file name with {@code .png} for its extension; a second image of the same stem gets {@code _2}. */
  static String uniqueName(String origin, Set<String> taken) {
    String name = origin.substring(origin.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String candidate = stem + ".png";
    for (int k = 2; !taken.add(candidate); k++) {
      candidate = stem + "_" + k + ".png";
    }
    return candidate;
  }

  private static void writeIndex(Path target, List<Map<String, Object>> index) throws IOException {
    AtomicFile.write(target, w -> {
      w.write("file,row,prediction,explained_class,relevance_sum,error\n");
      for (Map<String, Object> e : index) {
        w.write(csv(e.get("file")) + "," + text(e.get("row")) + "," + text(e.get("prediction")) + ","
            + text(e.get("explained_class")) + "," + text(e.get("relevance_sum")) + "," + csv(e.get("error")) + "\n");
      }
    });
  }

  private static String text(Object v) {
    return v == null ? "" : v.toString();
  }

  private static String csv(Object v) {
    if (v == null) {
      return "";
    }
    return "\"" + v.toString().replace("\"", "\"\"") + "\"";
  }
}
