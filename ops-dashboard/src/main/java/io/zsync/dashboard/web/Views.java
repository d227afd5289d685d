package io.zsync.dashboard.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** The JSON shapes of the dashboard API (times are ISO-8601 instants or epoch millis where named {@code ...Ms}). */
public final class Views {

    private Views() {
    }

    /**
     * @param status level (UP, UNKNOWN, WARN, DOWN)
     * @param reason why
     */
    @Serdeable
    public record HealthJson(String status, String reason) {
    }

    /** One flow over the requested window. */
    @Serdeable
    public record FlowJson(String flowId, HealthJson health, long total, long succeeded, long skipped, long failed,
                           long deadLettered, double failureRate, long retries, int maxAttempts, long apiCalls,
                           double apiCallsPerEvent, Long latencyP50Ms, Long latencyP95Ms, Long latencyP99Ms,
                           Long latencyMeanMs, List<MinuteJson> series) {
    }

    /** One minute of a flow's chart. */
    @Serdeable
    public record MinuteJson(long minuteStartMs, long succeeded, long skipped, long failed, long deadLettered,
                             Long latencyP95Ms) {
    }

    /** One partition of a group's input. */
    @Serdeable
    public record PartitionJson(String topic, int partition, long committed, long end, long lag) {
    }

    /** One consumer group. */
    @Serdeable
    public record GroupJson(String groupId, HealthJson health, boolean found, Long lag, Long oldestUnprocessedAgeMs,
                            List<PartitionJson> partitions) {
    }

    /** Open dead letters per flow and error code. */
    @Serdeable
    public record DeadLetterCountJson(String flowId, String errorCode, long open, long resolved, String lastAt) {
    }

    /** What the page polls. */
    @Serdeable
    public record OverviewJson(String generatedAt, int windowMinutes, HealthJson health, String healthEvaluatedAt,
                               List<FlowJson> flows, List<GroupJson> groups, long openDeadLetters,
                               List<DeadLetterCountJson> deadLetters) {
    }

    /** The change event inside a dead letter, as it would be redriven. */
    @Serdeable
    public record ChangeEventJson(String eventId, String source, String orgId, String entityType, String recordId,
                                  String operation, List<String> changedFields, Map<String, String> changedValues,
                                  Map<String, String> previousValues, String recordVersion, String origin,
                                  String occurredAt, String receivedAt, String traceId,
                                  Map<String, String> attributes) {
    }

    /** One dead letter. */
    @Serdeable
    public record DeadLetterJson(String id, String flowId, String eventId, String recordId, String errorCode,
                                 String errorMessage, String errorClass, boolean retryable, int attempts,
                                 String failedStep, String firstFailedAt, String deadLetteredAt, int redriveCount,
                                 String sourceTopic, int sourcePartition, long sourceOffset, String consumerGroup,
                                 String traceId, String state, String resolvedAt, String resolvedStatus,
                                 boolean redrivable, String notRedrivableReason, ChangeEventJson original,
                                 String rawValueBase64) {
    }

    /**
     * @param force redrive even if a later completion resolved it
     */
    @Serdeable
    public record RedriveRequest(Boolean force) {
    }

    /**
     * @param name  login name
     * @param roles roles
     */
    @Serdeable
    public record MeJson(String name, List<String> roles) {
    }

    /**
     * @param error what went wrong, in one sentence
     */
    @Serdeable
    public record ErrorJson(String error) {
    }
}
