package io.zsync.gateway.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One inbound HTTP delivery as the normalizers see it: the raw body exactly as received (signatures are
 * computed over these bytes), its declared content type, the org or tenant named in the path, and the
 * trace id and time of receipt the gateway assigned.
 *
 * @param orgId       the org/tenant/portal id from the path ({@code null} where the source names it only
 *                    in the payload, as HubSpot does)
 * @param body        the raw request body
 * @param contentType the {@code Content-Type} header value, or null
 * @param traceId     the trace id carried by every event of the delivery
 * @param receivedAt  when the gateway received the request
 */
public record Delivery(String orgId, byte[] body, String contentType, String traceId, Instant receivedAt) {

    public Delivery {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
