package io.zsync.reliability;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.sync.TopicProbe;
import io.zsync.sync.engine.CrashPoints;
import io.zsync.sync.it.ZohoStack;
import io.zsync.testing.KafkaStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs one {@link CrashScenario}: its service as a real process that halts (like a SIGKILL) at the crash points
 * of {@link CrashPoints} and is restarted each time, while source records are made in the sandbox, until every
 * record has its completion; then the service's consumer group is rewound to where the run began and every event
 * of the run is read again by a restarted service. Figures: crashes (by point), records with more than one target
 * (duplicates), records without a completion. The service's group is new for each run and starts at the end of
 * its topics, so the run and its replay read exactly the events of this run (other suites share the broker).
 */
final class CrashHarness {

    private static final Logger LOG = LoggerFactory.getLogger(CrashHarness.class);
    /** The first lives halt at one point each, in this order, so every run crashes at every point. */
    static final List<String> POINTS = List.of(CrashPoints.BEFORE_TARGET_WRITE, CrashPoints.AFTER_TARGET_WRITE,
            CrashPoints.BEFORE_COMMIT);
    private static final int CHUNK = 20;

    private final int records = Integer.getInteger("reliability.crash.records", 24);
    private final int maxCrashes = Integer.getInteger("reliability.crash.max", 40);

