package io.zsync.stack;

/**
 * An application of the system as the local stack runs it.
 *
 * @param name      what the progress display and the log file call it
 * @param module    the Maven module that builds it
 * @param mainClass its main class
 * @param port      its default port
 * @param kind      what it needs to be told at start
 */
public record StackApp(String name, String module, String mainClass, int port, Kind kind) {

    /** What an application needs to be told at start. */
    public enum Kind {
        /** The Zoho sandbox: only its own public URL. */
        SANDBOX,
        /** Kafka, the registry and the sandbox org (gateway and sync services). */
        KAFKA_AND_ZOHO,
        /** Kafka, the registry and the sandbox org, plus the SMTP sink (creator hub). */
        KAFKA_ZOHO_AND_MAIL,
        /** Kafka and the registry (dashboard). */
        KAFKA
    }
}
