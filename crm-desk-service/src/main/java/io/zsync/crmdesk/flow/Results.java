package io.zsync.crmdesk.flow;

import io.zsync.sync.api.FlowResult;
import io.zsync.sync.engine.Failures;

import java.util.Map;
import java.util.Optional;

/** Failure results that keep the ids already written, so a retry or redrive resumes after them. */
final class Results {

    private Results() {
    }

    static FlowResult.Failed failed(RuntimeException error, String step, Map<String, String> written) {
        FlowResult.Failed failed = Failures.classify(error);
        return new FlowResult.Failed(failed.code(), failed.message(), failed.retryable(), failed.retryAfter(),
                Optional.of(step), written);
    }
}
