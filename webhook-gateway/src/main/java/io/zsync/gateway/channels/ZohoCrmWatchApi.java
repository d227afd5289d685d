package io.zsync.gateway.channels;

import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.WatchChannel;
import io.zsync.zoho.crm.WatchResult;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link CrmWatchApi} on zoho-clients' {@link CrmClient} ({@code /actions/watch}). */
@Singleton
public class ZohoCrmWatchApi implements CrmWatchApi {

    private final CrmClient crm;

    public ZohoCrmWatchApi(CrmClient crm) {
        this.crm = crm;
    }

    @Override
    public Optional<Instant> expiry(String org, String channelId) {
        return crm.listChannels(org).stream()
                .filter(c -> channelId.equals(String.valueOf(c.get("channel_id"))))
                .map(c -> c.get("channel_expiry"))
                .filter(Objects::nonNull)
                .map(ZohoCrmWatchApi::parse)
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    @Override
    public void subscribe(String org, String channelId, List<String> events, String notifyUrl, String token, Instant expiry) {
        check(crm.subscribe(org, List.of(new WatchChannel(channelId, events, notifyUrl, token,
                OffsetDateTime.ofInstant(expiry, ZoneOffset.UTC), true))));
    }

    @Override
    public void renew(String org, String channelId, List<String> events, Instant expiry) {
        check(crm.renew(org, channelId, events, OffsetDateTime.ofInstant(expiry, ZoneOffset.UTC)));
    }

    private static void check(Collection<WatchResult> results) {
        for (WatchResult result : results) {
            if (!result.success()) {
                throw result.error() != null ? result.error()
                        : new IllegalStateException("Zoho refused the channel: " + result.code() + " " + result.message());
            }
        }
    }

    private static Optional<Instant> parse(Object value) {
        try {
            return Optional.of(OffsetDateTime.parse(value.toString()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

}
