package io.zsync.sandbox.hubspot;

import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.Resettable;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.webhooks.WebhookDispatcher;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HubSpot app webhook subscriptions and delivery (§9.2, §9.3): the events of one write go out as JSON
 * arrays (at most {@code maxBatchSize} each), signed with {@code X-HubSpot-Signature-v3} over
 * method + URL + body + timestamp; a retry carries the next {@code attemptNumber} and a fresh signature.
 */
@Singleton
public class HubSpotWebhooks implements Resettable {

    static final List<String> TYPES = List.of("contact.creation", "contact.propertyChange", "contact.deletion");

    /** An app's subscription: target URL, client secret, and one subscription id per event type. */
    public record Subscription(String id, String url, String clientSecret, long portalId, long appId,
                               Map<String, Long> subscriptionIds, List<String> propertyNames) {
        public Map<String, Object> toJson() {
            return Json.obj("id", id, "url", url, "portalId", portalId, "appId", appId,
                    "subscriptionIds", subscriptionIds, "propertyNames", propertyNames);
        }
    }

    /** One change, before it is addressed to a subscription. */
    public record Change(String type, long objectId, String propertyName, String propertyValue, String changeSource,
                         String sourceId, long occurredAt) {
    }

    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final AtomicLong subscriptionIds = new AtomicLong(234_000);
    private final AtomicLong eventIds = new AtomicLong(567_890_000);
    private final HubSpotConfig config;
    private final WebhookDispatcher dispatcher;
    private final SandboxClock clock;
    private final Json json;

    public HubSpotWebhooks(HubSpotConfig config, WebhookDispatcher dispatcher, SandboxClock clock, Json json) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.json = json;
    }

    public synchronized Subscription subscribe(String url, String clientSecret, Long portalId, Long appId,
                                               List<String> types, List<String> propertyNames) {
        Map<String, Long> ids = new LinkedHashMap<>();
        (types == null || types.isEmpty() ? TYPES : types).forEach(t -> ids.put(t, subscriptionIds.incrementAndGet()));
        Subscription subscription = new Subscription(String.valueOf(subscriptionIds.incrementAndGet()), url, clientSecret,
                portalId == null ? config.portalId() : portalId, appId == null ? config.appId() : appId, ids,
                propertyNames == null || propertyNames.isEmpty() ? null : List.copyOf(propertyNames));
        subscriptions.put(subscription.id(), subscription);
        return subscription;
    }

    public synchronized boolean unsubscribe(String id) {
        return subscriptions.remove(id) != null;
    }

    public synchronized List<Subscription> list() {
        return List.copyOf(subscriptions.values());
    }

    /** Sends one write's changes to every subscription that listens to them, in batches. */
    public void publish(List<Change> changes) {
        for (Subscription subscription : list()) {
            List<Change> relevant = changes.stream()
                    .filter(c -> subscription.subscriptionIds().containsKey(c.type()))
                    .filter(c -> !"contact.propertyChange".equals(c.type()) || subscription.propertyNames() == null
                            || subscription.propertyNames().contains(c.propertyName()))
                    .toList();
            for (int from = 0; from < relevant.size(); from += config.maxBatchSize()) {
                List<Change> batch = relevant.subList(from, Math.min(from + config.maxBatchSize(), relevant.size()));
                List<Long> eventIdsOfBatch = batch.stream().map(c -> eventIds.incrementAndGet()).toList();
                dispatcher.send(Product.HUBSPOT, batch.get(0).type() + (batch.size() > 1 ? " +" + (batch.size() - 1) : ""),
                        attempt -> outbound(subscription, batch, eventIdsOfBatch, attempt),
                        dispatcher.defaultTimeout(), status -> { });
            }
        }
    }

    private WebhookDispatcher.Outbound outbound(Subscription subscription, List<Change> batch, List<Long> ids, int attempt) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Change change = batch.get(i);
            Map<String, Object> event = Json.obj("eventId", ids.get(i),
                    "subscriptionId", subscription.subscriptionIds().get(change.type()),
                    "portalId", subscription.portalId(), "appId", subscription.appId(),
                    "occurredAt", change.occurredAt(), "subscriptionType", change.type(), "attemptNumber", attempt,
                    "objectId", change.objectId());
            if (change.propertyName() != null) {
                event.put("propertyName", change.propertyName());
                event.put("propertyValue", change.propertyValue());
            }
            if ("contact.creation".equals(change.type())) {
                event.put("changeFlag", "CREATED");
            } else if ("contact.deletion".equals(change.type())) {
                event.put("changeFlag", "DELETED");
            }
            event.put("changeSource", change.changeSource());
            if (change.sourceId() != null) {
                event.put("sourceId", change.sourceId());
            }
            events.add(event);
        }
        byte[] body = json.write(events);
        String timestamp = String.valueOf(clock.nowMillis());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-HubSpot-Request-Timestamp", timestamp);
        headers.put("X-HubSpot-Signature-v3",
                HubSpotSignatures.v3(subscription.clientSecret(), "POST", subscription.url(), body, timestamp));
        headers.put("X-HubSpot-Signature", HubSpotSignatures.v1(subscription.clientSecret(), body));
        headers.put("X-HubSpot-Signature-Version", "v1");
        headers.put("X-HubSpot-Timeout-Millis", String.valueOf(dispatcher.defaultTimeout().toMillis()));
        return new WebhookDispatcher.Outbound(subscription.url(), headers, body);
    }

    @Override
    public synchronized void reset(boolean all) {
        if (all) {
            subscriptions.clear();
        }
    }
}
