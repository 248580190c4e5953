/**
 * The ONNX reader. The protobuf classes are generated at build time from
 * {@code src/main/proto/onnx_subset.proto}, the subset of ONNX's messages the reader needs.
 */
package io.sparkxai.nn.onnx;
