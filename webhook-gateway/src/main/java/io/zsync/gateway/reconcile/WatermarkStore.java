package io.zsync.gateway.reconcile;

import io.zsync.contract.Watermark;

import java.util.Optional;

/** Durable poller watermarks, by key {@code <component>/<org>/<module>}. */
public interface WatermarkStore {

    Optional<Watermark> load(String key);

    /** Returns only once the watermark is durably stored. */
    void save(String key, Watermark watermark);
}
