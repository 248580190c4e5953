package io.sparkxai.lrp.core;

import io.sparkxai.nn.Layer;

/**
 * Kinds of layer a composite maps to rules, after zennit's type groups ({@code zennit.types}):
 * {@link #LINEAR} is any dense or convolutional layer, {@link #DENSE} a dense one
 * ({@code torch.nn.Linear}), {@link #CONVOLUTION} a convolution; {@link #AVG_POOL} covers average,
 * global average and lrp_toolbox's sum pooling; {@link #SUM} the explicit sum nodes the residual
 * canonizer makes.
 */
public enum LayerType {
  /** Dense or convolutional. */
  LINEAR,
  /** Dense ({@link Layer.Linear}). */
  DENSE,
  /** Convolutional ({@link Layer.Conv2d}). */
  CONVOLUTION,
  /** Average, global average and sum pooling. */
  AVG_POOL,
  /** Max pooling. */
  MAX_POOL,
  /** Explicit sum nodes ({@link Layer.Sum}). */
  SUM,
  /** Element-wise activations: ReLU, LeakyReLU, Tanh, Sigmoid. */
  ACTIVATION,
  /** Softmax. */
  SOFTMAX,
  /** Batch normalisation. */
  BATCH_NORM;

  /** Whether {@code layer} is of this kind. */
  public boolean matches(Layer layer) {
    return switch (this) {
      case LINEAR -> layer instanceof Layer.Linear || layer instanceof Layer.Conv2d;
      case DENSE -> layer instanceof Layer.Linear;
      case CONVOLUTION -> layer instanceof Layer.Conv2d;
      case AVG_POOL -> layer instanceof Layer.AvgPool2d || layer instanceof Layer.GlobalAvgPool
          || layer instanceof Layer.SumPool2d;
      case MAX_POOL -> layer instanceof Layer.MaxPool2d;
      case SUM -> layer instanceof Layer.Sum;
      case ACTIVATION -> layer instanceof Layer.ReLU || layer instanceof Layer.LeakyReLU || layer instanceof Layer.Tanh
          || layer instanceof Layer.Sigmoid;
      case SOFTMAX -> layer instanceof Layer.Softmax;
      case BATCH_NORM -> layer instanceof Layer.BatchNorm;
    };
  }
}
