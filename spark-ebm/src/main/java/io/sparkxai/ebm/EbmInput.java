package io.sparkxai.ebm;

import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.StableHash;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Where the features, label, weight, validation flag and row id come from in a DataFrame, checked
 * against its schema with errors naming the column, its type and what is expected; and how a row of
 * the selected columns becomes numbers and levels ({@link Reader}). Immutable and serialisable.
 *
 * @param names feature names
 * @param kinds how each feature is read
 * @param columns the feature columns (empty when the features are a vector)
 * @param vectorCol the features vector column, or null
 * @param labelCol the label column (null for a transform)
 * @param weightCol the weight column, or null
 * @param validationCol the validation indicator column, or null
 * @param rowIdCol the row id column, or null
 * @param slotLevels per feature, the category names by index of a categorical vector slot (from the
 *     vector's ML attributes, {@link VectorAttributes}), or null; null for column input
 */
record EbmInput(List<String> names, Kind[] kinds, List<String> columns, String vectorCol, String labelCol,
    String weightCol, String validationCol, String rowIdCol, String[][] slotLevels) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How one feature is read from the selected row. */
  enum Kind {
    /** A number (null and NaN are missing). */
    NUMBER,
    /** A string level (null is missing). */
    LEVEL,
    /** A number used as a level ({@link FeatureBinning#levelOf}). */
    NUMBER_LEVEL,
    /** A slot of the features vector (NaN is missing). */
    SLOT,
    /** A slot of the features vector used as a level. */
    SLOT_LEVEL
  }

  EbmInput {
    names = List.copyOf(names);
    columns = List.copyOf(columns);
  }

  /** The input of a fit. */
  static EbmInput forFit(Dataset<?> data, EbmSettings s) {
    StructType schema = data.schema();
    String label = s.labelCol();
    StructField lf = field(schema, label, "labelCol");
    if (!(lf.dataType() instanceof NumericType)) {
      throw new IllegalArgumentException("label column '" + label + "' has type " + lf.dataType().simpleString()
          + "; expected a number" + (s.classifier() ? " (the class index 0..K-1; index strings with StringIndexer)"
          : ""));
    }
    String weight = s.weighted() ? s.weightCol() : null;
    if (weight != null) {
      StructField wf = field(schema, weight, "weightCol");
      if (!(wf.dataType() instanceof NumericType)) {
        throw new IllegalArgumentException("weight column '" + weight + "' has type " + wf.dataType().simpleString()
            + "; expected a number");
      }
    }
    String val = s.flagged() ? s.validationIndicatorCol() : null;
    if (val != null) {
      StructField vf = field(schema, val, "validationIndicatorCol");
      if (!(vf.dataType() instanceof BooleanType) && !(vf.dataType() instanceof NumericType)) {
        throw new IllegalArgumentException("validation indicator column '" + val + "' has type "
            + vf.dataType().simpleString() + "; expected a boolean");
      }
    }
    String rowId = s.rowIdCol().isEmpty() ? null : s.rowIdCol();
    if (rowId != null) {
      StructField rf = field(schema, rowId, "rowIdCol");
      if (!(rf.dataType() instanceof NumericType) && !(rf.dataType() instanceof StringType)) {
        throw new IllegalArgumentException("row id column '" + rowId + "' has type " + rf.dataType().simpleString()
            + "; expected a number or a string");
      }
    }
    EbmInput features = features(data, s.inputCols(), s.featuresCol(), s.featureNames(), s.categoricalCols(),
        null, Map.of());
    for (String c : List.of(label, weight == null ? "" : weight, val == null ? "" : val)) {
      if (!c.isEmpty() && features.columns.contains(c)) {
        throw new IllegalArgumentException("column '" + c + "' is both a feature and the label, weight or validation "
            + "column");
      }
    }
    return new EbmInput(features.names, features.kinds, features.columns, features.vectorCol, label, weight, val,
        rowId, features.slotLevels);
  }

  /**
   * The input of a transform, for a model's features.
   *
   * @param storedLevels the category names of vector slots the model keeps, used where the scored
   *     vector's metadata names none
   */
  static EbmInput forTransform(Dataset<?> data, List<String> inputCols, String featuresCol,
      List<FeatureBinning> binnings, Map<String, List<String>> storedLevels) {
    List<String> names = new ArrayList<>();
    Set<String> categorical = new LinkedHashSet<>();
    for (FeatureBinning b : binnings) {
      names.add(b.name());
      if (b.isCategorical()) {
        categorical.add(b.name());
      }
    }
    return features(data, inputCols, featuresCol, inputCols.isEmpty() ? names : List.of(), categorical, binnings,
        storedLevels);
  }

  private static EbmInput features(Dataset<?> data, List<String> inputCols, String featuresCol,
      List<String> featureNames, Set<String> categoricalCols, List<FeatureBinning> expected,
      Map<String, List<String>> storedLevels) {
    StructType schema = data.schema();
    List<String> names = new ArrayList<>();
    List<Kind> kinds = new ArrayList<>();
    String vector = null;
    String[][] slotLevels = null;
    if (!inputCols.isEmpty()) {
      for (String c : inputCols) {
        StructField f = field(schema, c, "inputCols");
        DataType t = f.dataType();
        boolean cat = categoricalCols.contains(c);
        if (expected != null) {
          cat = expected.get(names.size()).isCategorical();
        }
        if (t instanceof NumericType) {
          kinds.add(cat ? Kind.NUMBER_LEVEL : Kind.NUMBER);
        } else if (t instanceof StringType || t instanceof BooleanType) {
          if (expected != null && !cat) {
            throw new IllegalArgumentException("feature column '" + c + "' has type " + t.simpleString()
                + " but the model binned it as a number; expected a number");
          }
          kinds.add(Kind.LEVEL);
        } else {
          throw new IllegalArgumentException("feature column '" + c + "' has type " + t.simpleString()
              + "; expected a number, a string or a boolean");
        }
        names.add(c);
      }
    } else {
      StructField f = field(schema, featuresCol, "featuresCol");
      if (!(f.dataType() instanceof VectorUDT)) {
        throw new IllegalArgumentException("features column '" + featuresCol + "' has type "
            + f.dataType().simpleString() + "; expected a vector (or set inputCols)");
      }
      vector = featuresCol;
      int size = expected != null ? expected.size() : vectorSize(data, f, featureNames);
      List<String> given = expected != null ? names(expected) : featureNames.isEmpty()
          ? VectorAttributes.names(f, size) : featureNames;
      if (given.size() != size) {
        throw new IllegalArgumentException("featureNames has " + given.size() + " names but vector column '"
            + featuresCol + "' has " + size + " slots");
      }
      boolean[] nominal = VectorAttributes.categorical(f, size);
      slotLevels = VectorAttributes.levels(f, size);
      for (int i = 0; i < size; i++) {
        String n = given.get(i);
        boolean cat = expected != null ? expected.get(i).isCategorical() : categoricalCols.contains(n) || nominal[i];
        names.add(n);
        kinds.add(cat ? Kind.SLOT_LEVEL : Kind.SLOT);
        if (slotLevels[i] == null && storedLevels.containsKey(n)) {
          slotLevels[i] = storedLevels.get(n).toArray(new String[0]);
        }
        if (!cat) {
          slotLevels[i] = null;
        }
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no features: inputCols is empty and the features vector has no slots");
    }
    if (new LinkedHashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("feature names must be distinct, got " + names);
    }
    for (String c : categoricalCols) {
      if (expected == null && !names.contains(c)) {
        throw new IllegalArgumentException("categoricalCols names '" + c + "', which is not a feature; features: "
            + names);
      }
    }
    return new EbmInput(names, kinds.toArray(new Kind[0]), vector == null ? inputCols : List.of(), vector, null, null,
        null, null, slotLevels);
  }

  private static List<String> names(List<FeatureBinning> binnings) {
    List<String> out = new ArrayList<>();
    for (FeatureBinning b : binnings) {
      out.add(b.name());
    }
    return out;
  }

  private static int vectorSize(Dataset<?> data, StructField f, List<String> featureNames) {
    int size = AttributeGroup.fromStructField(f).size();
    if (size >= 0) {
      return size;
    }
    if (!featureNames.isEmpty()) {
      return featureNames.size();
    }
    List<Row> first = data.select(functions.col(quote(f.name()))).filter(functions.col(quote(f.name())).isNotNull())
        .limit(1).collectAsList();
    return first.isEmpty() ? 0 : ((Vector) first.get(0).get(0)).size();
  }

  private static StructField field(StructType schema, String name, String param) {
    if (!Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException(param + ": column '" + name + "' is not in the DataFrame; columns: "
          + String.join(", ", schema.fieldNames()));
    }
    return schema.apply(name);
  }

  /** Backquotes a column name so that dots and spaces in it are taken literally. */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** Which features are categorical. */
  boolean[] categorical() {
    boolean[] out = new boolean[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      out[i] = kinds[i] == Kind.LEVEL || kinds[i] == Kind.NUMBER_LEVEL || kinds[i] == Kind.SLOT_LEVEL;
    }
    return out;
  }

  /**
   * The columns a fit or transform reads, in the order {@link Reader} expects: features (or the
   * vector), then label, weight, validation flag and row id where present.
   */
  Column[] selection() {
    List<Column> cols = new ArrayList<>();
    if (vectorCol != null) {
      cols.add(functions.col(quote(vectorCol)));
    } else {
      for (int i = 0; i < columns.size(); i++) {
        Column c = functions.col(quote(columns.get(i)));
        cols.add(kinds[i] == Kind.LEVEL ? c.cast(DataTypes.StringType) : c.cast(DataTypes.DoubleType));
      }
    }
    if (labelCol != null) {
      cols.add(functions.col(quote(labelCol)).cast(DataTypes.DoubleType));
    }
    if (weightCol != null) {
      cols.add(functions.col(quote(weightCol)).cast(DataTypes.DoubleType));
    }
    if (validationCol != null) {
      cols.add(functions.col(quote(validationCol)).cast(DataTypes.BooleanType));
    }
    if (rowIdCol != null) {
      cols.add(functions.col(quote(rowIdCol)).cast(DataTypes.StringType));
    }
    return cols.toArray(new Column[0]);
  }

  /** A reader of selected rows (one per task; not thread-safe). */
  Reader reader() {
    return new Reader(this);
  }

  /** Reads one selected row into flat arrays. */
  static final class Reader {
    private final EbmInput in;
    final double[] numbers;
    final String[] levels;
    double label;
    double weight;
    boolean validation;
    long key;
    long tie;

    Reader(EbmInput in) {
      this.in = in;
      this.numbers = new double[in.kinds.length];
      this.levels = new String[in.kinds.length];
    }

    /** Reads the features of a row selected by {@link #selection()} (starting at position {@code offset}). */
    void features(Row row, int offset) {
      Kind[] kinds = in.kinds;
      if (in.vectorCol != null) {
        Vector v = row.isNullAt(offset) ? null : (Vector) row.get(offset);
        if (v != null && v.size() != kinds.length) {
          throw new IllegalArgumentException("vector column '" + in.vectorCol + "' has a row of " + v.size()
              + " slots; expected " + kinds.length);
        }
        for (int f = 0; f < kinds.length; f++) {
          double x = v == null ? Double.NaN : v.apply(f);
          numbers[f] = kinds[f] == Kind.SLOT ? x : Double.NaN;
          levels[f] = kinds[f] == Kind.SLOT_LEVEL && !Double.isNaN(x) ? slotLevel(f, x) : null;
        }
        return;
      }
      for (int f = 0; f < kinds.length; f++) {
        int p = offset + f;
        switch (kinds[f]) {
          case NUMBER:
            numbers[f] = row.isNullAt(p) ? Double.NaN : row.getDouble(p);
            levels[f] = null;
            break;
          case NUMBER_LEVEL: {
            double x = row.isNullAt(p) ? Double.NaN : row.getDouble(p);
            numbers[f] = Double.NaN;
            levels[f] = Double.isNaN(x) ? null : FeatureBinning.levelOf(x);
            break;
          }
          default:
            numbers[f] = Double.NaN;
            levels[f] = row.isNullAt(p) ? null : row.getString(p);
        }
      }
    }

    /** A categorical slot's level: its category name by index where the attributes give one, else the number. */
    private String slotLevel(int f, double x) {
      String[] byIndex = in.slotLevels == null ? null : in.slotLevels[f];
      int i = (int) x;
      return byIndex != null && i == x && i >= 0 && i < byIndex.length ? byIndex[i] : FeatureBinning.levelOf(x);
    }

    /** Whether the row just read has a valid label and weight (the scan counts and refuses, or skips, the others). */
    boolean valid() {
      return Double.isFinite(label) && weight >= 0 && Double.isFinite(weight);
    }

    /** Reads a full fit row: features, label, weight, flag, key and tie. */
    void read(Row row) {
      features(row, 0);
      int p = in.vectorCol != null ? 1 : in.kinds.length;
      label = row.isNullAt(p) ? Double.NaN : row.getDouble(p);
      p++;
      weight = 1.0;
      if (in.weightCol != null) {
        weight = row.isNullAt(p) ? Double.NaN : row.getDouble(p);
        p++;
      }
      validation = false;
      if (in.validationCol != null) {
        validation = !row.isNullAt(p) && row.getBoolean(p);
        p++;
      }
      long h = StableHash.SEED;
      for (int f = 0; f < numbers.length; f++) {
        h = levels[f] != null ? StableHash.add(h, levels[f]) : StableHash.add(h, numbers[f]);
      }
      h = StableHash.add(StableHash.add(StableHash.add(h, label), weight), validation ? 1L : 0L);
      tie = h;
      key = in.rowIdCol != null ? StableHash.add(StableHash.SEED, row.isNullAt(p) ? null : row.getString(p)) : h;
    }
  }
}
