package io.sparkxai.nn;

import ai.djl.ndarray.NDArray;

/**
 * Scalars as arrays in the engine's own memory, for the element-wise operations that would otherwise
 * take a {@code Number}. DJL 0.35.1's PyTorch engine implements {@code mul(Number)},
 * {@code maximum(Number)}, {@code gte(Number)} and the like by wrapping the number in an array that
 * reads a Java buffer and closing that array right after the operation; autograd keeps the scalar
 * for the backward pass, and once a garbage collection has freed the buffer the gradient (here: the
 * relevance) reads freed memory. A scalar made here is a copy owned by PyTorch, in the manager of
 * the array it goes with, so it lives until that manager (a batch's) is closed, after the backward
 * pass. {@code NoScalarOverloadsTest} keeps the {@code Number} overloads out of this module.
 */
public final class Scalars {

  private Scalars() {}

  /**
   * {@code value} as a 0-dimensional array of {@code like}'s data type, on its device and in its
   * manager. The value is converted as PyTorch converts a scalar operand (to the array's type), so
   * results equal those of the {@code Number} overloads.
   */
  public static NDArray like(NDArray like, double value) {
    try (NDArray wrapped = like.getManager().create(value)) {
      return wrapped.toType(like.getDataType(), true); // the copy is PyTorch's memory, not the Java buffer
    }
  }
}
