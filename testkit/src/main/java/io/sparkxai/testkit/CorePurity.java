package io.sparkxai.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture rule that keeps algorithms testable without a cluster (docs/architecture.md,
 * "Core purity"): an algorithm core ({@code ..core..} packages, and
 * {@code io.sparkxai.nn}) depends neither on Spark nor on a DJL engine; DJL's {@code api} is allowed
 * where a module says so. Each library module calls {@link #check(String, boolean)} from one test.
 */
public final class CorePurity {

  private CorePurity() {}

  /**
   * Fails when a class in {@code basePackage}'s core packages (or {@code io.sparkxai.nn}) depends on
   * {@code org.apache.spark}, or on {@code ai.djl} outside {@code ai.djl}'s engine-neutral API when
   * {@code djlApiAllowed}, or on {@code ai.djl} at all otherwise.
   *
   * @param basePackage the module's root package, e.g. {@code io.sparkxai.ebm}
   * @param djlApiAllowed whether the core may use DJL's engine-neutral {@code api}
   */
  public static void check(String basePackage, boolean djlApiAllowed) {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(basePackage, "io.sparkxai.nn");
    String[] cores = {basePackage + ".core..", "io.sparkxai.nn.."};
    if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(basePackage + ".core")
        || c.getPackageName().startsWith("io.sparkxai.nn"))) {
      throw new AssertionError("no core classes found under " + basePackage + ".core: the rule would pass vacuously");
    }
    noClasses().that().resideInAnyPackage(cores)
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
        .because("the algorithm core stays pure; the Spark layer converts data and delegates")
        .check(classes);
    if (djlApiAllowed) {
      noClasses().that().resideInAnyPackage(cores)
          .should().dependOnClassesThat().resideInAnyPackage("ai.djl.pytorch..", "ai.djl.engine..", "ai.djl.mxnet..",
              "ai.djl.tensorflow..", "ai.djl.onnxruntime..")
          .because("the core may use DJL's engine-neutral api only")
          .check(classes);
    } else {
      noClasses().that().resideInAnyPackage(cores)
          .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
          .because("this core needs no tensor engine")
          .check(classes);
    }
  }
}
