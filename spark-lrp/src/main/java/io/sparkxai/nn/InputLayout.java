package io.sparkxai.nn;

/**
 * How a flattened input row is ordered in the model's own convention. Graphs compute on
 * {@code [C,H,W]}; an {@code HWC} model (lrp_toolbox) takes rows in height, width, channel order and
 * gets its relevance back in the same order.
 */
public enum InputLayout {
  /** Channel, height, width (ONNX, PyTorch), or a plain vector. */
  CHW,
  /** Height, width, channel (lrp_toolbox, TensorFlow). */
  HWC
}
