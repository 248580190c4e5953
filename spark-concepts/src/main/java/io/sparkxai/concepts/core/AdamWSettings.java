package io.sparkxai.concepts.core;

import java.io.Serializable;

/**
 * AdamW's hyper-parameters (Loshchilov &amp; Hutter 2019, decoupled weight decay), with PyTorch's
 * defaults for all but the learning rate.
 *
 * @param learningRate step size
 * @param weightDecay decoupled weight decay (PyTorch default 0.01)
 * @param beta1 first-moment decay (0.9)
 * @param beta2 second-moment decay (0.999)
 * @param epsilon denominator guard (1e-8)
 */
public record AdamWSettings(double learningRate, double weightDecay, double beta1, double beta2, double epsilon)
    implements Serializable {

  /** Validates the values. */
  public AdamWSettings {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
    }
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("beta1 and beta2 must be in [0, 1), got " + beta1 + " and " + beta2);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
    }
  }

  /** PyTorch's {@code torch.optim.AdamW} defaults with the given learning rate. */
  public static AdamWSettings pytorchDefaults(double learningRate) {
    return new AdamWSettings(learningRate, 0.01, 0.9, 0.999, 1e-8);
  }
}
