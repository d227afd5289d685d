package io.zsync.sandbox.accounts;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.sandbox.support.Reply;
import io.zsync.sandbox.support.SandboxTestBase;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A multi-org local stack registers one OAuth client per org through configuration. */
@MicronautTest
@Property(name = "sandbox.accounts.extra-clients", value = ExtraClientsTest.SECOND_ORG)
class ExtraClientsTest extends SandboxTestBase {

    // clientId|secret|refreshToken of a second org's client, as SANDBOX_EXTRA_CLIENTS would carry it.
    static final String SECOND_ORG = "1000.SECONDORGCLIENT|second-secret|1000.11111111111111111111111111111111.22222222222222222222222222222222";

    @Test
    void shouldMintTokensForAConfiguredExtraClientAndKeepItsRefreshTokenToItself() {
        Reply own = sandbox.postForm("/oauth/v2/token", Map.of("grant_type", "refresh_token", "client_id", "1000.SECONDORGCLIENT",
                "client_secret", "second-secret", "refresh_token", "1000.11111111111111111111111111111111.22222222222222222222222222222222"));
        Reply foreign = sandbox.postForm("/oauth/v2/token", Map.of("grant_type", "refresh_token", "client_id", "1000.SECONDORGCLIENT",
                "client_secret", "second-secret", "refresh_token", OAuthTokenEndpointTest.REFRESH_TOKEN));

        assertThat(own.map()).containsKey("access_token");
        assertThat(foreign.map()).isEqualTo(Map.of("error", "invalid_code"));
    }
}
