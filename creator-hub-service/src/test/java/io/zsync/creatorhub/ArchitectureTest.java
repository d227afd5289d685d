package io.zsync.creatorhub;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.zsync.testing.ArchitectureRules;

/** The saga's decisions stay pure: no Kafka, HTTP, Micronaut or Zoho client in {@code ..domain..}. */
@AnalyzeClasses(packages = "io.zsync.creatorhub")
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.DOMAIN_IS_PURE;
}
