package io.zsync.sandbox.creator;

import io.zsync.sandbox.core.IdGenerator;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.Resettable;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.SandboxConfig;
import io.zsync.sandbox.core.Times;
import io.zsync.sandbox.webhooks.WebhookDispatcher;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creator records of the configured report (§8) and the order webhook: adding a record through the form
 * runs the app's "on add" workflow, which posts the app-defined JSON (event, record_id, occurred_at and
 * the record) to each subscribed URL with its shared-secret header (§8.1).
 */
@Singleton
public class CreatorStore implements Resettable {

    /** A webhook subscription: target URL and the shared secret header the Deluge script adds. */
    public record Subscription(String id, String url, String headerName, String secret) {
        public Map<String, Object> toJson() {
            return Json.obj("id", id, "url", url, "headerName", headerName);
        }
    }

    private final Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final CreatorConfig config;
    private final IdGenerator ids;
    private final SandboxClock clock;
    private final WebhookDispatcher dispatcher;
    private final Json json;
    private final ZoneId zone;

    public CreatorStore(CreatorConfig config, IdGenerator ids, SandboxClock clock, WebhookDispatcher dispatcher, Json json,
                        SandboxConfig sandbox) {
        this.config = config;
        this.ids = ids;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.json = json;
        this.zone = sandbox.zone();
    }

    /** Adds a record and runs the on-add workflow (the order webhook). */
    public Map<String, Object> add(Map<String, Object> fields) {
        Map<String, Object> record;
        synchronized (this) {
            String id = ids.next(Product.CREATOR);
            record = new LinkedHashMap<>();
            record.put("ID", id);
            fields.forEach((k, v) -> {
                if (!"ID".equals(k)) {
                    record.put(k, Json.copy(v));
                }
            });
            record.put("Added_Time", now());
            record.put("Modified_Time", record.get("Added_Time"));
            records.put(id, record);
        }
        Map<String, Object> snapshot = Json.copy(record);
        fireOrderWebhook(snapshot);
        return snapshot;
    }

    public synchronized Map<String, Object> get(String id) {
        Map<String, Object> record = records.get(id);
        if (record == null) {
            throw new CreatorException(404, 3100, "No Data Available");
        }
        return Json.copy(record);
    }

    public synchronized Map<String, Object> update(String id, Map<String, Object> fields) {
        Map<String, Object> record = records.get(id);
        if (record == null) {
            throw new CreatorException(404, 3100, "No Data Available");
        }
        fields.forEach((k, v) -> {
            if (!List.of("ID", "Added_Time", "Modified_Time").contains(k)) {
                record.put(k, Json.copy(v));
            }
        });
        record.put("Modified_Time", now());
        return Json.copy(record);
    }

    public synchronized List<Map<String, Object>> all() {
        return records.values().stream().map(Json::copy).toList();
    }

    public synchronized Subscription subscribe(String url, String headerName, String secret) {
        Subscription subscription = new Subscription(ids.next(Product.CREATOR), url,
                headerName == null || headerName.isBlank() ? config.webhookHeaderName() : headerName, secret);
        subscriptions.put(subscription.id(), subscription);
        return subscription;
    }

    public synchronized boolean unsubscribe(String id) {
        return subscriptions.remove(id) != null;
    }

    public synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    @Override
    public synchronized void reset(boolean all) {
        records.clear();
        if (all) {
            subscriptions.clear();
        }
    }

    private void fireOrderWebhook(Map<String, Object> record) {
        Map<String, Object> payload = Json.obj("event", config.webhookEvent(), "record_id", record.get("ID"),
                "occurred_at", Times.utcMillis(clock.now()), "owner", config.owner(), "app", config.app(),
                "form", config.form(), "report", config.report(), "data", record);
        byte[] body = json.write(payload);
        for (Subscription subscription : subscriptions()) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            if (subscription.secret() != null) {
                headers.put(subscription.headerName(), subscription.secret());
            }
            dispatcher.send(Product.CREATOR, config.webhookEvent(),
                    attempt -> new WebhookDispatcher.Outbound(subscription.url(), headers, body),
                    dispatcher.defaultTimeout(), status -> { });
        }
    }

    private String now() {
        return DateTimeFormatter.ofPattern(config.dateTimeFormat(), Locale.ENGLISH).format(clock.now().atZone(zone));
    }
}
