package io.zsync.creatorhub.flow;

import io.zsync.creatorhub.domain.Order;
import io.zsync.creatorhub.domain.Step;

/**
 * Told when a saga step has written its target and before the write is recorded: the window a crash test
 * aims at. Production has the no-op; {@link HaltingStepObserver} exists only under a test-only property.
 */
public interface SagaStepObserver {

    void afterWrite(String org, Order order, Step step);
}
