package io.zsync.sync.engine;

import io.micronaut.context.annotation.Requires;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.PermanentSyncException;
import io.zsync.sync.api.SyncFlow;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.error.ZohoRateLimitException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A flow whose behaviour per record is scripted by the record id's prefix: {@code ok-} writes a target,
 * {@code flaky<N>-} fails N times with a 429 then writes, {@code bad-} fails permanently. It counts target
 * writes per record, which is what "exactly once in effect" is about.
 */
@Singleton
@Requires(property = "spec.name", value = "SyncEngineIT")
public class ScriptedFlow implements SyncFlow {

    final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final List<Boolean> mayHaveWritten = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return "scripted-flow";
    }

    @Override
    public TopicSpec<String, ChangeEvent> source() {
        return Topics.CRM_LEADS;
    }

    @Override
    public Set<String> writeBackFields() {
        return Set.of("Target_ID");
    }

    @Override
    public List<FlowResult> process(List<FlowInput> inputs) {
        List<FlowResult> results = new ArrayList<>();
        for (FlowInput input : inputs) {
            String id = input.recordId();
            int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            mayHaveWritten.add(input.mayHaveWritten());
            try {
                results.add(run(id, attempt));
            } catch (RuntimeException e) {
                results.add(Failures.classify(e));
            }
        }
        return results;
    }

    private FlowResult run(String id, int attempt) {
        if (id.startsWith("bad-")) {
            throw new PermanentSyncException("NO_MAPPING", "record " + id + " cannot be mapped");
        }
        if (id.startsWith("flaky")) {
            int failures = Integer.parseInt(id.substring(5, id.indexOf('-')));
            if (attempt <= failures) {
                throw new ZohoRateLimitException(ZohoProduct.BOOKS, "acme", 429, "TOO_MANY_REQUESTS", "too many requests",
                        Duration.ofMillis(100), null, null);
            }
        }
        writes.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        return new FlowResult.Succeeded(List.of(new TargetRef(SystemId.ZOHO_BOOKS, "contacts", "target-" + id,
                TargetAction.CREATED, null)), Map.of("target", "target-" + id), "hash-" + id, Map.of());
    }
}
