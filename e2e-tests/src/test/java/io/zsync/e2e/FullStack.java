package io.zsync.e2e;

import io.zsync.contract.SyncCompleted;
import io.zsync.schemas.Topics;
import io.zsync.schemas.serde.AvroDeserializer;
import io.zsync.schemas.serde.RestSchemaRegistryClient;
import io.zsync.stack.SandboxClient;
import io.zsync.stack.Stack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The whole system, started once per test JVM exactly as {@code ./zsync up} starts it (on free ports), and a
 * reader of the completion topic. Scenarios use only what a user has: the sandbox's APIs and the outcomes.
 */
final class FullStack {

    private static final Logger LOG = LoggerFactory.getLogger(FullStack.class);
    private static FullStack instance;

    private final Stack stack;
    private final KafkaConsumer<String, SyncCompleted> completionsConsumer;
    private final List<SyncCompleted> completions = new CopyOnWriteArrayList<>();
    private SandboxClient sandbox;

    private FullStack(Stack stack) {
        this.stack = stack;
        this.completionsConsumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new AvroDeserializer<>(
                        new RestSchemaRegistryClient(stack.schemaRegistryUrl(), null, Duration.ofSeconds(10)), SyncCompleted.class));
        completionsConsumer.subscribe(List.of(Topics.SYNC_COMPLETIONS.name()));
    }

    static synchronized FullStack get() {
        if (instance == null) {
            try {
                Path home = Files.createDirectories(Path.of("target", "e2e-stack"));
                Stack stack = Stack.start(home, Stack.Ports.free(), (what, state) -> LOG.info("{}: {}", what, state));
                instance = new FullStack(stack);
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /**
     * One client for every scenario, so one OAuth token: the sandbox, like Zoho, mints at most 10 access tokens per
     * refresh token in 10 minutes, and the stack's own processes take seven of them at start.
     */
    synchronized SandboxClient sandbox() {
        if (sandbox == null) {
            sandbox = stack.sandbox();
        }
        return sandbox;
    }

    Stack stack() {
        return stack;
    }

    /** Completions seen so far that match, after one more poll. */
    synchronized List<SyncCompleted> completions(Predicate<SyncCompleted> filter) {
        for (ConsumerRecord<String, SyncCompleted> record : completionsConsumer.poll(Duration.ofMillis(300))) {
            completions.add(record.value());
        }
        List<SyncCompleted> matching = new ArrayList<>();
        for (SyncCompleted completion : completions) {
            if (filter.test(completion)) {
                matching.add(completion);
            }
        }
        return matching;
    }

    List<SyncCompleted> completionsOf(String flowId, String recordId) {
        return completions(c -> c.getFlowId().equals(flowId) && c.getSource().getRecordId().equals(recordId));
    }
}
