package io.zsync.schemas;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The contracts and their serde stay framework-free, so any Kafka client can share them. */
@AnalyzeClasses(packages = {"io.zsync.contract", "io.zsync.schemas"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTest {

    @ArchTest
    static final ArchRule noFramework = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.micronaut..", "io.zsync.zoho..", "io.zsync.sync..");
}
