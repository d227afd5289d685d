package io.zsync.dashboard.streams;

import io.zsync.contract.DeadLetter;
import io.zsync.dashboard.domain.DeadLetterEntry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps each dead letter, one per flow and event, as {@link DeadLetterEntry#keep} decides. */
final class DeadLetterRecorder implements Processor<String, DeadLetter, Void, Void> {

    private KeyValueStore<String, DeadLetterEntry> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(DashboardStores.DEAD_LETTERS);
    }

    @Override
    public void process(Record<String, DeadLetter> record) {
        DeadLetter deadLetter = record.value();
        String key = DeadLetterEntry.keyOf(deadLetter.getFlowId(), deadLetter.getEventId());
        store.put(key, DeadLetterEntry.keep(store.get(key), deadLetter));
    }
}
