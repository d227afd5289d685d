package io.zsync.sandbox.desk;

import io.zsync.sandbox.core.IdGenerator;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.Resettable;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.webhooks.WebhookDispatcher;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Desk webhook subscriptions and delivery (§6.6): each event goes to every subscription of its org that
 * listens to the event type, as a JSON array of {eventType, orgId, eventTime (epoch ms string), payload,
 * prevState?}, signed with {@code X-ZDesk-JWT}; a receiver answering 410 is unsubscribed.
 */
@Singleton
public class DeskWebhooks implements Resettable {

    static final List<String> DEFAULT_EVENTS = List.of("Ticket_Add", "Ticket_Update", "Contact_Add", "Contact_Update");

    /** One subscription: which org's events, which types, whether updates carry prevState. */
    public record Subscription(String id, String url, String orgId, List<String> events, boolean includePrevState,
                               String name) {
        public Map<String, Object> toJson() {
            Map<String, Object> subscriptions = new LinkedHashMap<>();
            events.forEach(e -> subscriptions.put(e, e.endsWith("_Update") ? Json.obj("includePrevState", includePrevState)
                    : Json.obj()));
            return Json.obj("id", id, "name", name, "url", url, "orgId", orgId, "subscriptions", subscriptions,
                    "isEnabled", true);
        }
    }

    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final WebhookDispatcher dispatcher;
    private final DeskJwtSigner signer;
    private final SandboxClock clock;
    private final IdGenerator ids;
    private final DeskConfig config;
    private final Json json;

    public DeskWebhooks(WebhookDispatcher dispatcher, DeskJwtSigner signer, SandboxClock clock, IdGenerator ids,
                        DeskConfig config, Json json) {
        this.dispatcher = dispatcher;
        this.signer = signer;
        this.clock = clock;
        this.ids = ids;
        this.config = config;
        this.json = json;
    }

    public synchronized Subscription subscribe(String url, String orgId, List<String> events, boolean includePrevState,
                                               String name) {
        Subscription subscription = new Subscription(ids.next(Product.DESK), url, orgId,
                events == null || events.isEmpty() ? DEFAULT_EVENTS : List.copyOf(events), includePrevState,
                name == null ? "sandbox webhook" : name);
        subscriptions.put(subscription.id(), subscription);
        return subscription;
    }

    public synchronized boolean unsubscribe(String id) {
        return subscriptions.remove(id) != null;
    }

    public synchronized List<Subscription> list(String orgId) {
        return subscriptions.values().stream().filter(s -> orgId == null || s.orgId().equals(orgId)).toList();
    }

    public synchronized Subscription get(String id) {
        return subscriptions.get(id);
    }

    /** Emits one event (payload and prevState are snapshots taken by the caller). */
    public void publish(String orgId, String eventType, Map<String, Object> payload, Map<String, Object> prevState) {
        List<Subscription> targets;
        synchronized (this) {
            targets = new ArrayList<>(subscriptions.values().stream()
                    .filter(s -> s.orgId().equals(orgId) && s.events().contains(eventType)).toList());
        }
        String eventTime = String.valueOf(clock.nowMillis());
        for (Subscription subscription : targets) {
            Map<String, Object> event = Json.obj("eventType", eventType, "orgId", orgId, "eventTime", eventTime,
                    "payload", payload);
            if (prevState != null && subscription.includePrevState()) {
                event.put("prevState", prevState);
            }
            byte[] body = json.write(List.of(event));
            dispatcher.send(Product.DESK, eventType, attempt -> new WebhookDispatcher.Outbound(subscription.url(),
                            Map.of("Content-Type", "application/json",
                                    "X-ZDesk-JWT", signer.sign(orgId, subscription.id())), body),
                    Duration.ofMillis(config.webhookTimeoutMs()),
                    status -> {
                        if (status == 410) {
                            unsubscribe(subscription.id());
                        }
                    });
        }
    }

    @Override
    public synchronized void reset(boolean all) {
        if (all) {
            subscriptions.clear();
        }
    }
}
