package io.sparkxai.ebm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import scala.Option;

/**
 * Saving and loading EBM models: {@code path/metadata} (Spark's params metadata, so Pipelines and
 * Spark Connect read it as they read any stage) and {@code path/data/model.json} ({@link EbmModelJson},
 * versioned, with the training summary and provenance). A save writes everything into a temporary
 * folder beside {@code path} and renames it into place, so a failed save leaves no half model.
 */
final class EbmModelIO {

  static final String DATA = "data/model.json";

  private EbmModelIO() {}

  /** Writes a model. */
  static final class Writer extends MLWriter {
    private final EbmModelBase<?> instance;

    Writer(EbmModelBase<?> instance) {
      this.instance = instance;
    }

    @Override
    public void saveImpl(String path) {
      String json = EbmModelJson.write(instance.ebm(), instance.summary(), instance.provenance());
      Configuration conf = sparkSession().sparkContext().hadoopConfiguration();
      Path target = new Path(path);
      try {
        FileSystem fs = target.getFileSystem(conf);
        Path tmp = new Path(target.getParent(), "." + target.getName() + "-tmp-" + UUID.randomUUID());
        try {
          DefaultParamsWriter$.MODULE$.saveMetadata(instance, tmp.toString(), sparkSession().sparkContext(),
              Option.empty(), Option.empty());
          try (OutputStream out = fs.create(new Path(tmp, DATA), false)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
          }
          if (!fs.rename(tmp, target)) {
            throw new IOException("cannot move the saved model from " + tmp + " to " + target
                + (fs.exists(target) ? ": it exists (save with overwrite())" : ""));
          }
        } finally {
          if (fs.exists(tmp)) {
            fs.delete(tmp, true);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot save the EBM model to " + path + ": " + e.getMessage(), e);
      }
    }
  }

  /** Reads a model of class {@code type}. */
  static final class Reader<M extends EbmModelBase<M>> extends MLReader<M> {
    private final Class<M> type;

    Reader(Class<M> type) {
      this.type = type;
    }

    @Override
    public M load(String path) {
      DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
          type.getName());
      M model;
      try {
        Constructor<M> c = type.getConstructor(String.class);
        model = c.newInstance(metadata.uid());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot construct " + type.getName(), e);
      }
      metadata.getAndSetParams(model, Option.empty());
      Path file = new Path(path, DATA);
      String text;
      try {
        FileSystem fs = file.getFileSystem(sparkSession().sparkContext().hadoopConfiguration());
        if (!fs.exists(file)) {
          throw new IllegalArgumentException("no EBM model data at " + file + " (is " + path + " a saved EBM model?)");
        }
        try (InputStream in = fs.open(file)) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      EbmModelJson.Parsed parsed = EbmModelJson.read(text, file.toString());
      boolean classifier = ExplainableBoostingClassificationModel.class.isAssignableFrom(type);
      if (classifier == (parsed.model().task() == io.sparkxai.ebm.core.PredictionTask.REGRESSION)) {
        throw new IllegalArgumentException(path + " holds a " + parsed.model().task() + " model; load it with "
            + (classifier ? ExplainableBoostingRegressionModel.class : ExplainableBoostingClassificationModel.class)
                .getSimpleName());
      }
      return model.setFitted(parsed.model(), parsed.summary(), parsed.provenance());
    }
  }
}
