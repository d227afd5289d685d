package io.zsync.zoho.auth;

import io.micronaut.json.JsonMapper;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.budget.ZohoMetrics;
import io.zsync.zoho.config.DataCentre;
import io.zsync.zoho.config.ZohoClientProperties;
import io.zsync.zoho.config.ZohoOrg;
import io.zsync.zoho.config.ZohoOrgProperties;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoAuthException;
import io.zsync.zoho.support.DocExamples;
import io.zsync.zoho.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ZohoTokenManagerTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ScriptedEndpoint endpoint = new ScriptedEndpoint();
    private final ZohoOrgRegistry orgs = new ZohoOrgRegistry(
            List.of(ZohoOrgProperties.of("acme", DataCentre.EU, "1000.CLIENT", "secret", "1000.refresh")), List.of());
    private final ZohoTokenManager tokens = new ZohoTokenManager(orgs, endpoint, ZohoClientProperties.defaults(),
            new ZohoMetrics(new SimpleMeterRegistry()), clock);
    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void shouldRefreshExactlyOnceFor100ParallelCallersOnAnExpiredToken() throws Exception {
        endpoint.answerWith(DocExamples.TOKEN_OK);
        tokens.tokenBlocking("acme");
        clock.advance(Duration.ofMinutes(59)); // inside the 2-minute margin: expired for our purposes
        endpoint.holdAnswers();

        CountDownLatch start = new CountDownLatch(1);
        List<Future<AccessToken>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return tokens.tokenBlocking("acme");
            }));
        }
        start.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.calls.get() == 2);
        endpoint.release();

        for (Future<AccessToken> f : calls) {
            assertThat(f.get(5, TimeUnit.SECONDS).value()).isEqualTo("1000.8cb99dxxxx.9b8xxxx");
        }
        assertThat(endpoint.calls.get()).isEqualTo(2); // the first mint and exactly one refresh
        assertThat(tokens.grantsSent("acme")).isEqualTo(2);
    }

    @Test
    void shouldReuseTheCachedTokenUntilTheRefreshMargin() {
        endpoint.answerWith(DocExamples.TOKEN_OK);
        tokens.tokenBlocking("acme");
        clock.advance(Duration.ofMinutes(57)); // 3 minutes left, margin is 2
        tokens.tokenBlocking("acme");
        assertThat(endpoint.calls.get()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2)); // 1 minute left
        tokens.tokenBlocking("acme");
        assertThat(endpoint.calls.get()).isEqualTo(2);
    }

    @Test
    void shouldDetectAnErrorSentWithHttp200() {
        endpoint.answerWith(DocExamples.TOKEN_INVALID_CODE);

        assertThatThrownBy(() -> tokens.tokenBlocking("acme"))
                .isInstanceOfSatisfying(ZohoAuthException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_code");
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.product()).isEqualTo(ZohoProduct.ACCOUNTS);
                    assertThat(e.getMessage()).doesNotContain("1000.refresh", "secret");
                });
    }

    @Test
    void shouldReportInvalidClientAsAConfigurationError() {
        endpoint.answerWith(DocExamples.TOKEN_INVALID_CLIENT);

        assertThatThrownBy(() -> tokens.tokenBlocking("acme"))
                .isInstanceOfSatisfying(ZohoApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_client");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void shouldBackOffAfterAccessDeniedWithoutCallingAgainDuringTheCooldown() {
        endpoint.answerWith(DocExamples.TOKEN_ACCESS_DENIED);

        assertThatThrownBy(() -> tokens.tokenBlocking("acme"))
                .isInstanceOfSatisfying(ZohoAuthException.class, e -> {
                    assertThat(e.code()).isEqualTo("ACCESS_DENIED");
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                });
        // During the cooldown no grant is sent: each one would extend Zoho's block.
        assertThatThrownBy(() -> tokens.tokenBlocking("acme"))
                .isInstanceOfSatisfying(ZohoAuthException.class,
                        e -> assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive()));
        assertThat(endpoint.calls.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> tokens.tokenBlocking("acme"))
                .isInstanceOfSatisfying(ZohoAuthException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(60))); // doubled
        assertThat(endpoint.calls.get()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(61));
        endpoint.answerWith(DocExamples.TOKEN_OK);
        assertThat(tokens.tokenBlocking("acme").value()).isEqualTo("1000.8cb99dxxxx.9b8xxxx");
    }

    @Test
    void shouldTreatAccessDeniedWithHttp400AsTheSameThrottle() {
        endpoint.answerWith(400, DocExamples.TOKEN_ACCESS_DENIED);

        assertThatThrownBy(() -> tokens.tokenBlocking("acme"))
                .isInstanceOfSatisfying(ZohoAuthException.class, e -> {
                    assertThat(e.code()).isEqualTo("ACCESS_DENIED");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void shouldPreferExpiresInSecOverMillisecondExpiresIn() {
        endpoint.answerWith(DocExamples.TOKEN_LEGACY);

        AccessToken t = tokens.tokenBlocking("acme");

        assertThat(t.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
    }

    @Test
    void shouldKeepTheApiDomainOfTheToken() {
        endpoint.answerWith("{\"access_token\":\"1000.x.y\",\"api_domain\":\"https://www.zohoapis.eu\",\"expires_in\":3600}");

        tokens.tokenBlocking("acme");

        assertThat(tokens.apiDomain("acme")).isEqualTo("https://www.zohoapis.eu");
    }

    @Test
    void shouldDropOnlyTheRejectedTokenOnInvalidate() {
        endpoint.answerWith(DocExamples.TOKEN_OK);
        AccessToken first = tokens.tokenBlocking("acme");

        tokens.invalidate("acme", "some-older-token");
        tokens.tokenBlocking("acme");
        assertThat(endpoint.calls.get()).isEqualTo(1);

        tokens.invalidate("acme", first.value());
        tokens.tokenBlocking("acme");
        assertThat(endpoint.calls.get()).isEqualTo(2);
    }

    @Test
    void shouldReportATransportFailureAsRetryable() {
        endpoint.failWith(new IOException("connection refused"));

        assertThatThrownBy(() -> tokens.tokenBlocking("acme"))
                .isInstanceOfSatisfying(ZohoApiException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("CONNECTION_ERROR");
                });
    }

    @Test
    void shouldNeverPrintTheToken() {
        endpoint.answerWith(DocExamples.TOKEN_OK);

        AccessToken t = tokens.tokenBlocking("acme");

        assertThat(t.toString()).doesNotContain(t.value());
    }

    /** Token endpoint double: answers from a script, optionally holding answers until released. */
    static final class ScriptedEndpoint implements TokenEndpoint {
        final AtomicInteger calls = new AtomicInteger();
        private volatile TokenAnswer answer;
        private volatile Throwable failure;
        private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
        private final ConcurrentLinkedQueue<String> orgsSeen = new ConcurrentLinkedQueue<>();

        void answerWith(String body) {
            answerWith(200, body);
        }

        void answerWith(int status, String body) {
            try {
                answer = new TokenAnswer(status, JSON.readValue(body, TokenResponse.class));
                failure = null;
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }

        void failWith(Throwable t) {
            failure = t;
        }

        void holdAnswers() {
            gate = new CompletableFuture<>();
        }

        void release() {
            gate.complete(null);
        }

        @Override
        public CompletableFuture<TokenAnswer> refresh(ZohoOrg org) {
            calls.incrementAndGet();
            orgsSeen.add(org.name());
            TokenAnswer a = answer;
            Throwable f = failure;
            return gate.thenApplyAsync(v -> {
                if (f != null) {
                    throw new java.util.concurrent.CompletionException(f);
                }
                return a;
            });
        }
    }
}
