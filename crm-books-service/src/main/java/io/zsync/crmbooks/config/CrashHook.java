package io.zsync.crmbooks.config;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.zsync.sync.engine.CrashPoints;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-only fault points after a Books create, before the write-back and the commit. It marks the runtime's
 * {@link CrashPoints#AFTER_TARGET_WRITE} (armed by {@code zsync.crash.points}, used by the crash-and-replay suite)
 * and, for the single-record crash test, when {@code zsync.crm-books.test.halt-after-books-create} names a
 * CRM record id, the JVM halts (no shutdown hooks, no Kafka commit: what SIGKILL does) right after Books
 * created that record's customer or invoice and before anything is recorded. Unset in every real deployment,
 * where it costs one string comparison per create.
 */
@Singleton
public class CrashHook {

    public static final String PROPERTY = "zsync.crm-books.test.halt-after-books-create";
    private static final Logger LOG = LoggerFactory.getLogger(CrashHook.class);

    private final String recordId;
    private final CrashPoints crashPoints;

    public CrashHook(@Nullable @Value("${" + PROPERTY + ":}") String recordId, CrashPoints crashPoints) {
        this.recordId = recordId == null || recordId.isBlank() ? null : recordId;
        this.crashPoints = crashPoints;
    }

    public void afterBooksCreate(String sourceRecordId) {
        crashPoints.reached(CrashPoints.AFTER_TARGET_WRITE);
        if (recordId != null && recordId.equals(sourceRecordId)) {
            LOG.error("{} names {}: halting the JVM after the Books create, before the commit", PROPERTY, recordId);
            Runtime.getRuntime().halt(137);
        }
    }
}
