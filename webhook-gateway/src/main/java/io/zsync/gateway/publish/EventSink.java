package io.zsync.gateway.publish;

import io.zsync.contract.ChangeEvent;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where change events go: completes when every event is acknowledged, or fails with a {@link PublishFailure}. */
public interface EventSink {

    CompletableFuture<?> publish(List<ChangeEvent> events);
}
