package io.zsync.gateway.reconcile;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.Watermark;
import io.zsync.gateway.domain.ReconciliationPlan.Stamp;
import io.zsync.gateway.publish.EventSink;
import io.zsync.gateway.publish.PublishFailure;
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
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationRunTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final Map<String, Watermark> store = new HashMap<>();
    private final List<ChangeEvent> published = new ArrayList<>();
    private final List<Instant> asked = new ArrayList<>();
    private List<CrmRecordSource.Listed> crm = List.of();
    private int failAfter = Integer.MAX_VALUE;

    private final WatermarkStore watermarks = new WatermarkStore() {
        @Override
        public Optional<Watermark> load(String key) {
            return Optional.ofNullable(store.get(key));
        }

        @Override
        public void save(String key, Watermark watermark) {
            store.put(key, watermark);
        }
    };

    private final EventSink sink = events -> {
        if (published.size() + events.size() > failAfter) {
            return CompletableFuture.failedFuture(new PublishFailure(PublishFailure.Cause.TIMEOUT, "broker down", null));
        }
        published.addAll(events);
        return CompletableFuture.completedFuture(null);
    };

    private final ReconciliationRun run = new ReconciliationRun((org, module, since) -> {
        asked.add(since);
        return crm.stream().filter(l -> !l.stamp().modifiedTime().isBefore(since)).toList();
    }, watermarks, sink, new ReconciliationConfiguration(true, Duration.ofMinutes(15), Duration.ofDays(1), Duration.ofSeconds(1), 2),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static CrmRecordSource.Listed record(String id, int secondsAfterT0, boolean created) {
        Instant t = T0.plusSeconds(secondsAfterT0);
        return new CrmRecordSource.Listed(new Stamp(id, t, t.atOffset(ZoneOffset.ofHours(-7)).toString()),
                created ? t : T0.minusSeconds(3600));
    }

    @Test
    void shouldStartFromTheLookbackAndPublishReconciliationEvents() {
        crm = List.of(record("1", 10, true), record("2", 20, false));

        ReconciliationRun.Outcome outcome = run.run("dev", "Contacts");

        assertThat(asked).containsExactly(NOW.minus(Duration.ofDays(1)).minusSeconds(1));
        assertThat(outcome.complete()).isTrue();
        assertThat(published).extracting(ChangeEvent::getRecordId).containsExactly("1", "2");
        assertThat(published).allSatisfy(e -> {
            assertThat(e.getOrigin()).isEqualTo(EventOrigin.RECONCILIATION);
            assertThat(e.getRecordVersion()).isNotBlank();
        });
        assertThat(published).extracting(ChangeEvent::getOperation).containsExactly(Operation.CREATED, Operation.UPDATED);
        Watermark saved = store.get("gateway-reconciliation/dev/Contacts");
        assertThat(saved.getModifiedTime()).isEqualTo(T0.plusSeconds(20));
        assertThat(saved.getLastRecordIds()).containsExactly("2");
    }

    @Test
    void shouldNotRepublishOnTheNextRunAndGiveTheSameIdsForTheSameVersions() {
        crm = List.of(record("1", 10, true), record("2", 20, false));
        run.run("dev", "Contacts");
        List<String> firstIds = published.stream().map(ChangeEvent::getEventId).toList();

        run.run("dev", "Contacts");
        assertThat(published).as("nothing new since the watermark").hasSize(2);
        assertThat(asked.get(1)).isEqualTo(T0.plusSeconds(19));

        store.clear();
        run.run("dev", "Contacts");
        assertThat(published.subList(2, 4)).extracting(ChangeEvent::getEventId).as("same record versions, same ids").isEqualTo(firstIds);
    }

    @Test
    void shouldAdvanceOnlyOverWhatTheBrokerAcknowledged() {
        crm = List.of(record("1", 10, false), record("2", 20, false), record("3", 30, false), record("4", 40, false));
        failAfter = 2;

        ReconciliationRun.Outcome outcome = run.run("dev", "Deals");

        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.published()).isEqualTo(2);
        assertThat(store.get("gateway-reconciliation/dev/Deals").getModifiedTime()).isEqualTo(T0.plusSeconds(20));

        failAfter = Integer.MAX_VALUE;
        run.run("dev", "Deals");
        assertThat(published).extracting(ChangeEvent::getRecordId).containsExactly("1", "2", "3", "4");
    }

    @Test
    void shouldLeaveNoWatermarkWhenNothingWasFound() {
        ReconciliationRun.Outcome outcome = run.run("dev", "Leads");

        assertThat(outcome.watermark()).isNull();
        assertThat(store).isEmpty();
    }

    @Test
    void shouldRelistAStretchThatChangedDuringTheRun() {
        crm = List.of(record("1", 10, false), record("2", 20, false), record("3", 30, false), record("2", 50, false));

        ReconciliationRun.Outcome outcome = run.run("dev", "Leads");

        assertThat(outcome.disturbed()).isTrue();
        assertThat(store.get("gateway-reconciliation/dev/Leads").getModifiedTime()).isEqualTo(T0.plusSeconds(10));
    }
}
