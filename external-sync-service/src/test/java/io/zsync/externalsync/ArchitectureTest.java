package io.zsync.externalsync;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.zsync.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.zsync.externalsync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.DOMAIN_IS_PURE;

    /** The flows know the external CRM only through its port, so Salesforce can follow on the same port. */
    @ArchTest
    static final ArchRule flowsUseThePort = noClasses().that().resideInAPackage("io.zsync.externalsync.flow..")
            .should().dependOnClassesThat().resideInAnyPackage("io.zsync.zoho.hubspot..", "io.zsync.externalsync.hubspot..");

    /** The port speaks the domain's language, not a product's. */
    @ArchTest
    static final ArchRule portIsProductFree = noClasses().that().resideInAPackage("io.zsync.externalsync.port..")
            .should().dependOnClassesThat().resideInAnyPackage("io.zsync.zoho..", "io.micronaut..");
}
