package io.zsync.deskprojects;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.zsync.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.zsync.deskprojects", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.DOMAIN_IS_PURE;

    /** Flows reach Kafka only through the runtime: the listeners are the one place that names a consumer. */
    @ArchTest
    static final ArchRule flowsUseNoKafkaProducer = noClasses().that().resideInAPackage("io.zsync.deskprojects..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.clients.producer..");
}
