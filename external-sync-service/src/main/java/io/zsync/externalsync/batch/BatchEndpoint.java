package io.zsync.externalsync.batch;

import io.micronaut.context.annotation.Requires;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.management.endpoint.annotation.Write;
import io.zsync.externalsync.config.BatchProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /contactbatch}: the batch's runs and cursors per org; {@code POST /contactbatch/{org}}: start a run now
 * (refused while one runs, or on an instance that does not lead).
 */
@Endpoint(id = "contactbatch")
@Requires(property = BatchProperties.PREFIX + ".enabled", notEquals = "false")
public class BatchEndpoint {

    private final CrmContactBatch batch;

    public BatchEndpoint(CrmContactBatch batch) {
        this.batch = batch;
    }

    @Read
    public Map<String, Object> status() {
        return batch.status();
    }

    @Write
    public Map<String, Object> run(@Selector String org) {
        CrmContactBatch.Start start = batch.start(org);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("started", start.started());
        answer.put("message", start.message());
        if (start.runId() != null) {
            answer.put("runId", start.runId());
        }
        return answer;
    }
}
