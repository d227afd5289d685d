package io.zsync.testing;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureRulesTest {

    @Test
    void shouldFlagDomainClassThatUsesKafka() {
        var classes = new ClassFileImporter().importPackages("io.zsync.testing.fixture.domain");
        var result = ArchitectureRules.DOMAIN_IS_PURE.evaluate(classes);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("LeakyDecision")
                && line.contains("org.apache.kafka.clients.producer.ProducerRecord"));
    }

    @Test
    void shouldAcceptPureDomainClass() {
        var classes = new ClassFileImporter().importPackages("io.zsync.testing.fixture.cleandomain");
        assertThat(ArchitectureRules.DOMAIN_IS_PURE.evaluate(classes).hasViolation()).isFalse();
    }
}
