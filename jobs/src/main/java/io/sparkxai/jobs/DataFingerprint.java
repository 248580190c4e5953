package io.sparkxai.jobs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * An exact, order-independent summary of a table's contents: row count, positives, and the XOR of
 * every row's 64-bit xxHash over all columns. Two runs that computed the same rows, in whatever
 * partitions, tasks or executors (recomputed after a lost executor included), give the same
 * fingerprint; a changed, lost or added row changes it (except a row added twice, which only the
 * count shows).
 *
 * @param rows the number of rows
 * @param positives rows whose 0/1 label column is 1
 * @param hash the XOR of the rows' xxhash64, as 16 hex digits
 */
public record DataFingerprint(long rows, long positives, String hash) {

  /** Fingerprints {@code df}; {@code label} is a 0/1 numeric column of it. */
  public static DataFingerprint of(Dataset<Row> df, String label) {
    Column[] all = Arrays.stream(df.columns()).map(c -> functions.col(Tables.quote(c))).toArray(Column[]::new);
    Row r = df.agg(functions.count(functions.lit(1)),
        functions.coalesce(functions.sum(functions.col(Tables.quote(label)).cast("long")), functions.lit(0L)),
        functions.coalesce(functions.bit_xor(functions.xxhash64(all)), functions.lit(0L))).first();
    return new DataFingerprint(r.getLong(0), r.getLong(1), String.format("%016x", r.getLong(2)));
  }

  /** As the metrics JSON writes it. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", rows);
    m.put("positives", positives);
    m.put("hash", hash);
    return m;
  }
}
