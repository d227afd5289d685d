package io.zsync.reliability;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.SyncCompleted;
import io.zsync.schemas.TopicSpec;
import io.zsync.sync.it.ZohoStack;

import java.util.List;
import java.util.Map;

/**
 * One sync flow as {@link CrashHarness} runs it through crashes and replay: the service that runs it, the topics
 * its consumer group reads, how a Zoho user makes its source records in the sandbox, and how many target records
 * each of them has there.
 */
interface CrashScenario {

    /** The service's module folder, run from its {@code target/classes} and {@code target/classpath.txt}. */
    String module();

    String mainClass();

    /** The flow whose completions are counted. */
    String flowId();

    /**
     * Whether a completion of the flow is an outcome of the change the run is about. A source record a user makes
     * in two steps (a deal created, then won; a ticket opened, then closed) also completes its first change, with
     * a skip saying it is not the flow's trigger; that one does not show the record's change was processed.
     */
    default boolean isOutcome(SyncCompleted completion) {
        return true;
    }

    /** Every topic the service's consumer group reads: where the run starts, and what the replay reads again. */
    List<TopicSpec<String, ChangeEvent>> topics();

    /** Properties the service needs for this run, beyond the broker, the registry and the sandbox. */
    Map<String, String> properties();

    /** What the source records and the targets are called in the figures line ("contacts", "Books customers"). */
    String sources();

    String targets();

    /** Creates source records {@code from} (inclusive) to {@code to} of {@code run} and returns their ids, in order. */
    List<String> create(ZohoStack zoho, String run, int from, int to);

    /**
     * The number of targets each of these source records has (0 when none): the target records the sandbox holds for
     * it or, for a flow that only updates a record, the writes the product reports on that record.
     */
    Map<String, Integer> targetsPerSource(ZohoStack zoho, String run, List<String> sourceIds);
}