    void run(CrashScenario scenario) {
        ZohoStack zoho = ZohoStack.get();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String group = "crash-" + scenario.module() + "-" + run;
        Map<String, String> properties = new HashMap<>(scenario.properties());
        properties.put("zsync.sync.group", group);
        Map<String, Integer> crashes = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaStack.get().bootstrapServers()));
             TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);
             ServiceUnderTest service = new ServiceUnderTest(scenario.module(), scenario.mainClass(), properties)) {
            Map<TopicPartition, Long> start = positionAtEnd(admin, group, scenario.topics());
            service.prime();
            Runnable restart = () -> {
                forgetDeadMembers(admin, group);
                arm(service, crashes);
            };
            arm(service, crashes);
            List<String> ids = new ArrayList<>();
            for (int from = 0; from < records; from += CHUNK) {
                ids.addAll(scenario.create(zoho, run, from, Math.min(records, from + CHUNK)));
                List<String> sofar = List.copyOf(ids);
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                        keptAlive(scenario, service, crashes, restart) && byRecord(completions, scenario, sofar).values().stream()
                                .noneMatch(List::isEmpty));
            }
            // what the run's own writes caused (write-back echoes) is processed too before the figures are taken
            Map<TopicPartition, Long> written = endOffsets(admin, scenario.topics());
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    keptAlive(scenario, service, crashes, restart) && caughtUp(admin, group, written, start));

            Map<String, List<SyncCompleted>> outcomes = byRecord(completions, scenario, ids);
            Map<String, Integer> targets = scenario.targetsPerSource(zoho, run, ids);
            List<String> withoutCompletion = ids.stream().filter(id -> outcomes.get(id).isEmpty()).toList();
            long duplicates = targets.values().stream().filter(n -> n > 1).count();
            int crashCount = crashes.values().stream().mapToInt(Integer::intValue).sum();
            LOG.info("crash run {} {}: {} {}, {} crashes {}, {} duplicate {}, {} without completion", run,
                    scenario.flowId(), records, scenario.sources(), crashCount, crashes, duplicates, scenario.targets(),
                    withoutCompletion.size());
            assertThat(crashCount).as("crashes (each point first, then at random)").isGreaterThanOrEqualTo(POINTS.size());
            assertThat(crashes.keySet()).as("points crashed at").containsAll(POINTS);
            assertThat(withoutCompletion).as(scenario.sources() + " without a completion").isEmpty();
            assertThat(targets).as(scenario.targets() + " per source record").hasSize(records)
                    .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));

            // Replay every event of the run with a restarted service: nothing is created again.
            Map<String, Integer> before = counts(byRecord(completions, scenario, ids));
            service.close();
            rewind(admin, group, scenario.topics(), start);
            Map<TopicPartition, Long> end = endOffsets(admin, scenario.topics());
            service.start(0);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(service.alive()).as("%s stopped during the replay; its log ends:%n%s", scenario.module(),
                        service.tail()).isTrue();
                return caughtUp(admin, group, end, start);
            });
            await().atMost(Duration.ofMinutes(1)).until(() -> byRecord(completions, scenario, ids).entrySet().stream()
                    .allMatch(e -> e.getValue().size() > before.get(e.getKey())));
            Map<String, List<SyncCompleted>> replayed = byRecord(completions, scenario, ids);
            Map<String, Integer> targetsAfter = scenario.targetsPerSource(zoho, run, ids);
            long createdAgain = ids.stream().filter(id -> targetsAfter.get(id) > targets.get(id)).count();
            long notOnceSucceeded = ids.stream().filter(id -> succeeded(replayed.get(id)) != 1).count();
            LOG.info("replay {} {}: {} events read again, {} {} created again, {} {} without exactly one SUCCEEDED completion",
                    run, scenario.flowId(), events(end, start), createdAgain, scenario.targets(), notOnceSucceeded,
                    scenario.sources());
            assertThat(targetsAfter).as(scenario.targets() + " per source record after the replay")
                    .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            assertThat(ids).allSatisfy(id -> assertThat(replayed.get(id)).as("%s: %s", id, replayed.get(id).stream()
                            .map(c -> c.getStatus() + (c.getSkipReason() == null ? "" : " (" + c.getSkipReason() + ")")
                                    + (c.getErrorCode() == null ? "" : " [" + c.getErrorCode() + " " + c.getErrorMessage() + "]"))
                            .toList())
                    .filteredOn(c -> c.getStatus() == SyncStatus.SUCCEEDED).hasSize(1));
        }
    }

    /**
     * Restarts the service if it halted (with crash injection while the budget of crashes lasts) and counts the
     * crash; fails if it stopped for any other reason. True, so it can lead a wait condition.
     */
    private boolean keptAlive(CrashScenario scenario, ServiceUnderTest service, Map<String, Integer> crashes,
                              Runnable restart) {
        if (!service.alive()) {
            String point = service.crashPoint().orElseThrow(() -> new AssertionError(
                    scenario.module() + " stopped without an injected crash; its log ends:\n" + service.tail()));
            crashes.merge(point, 1, Integer::sum);
            restart.run();
        }
        return true;
    }

    /**
     * Removes the halted process's members from the service's consumer groups, as their session timeout would a
     * few seconds later, so its next life is assigned the partitions at once: the crash is the point, not the wait.
     * Only ever called while no life of the service runs. A group without members (its session already expired,
     * or the retry group never joined) is fine.
     */
    private static void forgetDeadMembers(Admin admin, String group) {
        for (String g : List.of(group, group + "-retry")) {
            try {
                admin.removeMembersFromConsumerGroup(g, new RemoveMembersFromConsumerGroupOptions()).all().get();
            } catch (ExecutionException e) {
                LOG.debug("no members removed from {}: {}", g, e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Starts the service's next life: the first lives halt at one point each, the first time it is reached, so every
     * point is crashed at however few records a run has; later lives halt at any point at random while the crash
     * budget lasts; the last runs clean.
     */
    private void arm(ServiceUnderTest service, Map<String, Integer> crashes) {
        int so = crashes.values().stream().mapToInt(Integer::intValue).sum();
        if (so < POINTS.size()) {
            service.start(POINTS.get(so), 1.0);
        } else {
            service.start(so < maxCrashes ? 0.25 : 0);
        }
    }

    /** The flow's completions of each record that are outcomes of the run's change, from one read of the completions topic. */
    private static Map<String, List<SyncCompleted>> byRecord(TopicProbe<SyncCompleted> completions, CrashScenario scenario,
                                                             List<String> ids) {
        Map<String, List<SyncCompleted>> all = completions.values(c -> c.getFlowId().equals(scenario.flowId())
                        && scenario.isOutcome(c)).stream()
                .collect(Collectors.groupingBy(c -> c.getSource().getRecordId()));
        Map<String, List<SyncCompleted>> mine = new HashMap<>();
        ids.forEach(id -> mine.put(id, all.getOrDefault(id, List.of())));
        return mine;
    }

    private static Map<String, Integer> counts(Map<String, List<SyncCompleted>> byRecord) {
        Map<String, Integer> counts = new HashMap<>();
        byRecord.forEach((id, list) -> counts.put(id, list.size()));
        return counts;
    }

    private static long succeeded(List<SyncCompleted> outcomes) {
        return outcomes.stream().filter(c -> c.getStatus() == SyncStatus.SUCCEEDED).count();
    }

    private static long events(Map<TopicPartition, Long> end, Map<TopicPartition, Long> start) {
        return end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum();
    }

    // ------------------------------------------------------------------ the group's offsets

    /** Commits the group's offsets at the current end of every partition of the topics, and returns them. */
    private static Map<TopicPartition, Long> positionAtEnd(Admin admin, String group,
                                                           List<TopicSpec<String, ChangeEvent>> topics) {
        Map<TopicPartition, Long> end = endOffsets(admin, topics);
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        end.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
            return true;
        });
        return end;
    }

    /** The group back at the run's first offsets, once the stopped service's member has left it. */
    private static void rewind(Admin admin, String group, List<TopicSpec<String, ChangeEvent>> topics,
                               Map<TopicPartition, Long> start) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        endOffsets(admin, topics).keySet().forEach(tp -> offsets.put(tp, new OffsetAndMetadata(start.getOrDefault(tp, 0L))));
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
            return true;
        });
    }

    /** Whether the group has committed every partition up to {@code end}. */
    private static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> end, Map<TopicPartition, Long> start)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return end.entrySet().stream().allMatch(e -> {
            OffsetAndMetadata at = committed.get(e.getKey());
            long position = at == null ? start.getOrDefault(e.getKey(), 0L) : at.offset();
            return position >= e.getValue();
        });
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicSpec<String, ChangeEvent>> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics.stream().map(TopicSpec::name).toList()).allTopicNames().get()
                    .forEach((name, description) -> description.partitions().forEach(p ->
                            latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topics, e.getCause());
        }
    }
}
