/**
 * Neural network graphs for explanation: an immutable DAG of layers ({@link io.sparkxai.nn.Graph},
 * {@link io.sparkxai.nn.Layer}) with shape inference, readers for ONNX ({@link io.sparkxai.nn.onnx})
 * and lrp_toolbox's text format ({@link io.sparkxai.nn.toolbox}), BatchNorm folding, and the forward
 * computation on DJL arrays ({@link io.sparkxai.nn.DeviceGraph}). No Spark here; DJL's
 * engine-neutral api only.
 */
package io.sparkxai.nn;
