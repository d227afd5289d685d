package io.zsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zsync.stack.SandboxDefaults;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM notification channel of the local stack is the gateway's to keep, as in production. A channel
 * subscribed without an expiry lives one hour at Zoho (and in the sandbox): when the stack subscribed it
 * itself, CRM's notifications stopped after an hour of {@code ./zsync up}, and only the gateway's 15-minute
 * reconciliation still carried CRM's changes (found by the long crash suite, 2026-11-28).
 */
class CrmChannelIT {

    @Test
    void shouldKeepTheCrmChannelSubscribedForDaysNotAnHour() throws Exception {
        FullStack stack = FullStack.get();

        String expiry = stack.sandbox().awaitCrmChannel(Duration.ofSeconds(30));
        assertThat(OffsetDateTime.parse(expiry).toInstant())
                .as("the channel's expiry as CRM lists it")
                .isAfter(Instant.now().plus(Duration.ofDays(6)));

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.stack().app("webhook-gateway").url() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode channels = new ObjectMapper().readTree(health.body()).path("details").path("crmChannels");
        assertThat(channels.path("status").asText()).as(health.body()).isEqualTo("UP");
        assertThat(channels.path("details").path(SandboxDefaults.ORG).path("channelId").asText())
                .isEqualTo(SandboxDefaults.CRM_CHANNEL_ID);
    }
}
