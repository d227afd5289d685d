package io.zsync.creatorhub.it;

import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.creatorhub.domain.Step;
import io.zsync.creatorhub.flow.CreatorOrderFlow;
import io.zsync.creatorhub.flow.HaltingStepObserver;
import io.zsync.schemas.Topics;
import io.zsync.stack.AppProcess;
import io.zsync.stack.Ports;
import io.zsync.sync.TopicProbe;
import io.zsync.testing.RealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.zsync.creatorhub.it.HubStack.booksContactsWithEmail;
import static io.zsync.creatorhub.it.HubStack.booksInvoicesWithReference;
import static io.zsync.creatorhub.it.HubStack.creatorOrder;
import static io.zsync.creatorhub.it.HubStack.crmContactsWithEmail;
import static io.zsync.creatorhub.it.HubStack.crmDealsNamed;
import static io.zsync.creatorhub.it.HubStack.deskTicketsOf;
import static io.zsync.creatorhub.it.HubStack.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as a real process, halted dead (no shutdown, no commit, as by SIGKILL) right after each saga
 * step in turn has written its target and before it is recorded; the next process must finish the order with
 * exactly one contact, deal, invoice, ticket and e-mail. One process per crash: process n+1 finishes order n
 * and is then itself halted on order n+1.
 */
@RealKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreatorHubCrashIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);
    private final List<AppProcess> processes = new ArrayList<>();

    @AfterAll
    void stop() {
        processes.forEach(AppProcess::close);
        completions.close();
    }

    private record CrashedOrder(Step haltedAfter, String number, String email, String recordId) {
    }

    @Test
    void shouldResumeWithoutDuplicatesAfterACrashAfterEachStep() throws IOException {
        List<Step> steps = Step.SAGA;
        CrashedOrder previous = null;
        for (Step step : steps) {
            String number = HubStack.uniqueNumber("CRASH");
            AppProcess service = start(Map.of(HaltingStepObserver.HALT_AFTER, step.id(), HaltingStepObserver.HALT_ORDER, number));
            if (previous != null) {
                assertFinishedOnce(previous);
            }
            String email = number.toLowerCase() + "@customer.test";
            String product = "Crash Item " + number;
            HubStack.seedBooksItem(product, "6000");
            String recordId = HubStack.submitOrder(HubStack.order(number, email, product, 2, "6000.00")); // VIP: 12,000

            await().atMost(PATIENCE).until(() -> !service.process().isAlive());
            assertThat(Files.readString(service.process().logFile())).contains("CRASH TEST: halting after step " + step.id()
                    + " of order " + number);
            assertThat(completionsOf(recordId)).as("nothing recorded by the halted process").isEmpty();
            previous = new CrashedOrder(step, number, email, recordId);
        }
        start(Map.of());
        assertFinishedOnce(previous);
    }

    private void assertFinishedOnce(CrashedOrder order) {
        await().atMost(PATIENCE).until(() -> completionsOf(order.recordId()).stream()
                .anyMatch(c -> c.getStatus() == SyncStatus.SUCCEEDED));
        String after = "after a crash after " + order.haltedAfter().id();
        assertThat(completionsOf(order.recordId())).as(after).singleElement()
                .satisfies(c -> assertThat(c.getStatus()).isEqualTo(SyncStatus.SUCCEEDED));
        assertThat(crmContactsWithEmail(order.email())).as(after).hasSize(1);
        assertThat(crmDealsNamed("Order " + order.number())).as(after).hasSize(1);
        assertThat(booksContactsWithEmail(order.email())).as(after).hasSize(1);
        assertThat(booksInvoicesWithReference(order.number())).as(after).hasSize(1);
        assertThat(deskTicketsOf(order.email())).as(after).hasSize(1);
        assertThat(mailsTo(order.email())).as(after).hasSize(1);
        assertThat(creatorOrder(order.recordId()).get("Status").asText()).as(after).isEqualTo("Processing");
    }

    private List<SyncCompleted> completionsOf(String recordId) {
        return completions.values(c -> c.getFlowId().equals(CreatorOrderFlow.ID) && c.getSource().getRecordId().equals(recordId));
    }

    private AppProcess start(Map<String, String> extra) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>(HubStack.serviceProperties());
        properties.putAll(extra);
        Path logs = Files.createDirectories(Path.of("target", "crash-it"));
        int port = Ports.free();
        AppProcess service = AppProcess.start("creator-hub-service", AppProcess.repositoryRoot().resolve("creator-hub-service"),
                "io.zsync.creatorhub.CreatorHubApplication", port, properties,
                logs.resolve("service-" + (processes.size() + 1) + ".log"), Duration.ofSeconds(90));
        processes.add(service);
        return service;
    }
}
