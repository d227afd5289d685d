package io.zsync.dashboard.streams;

import io.zsync.dashboard.domain.DeadLetterEntry;
import io.zsync.dashboard.domain.Outcome;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Marks a dead letter resolved when a later completion of the same event in the same flow succeeds or skips. */
final class DeadLetterResolver implements Processor<String, Outcome, Void, Void> {

    private KeyValueStore<String, DeadLetterEntry> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(DashboardStores.DEAD_LETTERS);
    }

    @Override
    public void process(Record<String, Outcome> record) {
        Outcome completion = record.value();
        String key = DeadLetterEntry.keyOf(completion.flowId(), completion.eventId());
        DeadLetterEntry entry = store.get(key);
        if (entry != null) {
            DeadLetterEntry next = entry.afterCompletion(completion);
            if (next != entry) {
                store.put(key, next);
            }
        }
    }
}
