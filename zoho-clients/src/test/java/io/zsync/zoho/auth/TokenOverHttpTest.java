package io.zsync.zoho.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.CrmRecord;
import io.zsync.zoho.error.ZohoAuthException;
import io.zsync.zoho.support.DocExamples;
import io.zsync.zoho.support.FakeZohoTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The OAuth rules of zoho-api.md §2 end to end: real HTTP to a fake accounts server, through the CRM client. */
@MicronautTest
class TokenOverHttpTest extends FakeZohoTest {
    @Inject
    CrmClient crm;
    @Inject
    ZohoTokenManager tokens;

    @Override
    protected Map<String, String> extraProperties() {
        // 100 callers must not be refused by the CRM concurrency budget while they wait for the token.
        return Map.of("zsync.zoho.orgs." + ORG + ".crm-concurrency", "200", "zsync.zoho.budget-max-wait", "PT20S");
    }

    @Test
    void shouldSendExactlyOneGrantFor100ParallelCallsOnAnExpiredToken() throws Exception {
        zoho().on("GET", "/crm/v8/Contacts/1", 200, DocExamples.CRM_RECORD);
        zoho().expiresIn(60); // inside the 2-minute margin: every token is already due for refresh
        crm.get(ORG, "Contacts", "1");
        zoho().expiresIn(3600);
        int before = zoho().grants();
        zoho().closeTokenGate();

        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<CompletableFuture<Optional<CrmRecord>>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> crm.get(ORG, "Contacts", "1"), pool));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> zoho().grants() == before + 1);
            zoho().openTokenGate();
            for (CompletableFuture<Optional<CrmRecord>> c : calls) {
                assertThat(c.get(20, TimeUnit.SECONDS)).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(zoho().grants()).isEqualTo(before + 1);
    }

    @Test
    void shouldRaiseTheErrorThatAccountsSendsWithHttp200() {
        tokens.invalidate(ORG, tokens.tokenBlocking(ORG).value());
        zoho().on("POST", "/oauth/v2/token", 200, DocExamples.TOKEN_INVALID_CODE);

        assertThatThrownBy(() -> crm.get(ORG, "Contacts", "1"))
                .isInstanceOfSatisfying(ZohoAuthException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_code");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("1000.refresh.token", "client-secret-value");
                });
        assertThat(zoho().requests("GET", "/crm/v8")).isEmpty(); // no token, no API call
    }
}
