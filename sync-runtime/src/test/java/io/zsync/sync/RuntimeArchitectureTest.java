package io.zsync.sync;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.zsync.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.zsync.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class RuntimeArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.DOMAIN_IS_PURE;

    /** Flows see the runtime's API, never Kafka: the engine owns every Kafka interaction. */
    @ArchTest
    static final ArchRule apiHasNoKafka = noClasses().that().resideInAPackage("io.zsync.sync.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.micronaut.configuration.kafka..");
}
