package io.zsync.gateway;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.zsync.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.zsync.gateway")
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.DOMAIN_IS_PURE;

    @ArchTest
    static final ArchRule domainDoesNoIo = noClasses().that().resideInAPackage("..gateway.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "com.nimbusds..", "java.net.http..")
            .because("normalizers, signature checks and watermark rules are plain functions");
}
