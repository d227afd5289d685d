package io.zsync.gateway.http;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The body of a 200: every listed event is on its topic.
 *
 * @param accepted number of events published
 * @param eventIds their deterministic ids, in the order of the webhook's records
 * @param traceId  the request's trace id
 */
@Serdeable
public record AcceptedBody(int accepted, List<String> eventIds, String traceId) {
}
