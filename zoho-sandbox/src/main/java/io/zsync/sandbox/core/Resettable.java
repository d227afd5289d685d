package io.zsync.sandbox.core;

/**
 * State that {@code POST /_sandbox/reset} clears. Data always goes; subscriptions, registered clients and
 * fault rules go only with {@code all=true}, so a test suite can subscribe once and reset per test.
 */
public interface Resettable {

    void reset(boolean all);
}
