package io.sparkxai.lrp.core;

/**
 * The relevance of one batch. Arrays are row-major: {@code relevance[r * inputSize + i]} is the
 * relevance of input value {@code i} of row {@code r}, in the model's own input layout;
 * {@code outputs[r * outputSize + k]} is the model's output {@code k}.
 *
 * @param rows rows in the batch
 * @param inputSize values per input row
 * @param outputSize values per output row
 * @param relevance input relevance
 * @param outputs the model's outputs
 * @param predicted argmax of each row's outputs
 * @param target the explained class per row (-1 for the raw output)
 * @param initial the initial relevance put on the outputs, per row
 * @param relevanceSum the sum of each row's input relevance
 */
public record LrpResult(int rows, int inputSize, int outputSize, double[] relevance, double[] outputs,
    int[] predicted, int[] target, double[] initial, double[] relevanceSum) {

  /** The relevance of one row. */
  public double[] row(int r) {
    double[] out = new double[inputSize];
    System.arraycopy(relevance, r * inputSize, out, 0, inputSize);
    return out;
  }
}
