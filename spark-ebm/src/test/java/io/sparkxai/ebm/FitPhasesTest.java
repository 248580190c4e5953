package io.sparkxai.ebm;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Spark side of a fit reads as its phases: {@link EbmTrainer} calls {@link ScanPhase},
 * {@link ShardPhase}, {@link ExactBoostPhase} or {@link ShardedBoostPhase}, and {@link FinishPhase}
 * in order; a phase is called by the trainer only, knows no other phase (it takes the previous
 * phase's result record), and no two classes of the fit depend on each other, directly or through
 * others.
 */
class FitPhasesTest {

  private static final List<String> PHASES = List.of("ScanPhase", "ShardPhase", "ExactBoostPhase",
      "ShardedBoostPhase", "FinishPhase");

  /** The classes of a fit: the trainer, the phases, their results and what they share. */
  private static final List<String> FIT = List.of("EbmTrainer", "ScanPhase", "ScannedInput", "LabelCheck",
      "ShardPhase", "BinnedShards", "ExactBoostPhase", "ShardedBoostPhase", "SyncedStage", "BoostedTerms",
      "FinishPhase", "FittedEbm", "FitPlan", "EbmInput", "EbmTrainingSummary", "LibraryVersion");

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.sparkxai.ebm");

  /** The top-level class a class is nested in (itself when it is top-level). */
  private static String topLevel(JavaClass c) {
    JavaClass t = c;
    while (t.getEnclosingClass().isPresent()) {
      t = t.getEnclosingClass().get();
    }
    return t.getSimpleName();
  }

  private static boolean inSparkLayer(JavaClass c) {
    return c.getPackageName().equals("io.sparkxai.ebm");
  }

  @Test
  void everyClassOfTheFitExists() {
    for (String name : FIT) {
      assertTrue(CLASSES.contain("io.sparkxai.ebm." + name), name + " is missing: the rules would pass vacuously");
    }
  }

  /** What the classes of the phases (nested ones included) do that {@code wrong} says they must not. */
  private static Set<String> violations(Function<JavaClass, Set<String>> wrong) {
    Set<String> out = new TreeSet<>();
    for (JavaClass c : CLASSES) {
      if (inSparkLayer(c) && PHASES.contains(topLevel(c))) {
        out.addAll(wrong.apply(c));
      }
    }
    return out;
  }

  @Test
  void phasesAreCalledByTheTrainerOnly() {
    Set<String> wrong = violations(c -> c.getAccessesToSelf().stream()
        .filter(a -> !Set.of("EbmTrainer", topLevel(c)).contains(topLevel(a.getOriginOwner())))
        .map(JavaAccess::getDescription).collect(Collectors.toSet()));
    assertEquals(Set.of(), wrong, "only EbmTrainer runs the phases");
  }

  @Test
  void noPhaseKnowsAnotherPhaseOrTheTrainer() {
    Set<String> wrong = violations(c -> c.getDirectDependenciesFromSelf().stream()
        .filter(d -> inSparkLayer(d.getTargetClass()) && !topLevel(d.getTargetClass()).equals(topLevel(c)))
        .filter(d -> PHASES.contains(topLevel(d.getTargetClass())) || topLevel(d.getTargetClass()).equals("EbmTrainer"))
        .map(Dependency::getDescription).collect(Collectors.toSet()));
    assertEquals(Set.of(), wrong, "a phase takes the previous phase's result, not the phase");
  }

  @Test
  void theClassesOfTheFitHaveNoCycles() {
    slices().assignedFrom(new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass c) {
        return inSparkLayer(c) && FIT.contains(topLevel(c)) ? SliceIdentifier.of(topLevel(c))
            : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "the classes of a fit";
      }
    }).should().beFreeOfCycles().check(CLASSES);
  }
}
