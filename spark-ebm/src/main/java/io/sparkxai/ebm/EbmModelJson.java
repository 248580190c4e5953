package io.sparkxai.ebm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkxai.ebm.core.EbmJson;
import io.sparkxai.ebm.core.EbmModel;
import java.io.IOException;
import java.util.Map;

/**
 * The data part of a saved model, {@code data/model.json}: the portable JSON of {@link EbmJson} (format
 * {@code "spark-ebm/model"}, version 1; schema in {@code docs/ebm-json.md}) with the training summary
 * as {@link EbmTrainingSummary}. Readers switch on the version and refuse unknown ones; nothing is
 * Java-deserialised.
 */
final class EbmModelJson {

  /** The format name written in every file. */
  static final String FORMAT = EbmJson.FORMAT;
  /** The version this library writes. */
  static final int VERSION = EbmJson.VERSION;

  private static final ObjectMapper JSON = new ObjectMapper();

  private EbmModelJson() {}

  /** A model, summary and provenance as JSON text. */
  static String write(EbmModel m, EbmTrainingSummary summary, Map<String, String> provenance) {
    try {
      return EbmJson.write(m, summary == null ? null : JSON.writeValueAsString(summary), provenance);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the training summary as JSON: " + e.getMessage(), e);
    }
  }

  /** What a model file holds. */
  record Parsed(EbmModel model, EbmTrainingSummary summary, Map<String, String> provenance) {}

  /**
   * Reads a model file's JSON.
   *
   * @param where the file, for error messages
   */
  static Parsed read(String text, String where) {
    EbmJson.Document d = EbmJson.read(text, where);
    return new Parsed(d.model(), summary(d.summaryJson(), where), d.provenance());
  }

  /** The training summary of a model file (null for none). */
  static EbmTrainingSummary summary(String summaryJson, String where) {
    try {
      return summaryJson == null ? null : JSON.readValue(summaryJson, EbmTrainingSummary.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + " is a damaged model file: its summary: " + e.getMessage(), e);
    }
  }
}
