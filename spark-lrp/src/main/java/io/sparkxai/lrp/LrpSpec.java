package io.sparkxai.lrp;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.sparkxai.lrp.core.Canonizer;
import io.sparkxai.lrp.core.Composite;
import io.sparkxai.lrp.core.Composites;
import io.sparkxai.lrp.core.Init;
import io.sparkxai.lrp.core.LayerType;
import io.sparkxai.lrp.core.LrpEngine;
import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.lrp.core.Rule;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * Everything a task needs to explain rows, resolved on the driver from an {@link LrpExplainer}'s
 * params: the model, the rules, the input column and how to read it, the target, the outputs. Small
 * and serializable (the model's bytes travel in a broadcast, see {@link ModelSource}).
 *
 * @param model where the model comes from
 * @param rules the rules (composite or rule), zero bias, canonizers and init, as params give them
 * @param precision float32 or float64
 * @param device auto, cpu or gpu
 * @param batchSize rows per engine call
 * @param input how the input column is read
 * @param targetIndex the per-row target column's index, or -1
 * @param targetName the per-row target column's name, or null
 * @param targetType the per-row target column's type, or null
 * @param targetClass the fixed target class, or -1 (with no column: the predicted class)
 * @param handleInvalid error, skip or keep
 * @param outputs whether the model's outputs are a column ({@code rawPredictionCol})
 * @param heatmap whether to render heatmap PNGs
 * @param overlay whether heatmaps are drawn over the input
 * @param heatmapSize the least side of a heatmap in pixels (upscaled by repeating pixels); 0: the model's size
 */
record LrpSpec(ModelSource model, RuleSpec rules, String precision, String device, int batchSize, InputSpec input,
    int targetIndex, String targetName, org.apache.spark.sql.types.DataType targetType, int targetClass,
    String handleInvalid, boolean outputs, boolean heatmap, boolean overlay, int heatmapSize) implements Serializable {

  /** How the input column is read. */
  enum Kind {
    /** Spark's image struct. */
    IMAGE,
    /** array&lt;float&gt; in the model's layout. */
    FLOAT_ARRAY,
    /** array&lt;double&gt; in the model's layout. */
    DOUBLE_ARRAY,
    /** An ML vector in the model's layout. */
    VECTOR
  }

  /**
   * The input column and the model input it becomes.
   *
   * @param kind the column's type
   * @param column the column's name (for messages)
   * @param index the column's index in the input rows
   * @param shape the model's per-sample input shape
   * @param layout the model's input layout
   * @param prep image preprocessing (images only)
   * @param imageFields indices of origin (-1 when absent), height, width, nChannels and data in the
   *     image struct, then its number of fields (images only)
   */
  record InputSpec(Kind kind, String column, int index, int[] shape, InputLayout layout, Preprocessing prep,
      int[] imageFields) implements Serializable {
    /** Values per model input. */
    int size() {
      int s = 1;
      for (int d : shape) {
        s *= d;
      }
      return s;
    }
  }

  /**
   * The rules as the params name them (the CLI's flags).
   *
   * @param composite a composite name, or null with {@code rule}
   * @param low EpsilonGammaBox's lowest input, or null
   * @param high EpsilonGammaBox's highest input, or null
   * @param rule one rule for every layer, or null
   * @param firstRule the first dense/convolutional layer's rule, or null
   * @param zeroBias leave biases out of the denominators
   * @param canonize apply the canonizers
   * @param init one or output
   */
  record RuleSpec(String composite, Double low, Double high, String rule, String firstRule, boolean zeroBias,
      boolean canonize, String init) implements Serializable {

    /**
     * The engine options.
     *
     * @throws IllegalArgumentException naming the param at fault
     */
    LrpOptions options() {
      Composite c;
      if (rule != null) {
        try {
          c = Composite.uniform(Rule.parse(rule));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("rule: " + e.getMessage(), e);
        }
      } else {
        try {
          c = Composites.byName(composite, low, high);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("composite: " + e.getMessage(), e);
        }
      }
      if (firstRule != null) {
        try {
          c = c.withFirstRule(LayerType.LINEAR, Rule.parse(firstRule));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("firstRule: " + e.getMessage(), e);
        }
      }
      Init i = init.toLowerCase(Locale.ROOT).equals("output") ? Init.OUTPUT : Init.ONE;
      return new LrpOptions(c, zeroBias, canonize ? Canonizer.ALL : Set.of(), i);
    }

    /** A stable text of the options, part of the engine cache's key. */
    String key() {
      return composite + "|" + low + "|" + high + "|" + rule + "|" + firstRule + "|" + zeroBias + "|" + canonize + "|"
          + init.toLowerCase(Locale.ROOT);
    }
  }

  /** The engine's number type. */
  DataType dataType() {
    return precision.equals("float64") ? DataType.FLOAT64 : DataType.FLOAT32;
  }

  /** The engine cache's key for this model, these rules, this device and precision. */
  String engineKey(Device d) {
    return model.key() + "|" + rules.key() + "|" + d + "|" + precision;
  }

  /** Builds an engine (a cache miss). */
  LrpEngine buildEngine(Device d) {
    Graph g = model.load();
    return LrpEngines.engine(g, rules.options(), d, dataType());
  }
}
