package io.zsync.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The one exception the Avro serde raises for bytes it cannot turn into a record, or a record it cannot
 * turn into bytes. It extends Kafka's {@link SerializationException}, so a consumer sees it wrapped in a
 * {@code RecordDeserializationException} that names the partition and offset, and can route the record to
 * a dead-letter topic instead of dropping it. {@link #reason()} says what went wrong and
 * {@link #retryable()} whether trying again later can help.
 */
public class AvroSerdeException extends SerializationException {

    /** What went wrong. */
    public enum Reason {
        /** The first byte is not the Confluent magic byte 0: not our wire format. */
        WRONG_MAGIC_BYTE(false),
        /** Fewer than the five header bytes, or Avro data that ends early. */
        TRUNCATED(false),
        /** The registry does not know the schema id in the header. */
        UNKNOWN_SCHEMA_ID(false),
        /** The writer's schema cannot be read into the reader's schema. */
        INCOMPATIBLE_SCHEMA(false),
        /** Auto-registration is off and the writer's schema is not registered under the subject. */
        SCHEMA_NOT_REGISTERED(false),
        /** The registry refused the schema (for example, it breaks the subject's compatibility rule). */
        REGISTRY_REJECTED(false),
        /** The registry did not answer, or answered with a server error. */
        REGISTRY_UNAVAILABLE(true),
        /** The Avro payload is not valid for the writer's schema. */
        MALFORMED_PAYLOAD(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Reason reason;

    public AvroSerdeException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public AvroSerdeException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** True when the same bytes may succeed later (the registry was unreachable), false when they never will. */
    public boolean retryable() {
        return reason.retryable;
    }
}
