package io.zsync.gateway.channels;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zsync.gateway.config.CrmOrgProperties;
import io.zsync.gateway.config.Orgs;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.error.ZohoUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelKeeperTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final Map<String, Instant> zoho = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private boolean zohoDown;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final CrmWatchApi watch = new CrmWatchApi() {
        @Override
        public Optional<Instant> expiry(String org, String channelId) {
            if (zohoDown) {
                throw new ZohoUnavailableException(ZohoProduct.CRM, org, 503, "INTERNAL_ERROR", "down", null, null, null);
            }
            return Optional.ofNullable(zoho.get(channelId));
        }

        @Override
        public void subscribe(String org, String channelId, List<String> events, String notifyUrl, String token, Instant expiry) {
            calls.add("subscribe " + channelId + " " + events + " " + notifyUrl);
            zoho.put(channelId, expiry);
        }

        @Override
        public void renew(String org, String channelId, List<String> events, Instant expiry) {
            calls.add("renew " + channelId);
            zoho.put(channelId, expiry);
        }
    };

    private static CrmOrgProperties org(String notifyUrl) {
        return new CrmOrgProperties("dev", "1000000068001", "token", List.of("Contacts", "Leads"), notifyUrl,
                Duration.ofDays(7), Duration.ofDays(1), null, "h", "p", "id", "operation", "Modified_Time", "edit", true);
    }

    private ChannelKeeper keeper(CrmOrgProperties org, Instant now) {
        return new ChannelKeeper(new Orgs(List.of(org), List.of(), List.of(), List.of()), watch, meters,
                Clock.fixed(now, ZoneOffset.UTC), name -> true);
    }

    @Test
    void shouldSubscribeAMissingChannelAndShowItsExpiry() {
        ChannelKeeper keeper = keeper(org("https://sync.example.com/webhooks/zoho/crm/dev/notifications"), NOW);

        keeper.checkAll();

        assertThat(calls).containsExactly("subscribe 1000000068001 [Contacts.all, Leads.all] https://sync.example.com/webhooks/zoho/crm/dev/notifications");
        ChannelKeeper.State state = keeper.states().get("dev");
        assertThat(state.lastRenewal()).isEqualTo(NOW);
        assertThat(state.expiry()).isAfter(NOW.plus(Duration.ofDays(6)));
        assertThat(meters.get(ChannelKeeper.EXPIRY).tag("org", "dev").gauge().value()).isGreaterThan(6 * 86400);
    }

    @Test
    void shouldRenewOnlyWhenTheChannelNearsExpiry() {
        zoho.put("1000000068001", NOW.plus(Duration.ofDays(3)));
        keeper(org("https://x/notify"), NOW).checkAll();
        assertThat(calls).isEmpty();

        keeper(org("https://x/notify"), NOW.plus(Duration.ofDays(2)).plusSeconds(1)).checkAll();
        assertThat(calls).containsExactly("renew 1000000068001");
    }

    @Test
    void shouldRecordAFailureAndKeepTheLastKnownExpiry() {
        ChannelKeeper keeper = keeper(org("https://x/notify"), NOW);
        keeper.checkAll();
        zohoDown = true;

        keeper.checkAll();

        ChannelKeeper.State state = keeper.states().get("dev");
        assertThat(state.lastError()).contains("down");
        assertThat(state.healthy(NOW)).as("still subscribed until it expires").isTrue();
        assertThat(meters.get(ChannelKeeper.RENEWALS).tag("outcome", "failed").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldLeaveOrgsWithoutANotifyUrlAlone() {
        keeper(org(null), NOW).checkAll();
        assertThat(calls).isEmpty();
    }
}
