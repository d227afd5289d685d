package io.zsync.sandbox.admin;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.accounts.AccountsConfig;
import io.zsync.sandbox.creator.CreatorConfig;
import io.zsync.sandbox.desk.DeskConfig;
import io.zsync.sandbox.projects.ProjectsConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defaults whose text contains ':' (a URL, a time pattern) or pairs must survive Micronaut's
 * ${ENV:default} resolution, which reads further colons as fallbacks.
 */
@MicronautTest
class ConfigDefaultsTest {

    @Inject
    AccountsConfig accounts;

    @Inject
    CreatorConfig creator;

    @Inject
    DeskConfig desk;

    @Inject
    ProjectsConfig projects;

    @Test
    void shouldResolveDefaultsContainingColonsAndPairs() {
        assertThat(accounts.redirectUri()).isEqualTo("http://localhost:8080/oauth/callback");
        assertThat(creator.dateTimeFormat()).isEqualTo("dd-MMM-yyyy HH:mm:ss");
        assertThat(desk.statusTypeMap()).containsExactly(Map.entry("Open", "Open"), Map.entry("On Hold", "On Hold"),
                Map.entry("Escalated", "Open"), Map.entry("Closed", "Closed"));
        assertThat(projects.customFieldLabels()).containsEntry("UDF_CHAR1", "Desk Ticket ID").hasSize(3);
    }
}
