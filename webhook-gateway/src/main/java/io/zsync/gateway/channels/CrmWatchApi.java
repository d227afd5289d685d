package io.zsync.gateway.channels;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The Zoho CRM notification-channel API the keeper needs. */
public interface CrmWatchApi {

    /** The channel's current expiry, or empty when Zoho does not know the channel. */
    Optional<Instant> expiry(String org, String channelId);

    void subscribe(String org, String channelId, List<String> events, String notifyUrl, String token, Instant expiry);

    void renew(String org, String channelId, List<String> events, Instant expiry);
}
