package io.sparkxai.lrp;

/**
 * One explained image as plain Java values, for drawing it (a report, a notebook cell) without
 * Spark: the input as a picture, its relevance map, the prediction with its score, the explained
 * class, and the relevance sum beside the relevance put on the output (conservative rules make them
 * about equal). Made by {@link LrpExplainer#explainImages}.
 *
 * @param id the image's origin (Spark's image source), else {@code row N} (its place among the rows)
 * @param height pixels per column, the model's input height
 * @param width pixels per row, the model's input width
 * @param picture the input as the image looks, {@code 0xRRGGBB} per pixel, row-major: for an image
 *     column the stored image in its own colours (resampled to the model's size where {@code resize}
 *     did so), before {@code scale}, {@code mean} and {@code std}; for an array or vector column the
 *     model's input values averaged over channels, drawn in grey from the row's lowest (black) to its
 *     highest (white)
 * @param relevance the relevance map, one value per pixel (summed over channels), row-major
 * @param predicted the predicted class (argmax of the outputs)
 * @param predictedScore the model's output for the predicted class
 * @param explained the explained class
 * @param explainedScore the model's output for the explained class
 * @param relevanceSum the sum of the relevance over every input value
 * @param initialRelevance the relevance put on the explained output ({@code init}: 1, or the
 *     explained score), which the relevance sum approximates when biases are left out
 */
public record ExplainedImage(String id, int height, int width, int[] picture, double[] relevance, int predicted,
    double predictedScore, int explained, double explainedScore, double relevanceSum, double initialRelevance) {

  /** Checks the sizes. */
  public ExplainedImage {
    if (picture.length != height * width || relevance.length != height * width) {
      throw new IllegalArgumentException("an image of " + height + " x " + width + " needs " + height * width
          + " pixels, got " + picture.length + " and " + relevance.length + " relevance values");
    }
  }

  /**
   * One row explained outside Spark (the engine's own arrays, e.g. {@code lrp --input rows.csv}):
   * the picture is the model input averaged over channels, in grey from the row's lowest to its
   * highest value, the relevance map its relevance summed over channels.
   *
   * @param shape the model's input shape [C,H,W]
   * @param channelsLast whether {@code input} and {@code relevance} are in H,W,C order (else C,H,W)
   * @param input the row as the model takes it
   * @param relevance the row's relevance, in the same layout
   * @param outputs the model's outputs for the row
   */
  public static ExplainedImage ofModelInput(String id, int[] shape, boolean channelsLast, double[] input,
      double[] relevance, double[] outputs, int explained, double relevanceSum, double initialRelevance) {
    int c = shape[0];
    int h = shape[1];
    int w = shape[2];
    int predicted = 0;
    for (int k = 1; k < outputs.length; k++) {
      if (outputs[k] > outputs[predicted]) {
        predicted = k;
      }
    }
    int[] picture = ExplainedImages.grey(ExplainedImages.perPixel(input, c, h, w, channelsLast, false));
    return new ExplainedImage(id, h, w, picture, ExplainedImages.perPixel(relevance, c, h, w, channelsLast, true),
        predicted, outputs[predicted], explained, outputs[explained], relevanceSum, initialRelevance);
  }

  /** The largest |relevance| of a pixel (0 for an empty map). */
  public double maxAbsRelevance() {
    double max = 0;
    for (double v : relevance) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}
