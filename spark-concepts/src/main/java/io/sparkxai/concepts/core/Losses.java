package io.sparkxai.concepts.core;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.ndarray.types.DataType;

/** The loss terms of the concept networks, written on logits for numerical safety. */
final class Losses {

  private Losses() {}

  /**
   * Mean binary cross-entropy of sigmoid(z) against targets t in [0, 1], in the stable form
   * {@code max(z, 0) − z·t + log(1 + e^{−|z|})} (PyTorch's {@code BCEWithLogitsLoss}; equal to
   * {@code BCELoss(sigmoid(z), t)} without its clamping).
   */
  static NDArray binaryCrossEntropy(NDArray logits, NDArray targets) {
    NDArray positive = Activation.relu(logits);
    NDArray softplus = Activation.softPlus(logits.abs().neg());
    return positive.sub(logits.mul(targets)).add(softplus).mean();
  }

  /**
   * {@code x · w} with the scalar w held in engine-owned memory. DJL's {@code NDArray.mul(Number)}
   * wraps the number in a Java buffer and closes it right after the op, while autograd keeps the
   * scalar for the backward pass: a garbage collection in between frees the buffer and the
   * gradient reads freed memory (found as 1–25 % of runs diverging under GC pressure). Never use
   * the Number overloads on arrays that take part in autograd.
   */
  static NDArray scale(NDArray x, double w) {
    return x.mul(constant(x, w));
  }

  /** A scalar in engine-owned memory, in {@code like}'s manager. */
  static NDArray constant(NDArray like, double value) {
    return NetworkTrainer.engineOwned(like.getManager().create((float) value));
  }

  /**
   * The task loss: binary cross-entropy when the head has one output, else the mean softmax
   * cross-entropy of the class indices in {@code labels} (shape (batch)).
   */
  static NDArray task(NDArray logits, NDArray labels) {
    long width = logits.getShape().get(1);
    if (width == 1) {
      return binaryCrossEntropy(logits.reshape(-1), labels);
    }
    NDArray oneHot = labels.toType(DataType.INT64, false).oneHot((int) width);
    return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
  }

  /** Binary cross-entropy of each class's logit against the one-hot labels (torch_explain's LEN loss). */
  static NDArray oneVsRest(NDArray logits, NDArray labels) {
    long width = logits.getShape().get(1);
    NDArray oneHot = labels.toType(DataType.INT64, false).oneHot((int) width).toType(DataType.FLOAT32, false);
    return binaryCrossEntropy(logits, oneHot);
  }

  /**
   * The entropy of the concept attention, summed over classes: {@code −Σ_c Σ_j α_cj log α_cj}
   * (Barbiero et al. 2022, eq. 4; torch_explain's {@code entropy_logic_loss}). Small when each class
   * attends to few concepts, which is what makes its explanations short.
   */
  static NDArray attentionEntropy(NDArray alpha) {
    return alpha.mul(alpha.log()).sum().neg();
  }
}
