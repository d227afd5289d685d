package io.zsync.gateway.channels;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.zsync.gateway.config.CrmOrgProperties;
import io.zsync.gateway.config.Orgs;
import io.zsync.gateway.domain.ChannelRenewal;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.error.ZohoApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Keeps each org's Zoho CRM notification channel subscribed: channels stop silently at expiry, so on every
 * check the keeper asks Zoho for the channel's expiry and subscribes or renews it once it is within
 * {@code renew-before} of expiring (the decision is {@link ChannelRenewal}). Each org's state is kept for
 * the health endpoint and as metrics. Orgs without a {@code notify-url} are not managed.
 */
@Singleton
@Requires(property = "zsync.gateway.channels.enabled", notEquals = "false")
public class ChannelKeeper {

    public static final String RENEWALS = "zsync.gateway.channel.renewals";
    public static final String EXPIRY = "zsync.gateway.channel.expiry.seconds";
    private static final Logger LOG = LoggerFactory.getLogger(ChannelKeeper.class);

    /** An org's channel as last seen. */
    public record State(String channelId, Instant expiry, Instant lastRenewal, Instant lastCheck, String lastError) {
        public boolean healthy(Instant now) {
            return expiry != null && expiry.isAfter(now);
        }
    }

    private final Orgs orgs;
    private final CrmWatchApi watch;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private final Predicate<String> reachable;

    public ChannelKeeper(Orgs orgs, CrmWatchApi watch, MeterRegistry meters, Clock clock, ZohoOrgRegistry zohoOrgs) {
        this(orgs, watch, meters, clock, zohoOrgs::isZohoOrg);
    }

    ChannelKeeper(Orgs orgs, CrmWatchApi watch, MeterRegistry meters, Clock clock, Predicate<String> reachable) {
        this.reachable = reachable;
        this.orgs = orgs;
        this.watch = watch;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${zsync.gateway.channels.check-interval:1h}",
            initialDelay = "${zsync.gateway.channels.initial-delay:10s}")
    public void checkAll() {
        for (CrmOrgProperties org : orgs.crmOrgs()) {
            if (managed(org) && reachable.test(org.name())) {
                check(org);
            }
        }
    }

    /** The managed orgs' channel states, by org. */
    public Map<String, State> states() {
        return Map.copyOf(states);
    }

    static boolean managed(CrmOrgProperties org) {
        return org.notifyUrl() != null && !org.notifyUrl().isBlank() && org.channelId() != null && org.channelToken() != null;
    }

    void check(CrmOrgProperties org) {
        Instant now = clock.instant();
        State previous = states.get(org.name());
        Instant lastRenewal = previous == null ? null : previous.lastRenewal();
        try {
            Instant expiry = watch.expiry(org.name(), org.channelId()).orElse(null);
            ChannelRenewal.Decision decision = ChannelRenewal.decide(expiry, now, org.renewBefore(), org.channelLifetime());
            List<String> events = org.modules().stream().map(m -> m + ".all").toList();
            switch (decision.action()) {
                case SUBSCRIBE -> watch.subscribe(org.name(), org.channelId(), events, org.notifyUrl(), org.channelToken(), decision.newExpiry());
                case RENEW -> watch.renew(org.name(), org.channelId(), events, decision.newExpiry());
                case NOTHING -> { }
            }
            if (decision.action() != ChannelRenewal.Action.NOTHING) {
                expiry = decision.newExpiry();
                lastRenewal = now;
                meters.counter(RENEWALS, "org", org.name(), "action", decision.action().name().toLowerCase(), "outcome", "ok").increment();
                LOG.info("CRM channel {} of org {} {}d until {}", org.channelId(), org.name(),
                        decision.action().name().toLowerCase(), expiry);
            }
            record(org, new State(org.channelId(), expiry, lastRenewal, now, null));
        } catch (ZohoApiException | IllegalStateException e) {
            meters.counter(RENEWALS, "org", org.name(), "action", "check", "outcome", "failed").increment();
            LOG.warn("CRM channel {} of org {} could not be checked or renewed: {}", org.channelId(), org.name(), e.getMessage());
            record(org, new State(org.channelId(), previous == null ? null : previous.expiry(), lastRenewal, now, e.getMessage()));
        }
    }

    private void record(CrmOrgProperties org, State state) {
        if (states.put(org.name(), state) == null) {
            Gauge.builder(EXPIRY, states, s -> secondsLeft(s.get(org.name())))
                    .description("seconds until the org's CRM notification channel expires (negative: expired or unknown)")
                    .tag("org", org.name()).register(meters);
        }
    }

    private double secondsLeft(State state) {
        if (state == null || state.expiry() == null) {
            return -1;
        }
        return Duration.between(clock.instant(), state.expiry()).toSeconds();
    }
}
