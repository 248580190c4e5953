package io.sparkxai.concepts;

import io.sparkxai.concepts.core.ConceptDataset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The benchmark tables the tests use: the standard sizes, 500 rows split 335 / 165. */
final class ConceptTestData {

  static final int TRAIN = 335;
  static final int TEST = 165;

  private ConceptTestData() {}

  static Dataset<Row> train(SparkSession spark, ConceptDataset ds, long seed) {
    return ConceptDataFrames.generate(spark, ds, seed, 0, TRAIN, 2).cache();
  }

  static Dataset<Row> test(SparkSession spark, ConceptDataset ds, long seed) {
    return ConceptDataFrames.generate(spark, ds, seed, TRAIN, TEST, 2).cache();
  }

  static ConceptBottleneckClassifier cbm(ConceptDataset ds) {
    return new ConceptBottleneckClassifier().setInputCols(ConceptDataFrames.featureColumns(ds))
        .setConceptCols(ConceptDataFrames.conceptColumns(ds)).setLabelCol(ConceptDataFrames.LABEL);
  }

  static ConceptEmbeddingClassifier cem(ConceptDataset ds) {
    return new ConceptEmbeddingClassifier().setInputCols(ConceptDataFrames.featureColumns(ds))
        .setConceptCols(ConceptDataFrames.conceptColumns(ds)).setLabelCol(ConceptDataFrames.LABEL);
  }

  static EntropyLogicExplainer len(ConceptDataset ds) {
    return new EntropyLogicExplainer().setConceptCols(ConceptDataFrames.conceptColumns(ds))
        .setLabelCol(ConceptDataFrames.LABEL);
  }
}
