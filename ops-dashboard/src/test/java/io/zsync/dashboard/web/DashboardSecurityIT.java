package io.zsync.dashboard.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.testing.RealKafka;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static io.zsync.dashboard.web.ItSupport.OPERATOR;
import static io.zsync.dashboard.web.ItSupport.OPERATOR_PASSWORD;
import static io.zsync.dashboard.web.ItSupport.VIEWER;
import static io.zsync.dashboard.web.ItSupport.VIEWER_PASSWORD;
import static io.zsync.dashboard.web.ItSupport.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may see and do what: the page, the JSON API, redrive and the management endpoints. */
@RealKafka
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardSecurityIT implements TestPropertyProvider {

    private static final String OPERATOR_AUTH = basic(OPERATOR, OPERATOR_PASSWORD);
    private static final String VIEWER_AUTH = basic(VIEWER, VIEWER_PASSWORD);
    private static final String SOME_DEAD_LETTER = DeadLetterEntry.encodeId("crm-contact-to-books-customer|e-none");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return ItSupport.properties("security-it-" + UUID.randomUUID());
    }

    private String url(String path) {
        return server.getURL() + path;
    }

    private HttpResponse<String> get(String path, String auth) {
        return ItSupport.get(url(path), auth);
    }

    @Test
    void shouldRefuseTheJsonApiWithoutALogin() {
        assertThat(get("/api/overview", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/dead-letters", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/lineage/x", null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAWrongPassword() {
        assertThat(get("/api/me", basic(OPERATOR, "not-the-password")).statusCode()).isEqualTo(401);
        assertThat(get("/api/me", basic("mallory", OPERATOR_PASSWORD)).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldSendABrowserWithoutALoginToTheLoginForm() {
        HttpResponse<String> page = ItSupport.send(HttpRequest.newBuilder(URI.create(url("/")))
                .header("Accept", "text/html").GET().build());

        assertThat(page.statusCode()).isBetween(301, 303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.html"));
    }

    @Test
    void shouldServeTheLoginFormToAnyone() {
        HttpResponse<String> login = ItSupport.send(HttpRequest.newBuilder(URI.create(url("/login.html"))).GET().build());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("action=\"/login\"");
    }

    @Test
    void shouldLetAViewerReadButNotRedrive() {
        assertThat(get("/api/me", VIEWER_AUTH).body()).contains("\"name\":\"victor\"").contains("VIEWER");
        assertThat(get("/api/dead-letters", VIEWER_AUTH).statusCode()).isIn(200, 503);

        HttpResponse<String> redrive = ItSupport.postJson(url("/api/dead-letters/" + SOME_DEAD_LETTER + "/redrive"),
                VIEWER_AUTH, "{}");

        assertThat(redrive.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldLetAnOperatorAskForARedrive() {
        HttpResponse<String> redrive = ItSupport.postJson(url("/api/dead-letters/" + SOME_DEAD_LETTER + "/redrive"),
                OPERATOR_AUTH, "{}");

        // Authorised: the answer is about the dead letter (none with this id), not about the caller.
        assertThat(redrive.statusCode()).isIn(404, 503);
    }

    @Test
    void shouldRefuseARedriveSentAsAFormAsCrossSiteFormsWould() {
        HttpResponse<String> redrive = ItSupport.send(HttpRequest.newBuilder(
                        URI.create(url("/api/dead-letters/" + SOME_DEAD_LETTER + "/redrive")))
                .header("Authorization", OPERATOR_AUTH).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("force=true")).build());

        assertThat(redrive.statusCode()).isEqualTo(415);
    }

    @Test
    void shouldLogInWithTheFormAndUseTheSessionCookie() {
        HttpResponse<String> login = ItSupport.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + OPERATOR + "&password=" + OPERATOR_PASSWORD))
                .build());

        assertThat(login.statusCode()).isBetween(301, 303);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        HttpResponse<String> me = ItSupport.send(HttpRequest.newBuilder(URI.create(url("/api/me")))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).GET().build());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("OPERATOR");
    }

    @Test
    void shouldSendAFailedFormLoginBackToTheFormWithAnError() {
        HttpResponse<String> login = ItSupport.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + OPERATOR + "&password=wrong")).build());

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login.html?error"));
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JWT=") && !c.startsWith("JWT=;"));
    }

    @Test
    void shouldShowHealthToAnyoneButItsReasonsOnlyAfterLogin() {
        HttpResponse<String> anonymous = get("/health", null);
        HttpResponse<String> viewer = get("/health", VIEWER_AUTH);

        assertThat(anonymous.statusCode()).isIn(200, 503);
        assertThat(anonymous.body()).contains("\"status\"").doesNotContain("syncFlows");
        assertThat(viewer.body()).contains("syncFlows");
    }

    @Test
    void shouldKeepMetricsAndTheApiDocumentBehindTheLogin() {
        HttpResponse<String> metrics = ItSupport.send(HttpRequest.newBuilder(URI.create(url("/prometheus"))).GET().build());
        HttpResponse<String> metricsViewer = ItSupport.send(HttpRequest.newBuilder(URI.create(url("/prometheus")))
                .header("Authorization", VIEWER_AUTH).GET().build());
        String openApi = "/swagger/zsync-ops-dashboard-0.1.yml";

        assertThat(metrics.statusCode()).isEqualTo(401);
        assertThat(metricsViewer.statusCode()).isEqualTo(200);
        assertThat(metricsViewer.body()).contains("zsync_dashboard_health");
        assertThat(get(openApi, null).statusCode()).isEqualTo(401);
        HttpResponse<String> doc = ItSupport.send(HttpRequest.newBuilder(URI.create(url(openApi)))
                .header("Authorization", VIEWER_AUTH).GET().build());
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/dead-letters/{id}/redrive").contains("/api/lineage/{recordId}");
    }

    @Test
    void shouldNotServeEndpointsThatRevealConfiguration() {
        for (String path : new String[]{"/env", "/beans", "/loggers", "/routes", "/info"}) {
            assertThat(get(path, null).statusCode()).as("anonymous " + path).isEqualTo(401);
            assertThat(get(path, OPERATOR_AUTH).statusCode()).as("operator " + path).isEqualTo(404);
        }
    }
}
