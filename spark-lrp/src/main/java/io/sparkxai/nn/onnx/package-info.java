/**
 * ONNX in and out: the reader ({@link io.sparkxai.nn.onnx.OnnxReader}) and its inverse, the writer
 * ({@link io.sparkxai.nn.onnx.OnnxWriter}, for graphs built or trained in Java). The protobuf classes
 * are generated at build time from {@code src/main/proto/onnx_subset.proto}, the subset of ONNX's
 * messages both need.
 */
package io.sparkxai.nn.onnx;
