package io.sparkxai.lrp;

import ai.djl.Device;
import io.sparkxai.lrp.LrpSpec.InputSpec;
import io.sparkxai.lrp.core.LrpResult;
import io.sparkxai.lrp.core.Target;
import io.sparkxai.nn.InputLayout;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.UserDefinedType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The work of one partition: reads rows in order, turns each input into a model input (or finds it
 * invalid), runs the engine on every {@code batchSize} valid rows, and yields the rows with their
 * relevance, prediction, explained class, relevance sum, and heatmap / error columns, in the input's
 * order. Lazy: a batch is computed when the consumer reaches it. The engine comes from the JVM's
 * {@link EngineCache} (loaded on the partition's first batch if no earlier task loaded it) and is
 * released when the task completes.
 *
 * <p>Rows are Spark's internal rows: arrays are read with one copy ({@code toFloatArray}) and the
 * input columns pass through as they are, where external {@code Row}s would box every array element
 * on the way in and again on the way out (measured: that cost more than the LRP of a small model).
 *
 * <p>A batch of one row is run as two (the row twice): PyTorch's CPU kernels take another path for a
 * single row and round differently in the last bits, which would make a row's relevance depend on
 * how the data was partitioned; from two rows up, measured, a row's result does not depend on the
 * others in its batch.
 */
final class PartitionExplainer implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {

  private static final long serialVersionUID = 1L;

  @SuppressWarnings("unchecked")
  private static final UserDefinedType<Vector> VECTOR_TYPE = (UserDefinedType<Vector>) SQLDataTypes.VectorType();

  private final LrpSpec spec;
  private final LrpCounts counts;
  private final int outputs;

  /**
   * @param outputs the model's output count (targets are checked against it)
   */
  PartitionExplainer(LrpSpec spec, LrpCounts counts, int outputs) {
    this.spec = spec;
    this.counts = counts;
    this.outputs = outputs;
  }

  @Override
  public Iterator<InternalRow> call(Iterator<InternalRow> rows) {
    return new Batches(rows);
  }

  /** A numeric column's value (the target column's types). */
  static double number(InternalRow r, int i, DataType t) {
    if (t instanceof IntegerType) {
      return r.getInt(i);
    } else if (t instanceof LongType) {
      return r.getLong(i);
    } else if (t instanceof ShortType) {
      return r.getShort(i);
    } else if (t instanceof ByteType) {
      return r.getByte(i);
    } else if (t instanceof DoubleType) {
      return r.getDouble(i);
    } else if (t instanceof FloatType) {
      return r.getFloat(i);
    } else if (t instanceof DecimalType d) {
      return r.getDecimal(i, d.precision(), d.scale()).toDouble();
    }
    throw new IllegalArgumentException("not a numeric type: " + t);
  }

  /** One input row on its way: the row, and its model input's slot in the batch or why it is invalid. */
  private static final class Pending {
    final InternalRow row;
    final int slot;
    final String error;
    final double[] pixels;
    final int imageChannels;

    Pending(InternalRow row, int slot, String error, double[] pixels, int imageChannels) {
      this.row = row;
      this.slot = slot;
      this.error = error;
      this.pixels = pixels;
      this.imageChannels = imageChannels;
    }
  }

  private final class Batches implements Iterator<InternalRow> {
    private final Iterator<InternalRow> in;
    private final ArrayDeque<InternalRow> ready = new ArrayDeque<>();
    private final InputSpec input = spec.input();
    private final int size = input.size();
    private final int batchSize = spec.batchSize();
    private final double[] x;
    private final int[] targets;
    private final List<Pending> pending = new ArrayList<>();
    private final boolean keep = spec.handleInvalid().equals("keep");
    private final boolean skip = spec.handleInvalid().equals("skip");
    private final int partition;
    private EngineCache.Lease lease;
    private long rowIndex;
    private int valid;

    Batches(Iterator<InternalRow> in) {
      this.in = in;
      this.x = new double[Math.max(batchSize, 2) * size];
      this.targets = new int[Math.max(batchSize, 2)];
      TaskContext tc = TaskContext.get();
      this.partition = tc == null ? 0 : tc.partitionId();
      if (tc != null) {
        tc.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> release());
      }
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty()) {
        if (!in.hasNext()) {
          if (pending.isEmpty()) {
            release();
            return false;
          }
          flush();
        } else {
          read(in.next());
          if (valid == batchSize) {
            flush();
          }
        }
      }
      return true;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void read(InternalRow next) {
      counts.row();
      InternalRow r = next.copy(); // the input iterator may reuse its row; this one waits for its batch
      long index = rowIndex++;
      try {
        int slot = valid;
        Pending p = decode(r, slot);
        targets[slot] = target(r);
        pending.add(p);
        valid++;
      } catch (InvalidInput e) {
        counts.invalid(skip);
        String where = "column '" + input.column() + "', row " + index + " of partition " + partition
            + origin(r);
        if (!keep && !skip) {
          throw new IllegalArgumentException("LrpExplainer: " + where + ": " + e.getMessage()
              + "; set handleInvalid to skip or keep to go on past invalid rows");
        }
        if (keep) {
          pending.add(new Pending(r, -1, e.getMessage(), null, 0));
        }
      }
    }

    private String origin(InternalRow r) {
      if (input.kind() != LrpSpec.Kind.IMAGE || input.imageFields()[0] < 0 || r.isNullAt(input.index())) {
        return "";
      }
      InternalRow img = r.getStruct(input.index(), input.imageFields()[5]);
      int o = input.imageFields()[0];
      return img.isNullAt(o) ? "" : " (" + img.getUTF8String(o) + ")";
    }

    private Pending decode(InternalRow r, int slot) {
      if (r.isNullAt(input.index())) {
        throw new InvalidInput("the value is null");
      }
      int offset = slot * size;
      switch (input.kind()) {
        case IMAGE -> {
          int[] f = input.imageFields();
          InternalRow img = r.getStruct(input.index(), f[5]);
          int h = img.isNullAt(f[1]) ? -1 : img.getInt(f[1]);
          int w = img.isNullAt(f[2]) ? -1 : img.getInt(f[2]);
          int c = img.isNullAt(f[3]) ? -1 : img.getInt(f[3]);
          byte[] data = img.isNullAt(f[4]) ? null : img.getBinary(f[4]);
          if (h <= 0 || w <= 0 || c <= 0 || data == null || data.length == 0) {
            throw new InvalidInput("undecodable image (Spark's image source could not read it: height " + h
                + ", width " + w + ", nChannels " + c + ")");
          }
          int[] s = input.shape();
          double[] px = input.prep().pixels(data, h, w, c, s[1], s[2]);
          input.prep().toModel(px, c, s, input.layout(), x, offset);
          return new Pending(r, slot, null, spec.overlay() ? px : null, c);
        }
        case VECTOR -> {
          double[] v = VECTOR_TYPE.deserialize(r.getStruct(input.index(), 4)).toArray();
          checkLength(v.length);
          for (int i = 0; i < size; i++) {
            x[offset + i] = finite(v[i], i);
          }
        }
        default -> {
          ArrayData a = r.getArray(input.index());
          checkLength(a.numElements());
          for (int i = 0; i < size; i++) {
            if (a.isNullAt(i)) {
              throw new InvalidInput("value " + i + " is null");
            }
          }
          if (input.kind() == LrpSpec.Kind.FLOAT_ARRAY) {
            float[] v = a.toFloatArray();
            for (int i = 0; i < size; i++) {
              x[offset + i] = finite(v[i], i);
            }
          } else {
            double[] v = a.toDoubleArray();
            for (int i = 0; i < size; i++) {
              x[offset + i] = finite(v[i], i);
            }
          }
        }
      }
      return new Pending(r, slot, null, null, 0);
    }

    private void checkLength(int n) {
      if (n != size) {
        throw new InvalidInput("has " + n + " values, the model takes " + size + " " + Arrays.toString(input.shape()));
      }
    }

    private double finite(double v, int i) {
      if (!Double.isFinite(v)) {
        throw new InvalidInput("value " + i + " is " + v);
      }
      return v;
    }

    private int target(InternalRow r) {
      int t = spec.targetIndex();
      if (t < 0) {
        return spec.targetClass();
      }
      if (r.isNullAt(t)) {
        throw new InvalidInput("the target column '" + spec.targetName() + "' is null");
      }
      double v = number(r, t, spec.targetType());
      if (v != Math.rint(v) || v < 0 || v >= outputs) {
        throw new InvalidInput("target " + v + " in column '" + spec.targetName() + "' is not a class of the model"
            + " (0 to " + (outputs - 1) + ")");
      }
      return (int) v;
    }

    private void flush() {
      LrpResult res = null;
      if (valid > 0) {
        if (lease == null) {
          Device d = TaskDevice.forCurrentTask(spec.device());
          lease = EngineCache.acquire(spec.engineKey(d), () -> spec.buildEngine(d));
          counts.partition(lease.loaded());
        }
        int n = valid;
        if (n == 1) {
          System.arraycopy(x, 0, x, size, size);
          targets[1] = targets[0];
          n = 2;
        }
        Target t = spec.targetIndex() >= 0 ? Target.perRow(Arrays.copyOf(targets, n))
            : spec.targetClass() >= 0 ? Target.index(spec.targetClass()) : Target.predicted();
        res = lease.engine().explain(x, n, t);
        counts.explained(valid);
      }
      for (Pending p : pending) {
        ready.add(p.slot < 0 ? invalidRow(p) : explainedRow(p, res));
      }
      pending.clear();
      valid = 0;
    }

    private InternalRow explainedRow(Pending p, LrpResult res) {
      int k = p.slot;
      double[] rel = res.relevance();
      float[] out;
      if (input.kind() == LrpSpec.Kind.IMAGE) {
        out = input.prep().toImage(rel, k * size, p.imageChannels, input.shape(), input.layout());
      } else {
        out = new float[size];
        for (int i = 0; i < size; i++) {
          out[i] = (float) rel[k * size + i];
        }
      }
      List<Object> v = new ArrayList<>(6);
      v.add(UnsafeArrayData.fromPrimitiveArray(out));
      v.add(res.predicted()[k]);
      v.add(res.target()[k]);
      v.add(res.relevanceSum()[k]);
      if (spec.outputs()) {
        int m = res.outputSize();
        v.add(UnsafeArrayData.fromPrimitiveArray(Arrays.copyOfRange(res.outputs(), k * m, (k + 1) * m)));
      }
      if (spec.heatmap()) {
        v.add(heatmap(Arrays.copyOfRange(rel, k * size, (k + 1) * size), p, k));
      }
      if (keep) {
        v.add(null);
      }
      return new JoinedRow(p.row, new GenericInternalRow(v.toArray()));
    }

    private InternalRow invalidRow(Pending p) {
      List<Object> v = new ArrayList<>(6);
      v.add(null);
      v.add(null);
      v.add(null);
      v.add(null);
      if (spec.outputs()) {
        v.add(null);
      }
      if (spec.heatmap()) {
        v.add(null);
      }
      v.add(UTF8String.fromString(p.error));
      return new JoinedRow(p.row, new GenericInternalRow(v.toArray()));
    }

    private byte[] heatmap(double[] relevance, Pending p, int k) {
      int[] s = input.shape();
      BufferedImage hm = Heatmaps.render(relevance, s[0], s[1], s[2], input.layout() == InputLayout.HWC);
      if (spec.overlay()) {
        int[] rgb = p.pixels != null ? Preprocessing.rgb(p.pixels, p.imageChannels, s[1], s[2])
            : grayOfInput(k * size, s);
        hm = Heatmaps.overlay(hm, rgb);
      }
      return Heatmaps.png(Heatmaps.upscale(hm, spec.heatmapSize()));
    }

    /** An array input as a picture: its values summed over channels, scaled to 0..255. */
    private int[] grayOfInput(int offset, int[] s) {
      int c = s[0];
      int hw = s[1] * s[2];
      double[] sum = new double[hw];
      for (int k = 0; k < c; k++) {
        for (int p = 0; p < hw; p++) {
          int i = input.layout() == InputLayout.HWC ? p * c + k : k * hw + p;
          sum[p] += x[offset + i];
        }
      }
      double lo = Arrays.stream(sum).min().orElse(0);
      double hi = Arrays.stream(sum).max().orElse(0);
      int[] out = new int[hw];
      for (int p = 0; p < hw; p++) {
        int g = hi > lo ? (int) Math.round(255 * (sum[p] - lo) / (hi - lo)) : 128;
        out[p] = (g << 16) | (g << 8) | g;
      }
      return out;
    }

    private void release() {
      if (lease != null) {
        lease.close();
        lease = null;
      }
    }
  }
}
