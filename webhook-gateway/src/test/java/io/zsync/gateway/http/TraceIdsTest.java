package io.zsync.gateway.http;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TraceIdsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void shouldTakeTheTraceIdOfAValidTraceparent() {
        assertThat(TraceIds.of("00-" + TRACE + "-00f067aa0ba902b7-01", "ignored")).isEqualTo(TRACE);
    }

    @Test
    void shouldFallBackToThePlainHeaderWhenTheTraceparentIsInvalidOrAllZero() {
        assertThat(TraceIds.of("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01", "order-17")).isEqualTo("order-17");
        assertThat(TraceIds.of("not a traceparent", " order-17 ")).isEqualTo("order-17");
    }

    @Test
    void shouldMakeANewIdWhenNeitherHeaderIsUsable() {
        String id = TraceIds.of(null, "has spaces and ; semicolons");

        assertThat(id).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    @Test
    void shouldMakeDistinctIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TraceIds.newId());
        }
        assertThat(ids).hasSize(10_000).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }
}
