package io.zsync.testing;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules every module's architecture test applies. Flow decisions live in {@code ..domain..} packages as
 * pure code: no Kafka, no HTTP, no Micronaut, so they are unit-tested with plain values and cannot hide
 * I/O. A module uses them as {@code @ArchTest static final ArchRule pure = ArchitectureRules.DOMAIN_IS_PURE;}
 * in a class annotated {@code @AnalyzeClasses(packages = "io.zsync.<module>")}.
 */
public final class ArchitectureRules {

    /** Decision code imports no messaging, HTTP or framework classes. */
    public static final ArchRule DOMAIN_IS_PURE = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.kafka..",
                    "io.micronaut.configuration.kafka..",
                    "io.micronaut.http..",
                    "io.micronaut.context..",
                    "java.net.http..",
                    "io.zsync.zoho..")
            .because("flow decisions are pure functions of the source record and what is already known");

    private ArchitectureRules() {
    }
}
