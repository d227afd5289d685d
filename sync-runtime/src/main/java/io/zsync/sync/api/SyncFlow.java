package io.zsync.sync.api;

import io.zsync.contract.ChangeEvent;
import io.zsync.schemas.TopicSpec;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One sync flow: turns change events of a source into writes on a target. The runtime hands a flow only
 * the events it must act on (redeliveries, replays, versions already synced and the flow's own
 * write-back echoes are settled before), and records the flow's results in the ledger, the completion
 * topic and, for failures, the retry or dead-letter topic, atomically with the consumer offsets.
 */
public interface SyncFlow {

    /** Stable id used in completions, dead letters, the ledger and metrics, e.g. {@code crm-contact-to-books-customer}. */
    String id();

    /** The change topic the flow consumes. */
    TopicSpec<String, ChangeEvent> source();

    /**
     * Source fields this flow writes back (cross-reference ids). A source change that touches only these and
     * the source's own bookkeeping fields is the echo of our write and ends SKIPPED.
     */
    Set<String> writeBackFields();

    /**
     * Source fields whose change this flow acts on (what its mapping and decisions read), if it can name them. An
     * update whose notification names its changed fields, none of them among these (another flow's write-back,
     * a field nobody maps), ends SKIPPED without reaching the flow, so without reading the record. Empty (the
     * default): every change reaches the flow. A field missing here is a change the flow never sees, so a flow
     * names these only when its mapping is fixed in code or its configuration lists every field it reads.
     */
    default Optional<Set<String>> fieldsActedOn() {
        return Optional.empty();
    }

    /**
     * Processes a batch (events that arrived together, so reads and write-backs can be batched).
     * Returns one result per input, in input order. Target writes must be safe to repeat for an input whose
     * {@link FlowInput#mayHaveWritten()} is true: look the target up before creating it. A thrown exception
     * fails every input of the batch with that error (transient errors are retried).
     */
    List<FlowResult> process(List<FlowInput> inputs);
}
