package io.sparkxai.concepts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/** A partition's rows taken in batches and mapped batch by batch, lazily, as the scorers need. */
final class BatchedRows {

  private BatchedRows() {}

  /** The rows {@code f} makes of each batch of at most {@code size} input rows, in order. */
  static Iterator<Row> map(Iterator<Row> input, int size, Function<List<Row>, List<Row>> f) {
    return new Iterator<>() {
      private Iterator<Row> current = List.<Row>of().iterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && input.hasNext()) {
          List<Row> rows = new ArrayList<>(size);
          while (input.hasNext() && rows.size() < size) {
            rows.add(input.next());
          }
          current = f.apply(rows).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
