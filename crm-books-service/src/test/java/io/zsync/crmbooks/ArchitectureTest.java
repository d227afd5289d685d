package io.zsync.crmbooks;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.zsync.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.zsync.crmbooks", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.DOMAIN_IS_PURE;

    /** Decisions do not reach into the runtime's engine or ledger either: they get what they need as values. */
    @ArchTest
    static final ArchRule domainUsesNoEngine = noClasses().that().resideInAPackage("..crmbooks.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.zsync.sync.engine..", "io.zsync.sync.ledger..",
                    "io.micronaut..", "jakarta.inject..");
}
