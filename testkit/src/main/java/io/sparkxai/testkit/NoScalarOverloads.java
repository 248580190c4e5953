package io.sparkxai.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rule that no class calls DJL's {@code NDArray} methods taking a {@code Number}
 * ({@code mul(2f)}, {@code add(1f)}, {@code maximum(0)}, {@code gte(0)}, ...). DJL's PyTorch engine
 * wraps the number in a Java buffer and closes it right after the op, while autograd may keep the
 * scalar for the backward pass: a garbage collection in between frees the buffer, and the gradient
 * reads freed memory. Each module that trains or differentiates through DJL checks its packages
 * from one test, naming its own safe replacement in {@code because}.
 */
public final class NoScalarOverloads {

  private static final String ND_ARRAY = "ai.djl.ndarray.NDArray";

  private NoScalarOverloads() {}

  /**
   * Fails when a main class in {@code packages} calls an {@code NDArray} method with a
   * {@code Number} parameter.
   *
   * @param because what to use instead, for the failure message
   */
  public static void check(String because, String... packages) {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(packages);
    if (classes.isEmpty()) {
      throw new AssertionError("no classes found in " + String.join(", ", packages) + ": the rule would pass vacuously");
    }
    DescribedPredicate<JavaCall<?>> numberOverload = new DescribedPredicate<>("an NDArray method taking a Number") {
      @Override
      public boolean test(JavaCall<?> call) {
        return call.getTarget().getOwner().isAssignableTo(ND_ARRAY)
            && call.getTarget().getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(Number.class));
      }
    };
    noClasses().should().callCodeUnitWhere(numberOverload).because(because).check(classes);
  }
}
