package io.sparkxai.nn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.ndarray.NDArray;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * spark-lrp never calls DJL's {@code NDArray} methods that take a {@code Number} ({@code mul(2f)},
 * {@code maximum(0)}, {@code gte(0)}, ...). DJL 0.35.1's PyTorch engine wraps the number in a Java
 * buffer and closes it right after the op, while autograd may keep the scalar for the backward pass:
 * a garbage collection in between frees the buffer, and the relevance (a gradient here) reads freed
 * memory. The rule covers every class of the module, not only the autograd paths, so a use cannot
 * move into one unnoticed. Use {@link Scalars#like}.
 */
class NoScalarOverloadsTest {

  @Test
  void noNumberOverloadsOfNdArray() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.sparkxai.nn", "io.sparkxai.lrp");
    DescribedPredicate<JavaCall<?>> numberOverload = new DescribedPredicate<>("an NDArray method taking a Number") {
      @Override
      public boolean test(JavaCall<?> call) {
        return call.getTarget().getOwner().isAssignableTo(NDArray.class)
            && call.getTarget().getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(Number.class));
      }
    };
    noClasses().should().callCodeUnitWhere(numberOverload)
        .because("the scalar's buffer is freed while autograd still reads it (see Scalars)")
        .check(classes);
  }
}
