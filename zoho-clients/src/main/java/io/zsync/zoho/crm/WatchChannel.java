package io.zsync.zoho.crm;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CRM notification channel to subscribe (zoho-api.md §4.2). The {@code token} (at most 50 characters) is the
 * only proof of origin Zoho echoes in callbacks; {@code channelExpiry} may be at most a week ahead (Zoho falls
 * back to one hour otherwise) and is sent without milliseconds, which the API rejects.
 *
 * @param channelId                 your channel id (echoed in callbacks)
 * @param events                    {@code Module.create|edit|delete|all}
 * @param notifyUrl                 callback URL
 * @param token                     verification token
 * @param channelExpiry             expiry, at most 7 days ahead
 * @param returnAffectedFieldValues include changed values in callbacks
 */
public record WatchChannel(String channelId, List<String> events, String notifyUrl, @Nullable String token,
                           @Nullable OffsetDateTime channelExpiry, boolean returnAffectedFieldValues) {

    public WatchChannel {
        if (token != null && token.length() > 50) {
            throw new IllegalArgumentException("CRM channel token must be at most 50 characters");
        }
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("a channel needs at least one event");
        }
        events = List.copyOf(events);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel_id", channelId);
        m.put("events", events);
        m.put("notify_url", notifyUrl);
        if (token != null) {
            m.put("token", token);
        }
        if (channelExpiry != null) {
            m.put("channel_expiry", formatExpiry(channelExpiry));
        }
        m.put("return_affected_field_values", returnAffectedFieldValues);
        return m;
    }

    static String formatExpiry(OffsetDateTime t) {
        return t.withNano(0).format(CrmRecord.DATE_TIME);
    }
}
