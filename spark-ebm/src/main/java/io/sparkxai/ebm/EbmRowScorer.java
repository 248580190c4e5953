package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.OuterBags;
import java.util.Iterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores the rows of one partition lazily for {@link EbmModelBase#transform}: each input row, then the
 * model's prediction columns, then (when asked) the per-term contributions and the per-row uncertainty
 * (the weighted standard deviation of the raw score over the outer bags, {@link OuterBags#rawStdev}).
 */
final class EbmRowScorer implements Iterator<Row> {
  private final EbmModelBase<?> stage;
  private final EbmModel m;
  private final EbmInput.Reader reader;
  private final int width;
  private final int predictions;
  private final boolean contributions;
  private final boolean uncertainty;
  private final Iterator<Row> rows;
  private final int k;
  private final double[] contrib;
  private final double[] raw;
  private final int[] cells;
  private final double[] perBag;
  private final double[] spread;

  /**
   * @param stage the model stage (its prediction columns)
   * @param m the EBM (with its bags when {@code uncertainty})
   * @param input how the features are read
   * @param width the input row's columns; the selected features follow them
   * @param predictions prediction columns added
   * @param contributions whether the contributions column is added
   * @param uncertainty whether the uncertainty column is added (last)
   * @param rows the partition's rows
   */
  EbmRowScorer(EbmModelBase<?> stage, EbmModel m, EbmInput input, int width, int predictions, boolean contributions,
      boolean uncertainty, Iterator<Row> rows) {
    this.stage = stage;
    this.m = m;
    this.reader = input.reader();
    this.width = width;
    this.predictions = predictions;
    this.contributions = contributions;
    this.uncertainty = uncertainty;
    this.rows = rows;
    this.k = m.scoresPerRow();
    this.contrib = new double[m.terms().size() * k];
    this.raw = new double[k];
    this.cells = new int[m.terms().size()];
    this.perBag = uncertainty ? new double[m.bags().size() * k] : null;
    this.spread = new double[k];
  }

  @Override
  public boolean hasNext() {
    return rows.hasNext();
  }

  @Override
  public Row next() {
    Row row = rows.next();
    reader.features(row, width);
    int[] bins = m.bins(reader.numbers, reader.levels);
    m.explain(bins, contrib, raw);
    Object[] out = new Object[width + predictions + (contributions ? 1 : 0) + (uncertainty ? 1 : 0)];
    for (int i = 0; i < width; i++) {
      out[i] = row.get(i);
    }
    stage.predictionValues(m, raw, out, width);
    int next = width + predictions;
    if (contributions) {
      int terms = m.terms().size();
      if (k == 1) {
        out[next] = contrib.clone();
      } else {
        double[][] c = new double[terms][k];
        for (int t = 0; t < terms; t++) {
          System.arraycopy(contrib, t * k, c[t], 0, k);
        }
        out[next] = c;
      }
      next++;
    }
    if (uncertainty) {
      for (int t = 0; t < cells.length; t++) {
        cells[t] = m.cell(t, bins);
      }
      m.bags().rawStdev(cells, k, perBag, spread);
      out[next] = k == 1 ? (Object) spread[0] : spread.clone();
    }
    return RowFactory.create(out);
  }
}
