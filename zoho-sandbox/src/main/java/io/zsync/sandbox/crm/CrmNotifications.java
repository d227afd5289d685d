package io.zsync.sandbox.crm;

import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.ServerInfo;
import io.zsync.sandbox.core.Times;
import io.zsync.sandbox.webhooks.WebhookDispatcher;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CRM notification channels ({@code /actions/watch}, §4): subscriptions with events, token and
 * {@code channel_expiry} on the sandbox clock, and the callback of §4.3 POSTed to each live channel whose
 * events match a mutation (ids as strings, insert/update/delete, token and notify_url query echoed).
 */
@Singleton
public class CrmNotifications implements io.zsync.sandbox.core.Resettable {

    private static final int MAX_TOKEN_LENGTH = 50;

    /** One subscribed channel. */
    record Channel(String channelId, List<String> events, String notifyUrl, String token, Instant expiry,
                   boolean returnAffectedFieldValues, boolean notifyOnRelatedAction, List<Object> notificationCondition) {
    }

    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final CrmConfig config;
    private final SandboxClock clock;
    private final ServerInfo server;
    private final WebhookDispatcher dispatcher;
    private final Json json;
    private final CrmStore store;

    public CrmNotifications(CrmConfig config, SandboxClock clock, ServerInfo server, WebhookDispatcher dispatcher,
                            Json json, CrmStore store) {
        this.config = config;
        this.clock = clock;
        this.server = server;
        this.dispatcher = dispatcher;
        this.json = json;
        this.store = store;
    }

    // ---------------------------------------------------------------- subscription API

    /** POST (subscribe) and PUT (replace: unspecified keys are removed). */
    public synchronized Map<String, Object> subscribe(Map<String, Object> element, int index) {
        String path = "$.watch[" + index + "]";
        String channelId = CrmStore.idOf(element.get("channel_id"));
        if (channelId == null) {
            return CrmErrors.mandatory("channel_id", path + ".channel_id");
        }
        if (!(element.get("events") instanceof List<?> events) || events.isEmpty()) {
            return CrmErrors.mandatory("events", path + ".events");
        }
        if (!(element.get("notify_url") instanceof String notifyUrl) || notifyUrl.isBlank()) {
            return CrmErrors.mandatory("notify_url", path + ".notify_url");
        }
        Map<String, Object> error = checkEvents(events, path);
        if (error == null) {
            error = checkUrl(notifyUrl, path);
        }
        if (error == null) {
            error = checkToken(element.get("token"), path);
        }
        if (error != null) {
            return error;
        }
        Instant expiry;
        try {
            expiry = expiry(element.get("channel_expiry"));
        } catch (IllegalArgumentException e) {
            return CrmErrors.invalid("channel_expiry", path + ".channel_expiry", null);
        }
        Channel channel = new Channel(channelId, events.stream().map(String::valueOf).toList(), notifyUrl,
                (String) element.get("token"), expiry, Boolean.TRUE.equals(element.get("return_affected_field_values")),
                !Boolean.FALSE.equals(element.get("notify_on_related_action")),
                element.get("notification_condition") instanceof List<?> c ? new ArrayList<>(c) : null);
        channels.put(channelId, channel);
        return success("Successfully subscribed for actions-watch of the given module", channel);
    }

    /** PATCH: unspecified keys are kept; {@code _delete_events: true} removes the listed events. */
    public synchronized Map<String, Object> patch(Map<String, Object> element, int index) {
        String path = "$.watch[" + index + "]";
        String channelId = CrmStore.idOf(element.get("channel_id"));
        if (channelId == null) {
            return CrmErrors.mandatory("channel_id", path + ".channel_id");
        }
        Channel channel = live(channelId);
        if (channel == null) {
            return CrmErrors.invalid("channel_id", path + ".channel_id", null);
        }
        boolean deleteEvents = Boolean.TRUE.equals(element.get("_delete_events"));
        List<String> events = new ArrayList<>(channel.events());
        if (element.get("events") instanceof List<?> given) {
            Map<String, Object> error = checkEvents(given, path);
            if (error != null) {
                return error;
            }
            if (deleteEvents) {
                given.forEach(e -> events.remove(String.valueOf(e)));
            } else {
                Set<String> merged = new LinkedHashSet<>(events);
                given.forEach(e -> merged.add(String.valueOf(e)));
                events.clear();
                events.addAll(merged);
            }
        }
        String notifyUrl = channel.notifyUrl();
        if (element.get("notify_url") instanceof String url) {
            Map<String, Object> error = checkUrl(url, path);
            if (error != null) {
                return error;
            }
            notifyUrl = url;
        }
        String token = channel.token();
        if (element.containsKey("token")) {
            Map<String, Object> error = checkToken(element.get("token"), path);
            if (error != null) {
                return error;
            }
            token = (String) element.get("token");
        }
        Instant expiry = channel.expiry();
        if (element.containsKey("channel_expiry")) {
            try {
                expiry = expiry(element.get("channel_expiry"));
            } catch (IllegalArgumentException e) {
                return CrmErrors.invalid("channel_expiry", path + ".channel_expiry", null);
            }
        }
        boolean returnValues = element.containsKey("return_affected_field_values")
                ? Boolean.TRUE.equals(element.get("return_affected_field_values")) : channel.returnAffectedFieldValues();
        Channel updated = new Channel(channelId, List.copyOf(events), notifyUrl, token, expiry, returnValues,
                channel.notifyOnRelatedAction(), element.get("notification_condition") instanceof List<?> c
                        ? new ArrayList<>(c) : channel.notificationCondition());
        if (events.isEmpty()) {
            channels.remove(channelId);
        } else {
            channels.put(channelId, updated);
        }
        return success(deleteEvents ? "Successfully removed the subscribe details"
                : "Successfully updated the subscribe details", updated);
    }

    public synchronized Map<String, Object> disable(String channelId) {
        Channel removed = channels.remove(channelId);
        if (removed == null) {
            return CrmErrors.error("INVALID_DATA", "the given channel id seems to be invalid",
                    Json.obj("channel_id", channelId));
        }
        return Json.obj("code", "SUCCESS", "details", Json.obj("channel_id", channelId),
                "message", "Successfully un-subscribed from actions-watch", "status", "success");
    }

    /** Live channels, optionally for one channel id or module. */
    public synchronized List<Map<String, Object>> list(String channelId, String module) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Channel channel : channels.values()) {
            if (!isLive(channel) || (channelId != null && !channelId.equals(channel.channelId()))
                    || (module != null && channel.events().stream().noneMatch(e -> e.startsWith(module + ".")))) {
                continue;
            }
            out.add(Json.obj("channel_id", channel.channelId(), "events", channel.events(),
                    "notify_url", channel.notifyUrl(), "token", channel.token(),
                    "channel_expiry", Times.crm(channel.expiry(), store.zone()),
                    "return_affected_field_values", channel.returnAffectedFieldValues(),
                    "notify_on_related_action", channel.notifyOnRelatedAction()));
        }
        return out;
    }

    @Override
    public synchronized void reset(boolean all) {
        if (all) {
            channels.clear();
        }
    }

    // ---------------------------------------------------------------- callbacks

    /** Raises the callbacks of one API call's changes (one callback per channel and operation, all ids in it). */
    public void publish(List<CrmStore.Change> changes) {
        List<Channel> live;
        synchronized (this) {
            live = channels.values().stream().filter(this::isLive).toList();
        }
        for (CrmStore.Change change : changes) {
            for (Channel channel : live) {
                if (matches(channel, change.module(), change.operation())) {
                    List<String> ids = selectedIds(channel, change);
                    if (!ids.isEmpty()) {
                        deliver(channel, change, ids);
                    }
                }
            }
        }
    }

    private void deliver(Channel channel, CrmStore.Change change, List<String> ids) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server_time", clock.nowMillis());
        if (channel.returnAffectedFieldValues() && "update".equals(change.operation())) {
            List<Map<String, Object>> values = new ArrayList<>();
            ids.forEach(id -> values.add(Json.obj("record_id", id, "values", change.affectedValues().get(id))));
            body.put("affected_values", values);
        }
        body.put("query_params", queryParams(channel.notifyUrl()));
        body.put("module", change.module());
        body.put("resource_uri", server.baseUrl() + "/crm/" + config.resourceUriVersion() + "/" + change.module());
        body.put("ids", ids);
        List<Map<String, Object>> affected = new ArrayList<>();
        if ("update".equals(change.operation())) {
            ids.forEach(id -> affected.add(Json.obj(id, change.affectedFields().getOrDefault(id, List.of()))));
        }
        body.put("affected_fields", affected);
        body.put("operation", "delete".equals(change.operation()) ? config.deleteOperation() : change.operation());
        body.put("channel_id", channel.channelId());
        if (channel.token() != null) {
            body.put("token", channel.token());
        }
        byte[] bytes = json.write(body);
        dispatcher.send(Product.CRM, change.module() + "." + change.operation(),
                attempt -> new WebhookDispatcher.Outbound(channel.notifyUrl(),
                        Map.of("Content-Type", "application/json"), bytes),
                dispatcher.defaultTimeout(), status -> { });
    }

    private static boolean matches(Channel channel, String module, String operation) {
        String verb = switch (operation) {
            case "insert" -> "create";
            case "update" -> "edit";
            default -> "delete";
        };
        return channel.events().contains(module + "." + verb) || channel.events().contains(module + ".all");
    }

    /** With a field_selection condition (v6+), an update notifies only for records whose changed fields match it. */
    private static List<String> selectedIds(Channel channel, CrmStore.Change change) {
        if (!"update".equals(change.operation()) || channel.notificationCondition() == null) {
            return change.ids();
        }
        for (Object condition : channel.notificationCondition()) {
            if (condition instanceof Map<?, ?> c && c.get("module") instanceof Map<?, ?> module
                    && change.module().equals(module.get("api_name"))
                    && c.get("field_selection") instanceof Map<?, ?> selection
                    && selection.get("group") instanceof List<?> group) {
                List<String> fields = group.stream()
                        .filter(g -> g instanceof Map<?, ?> m && m.get("field") instanceof Map<?, ?>)
                        .map(g -> String.valueOf(((Map<?, ?>) ((Map<?, ?>) g).get("field")).get("api_name")))
                        .toList();
                boolean all = "and".equalsIgnoreCase(String.valueOf(selection.get("group_operator")));
                return change.ids().stream().filter(id -> {
                    List<String> changed = change.affectedFields().getOrDefault(id, List.of());
                    return all ? changed.containsAll(fields) : fields.stream().anyMatch(changed::contains);
                }).toList();
            }
        }
        return change.ids();
    }

    private Map<String, Object> success(String message, Channel channel) {
        List<Map<String, Object>> events = new ArrayList<>();
        Set<String> modules = new LinkedHashSet<>();
        channel.events().forEach(e -> modules.add(e.substring(0, e.indexOf('.'))));
        for (String module : modules) {
            events.add(Json.obj("channel_expiry", Times.crm(channel.expiry(), store.zone()),
                    "resource_uri", server.baseUrl() + "/crm/" + config.resourceUriVersion() + "/" + module,
                    "resource_id", CrmModule.of(module).map(CrmModule::moduleId).orElse(null),
                    "resource_name", module, "channel_id", channel.channelId()));
        }
        return Json.obj("code", "SUCCESS", "details", Json.obj("events", events), "message", message,
                "status", "success");
    }

    private static Map<String, Object> checkEvents(List<?> events, String path) {
        for (Object event : events) {
            String text = String.valueOf(event);
            int dot = text.indexOf('.');
            String verb = dot < 0 ? "" : text.substring(dot + 1);
            if (dot < 0 || CrmModule.of(text.substring(0, dot)).isEmpty()
                    || !List.of("create", "edit", "delete", "all").contains(verb)) {
                return CrmErrors.invalid("events", path + ".events", null);
            }
        }
        return null;
    }

    private static Map<String, Object> checkUrl(String url, String path) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return CrmErrors.invalid("notify_url", path + ".notify_url", null);
        }
        return CrmErrors.invalid("notify_url", path + ".notify_url", null);
    }

    private static Map<String, Object> checkToken(Object token, String path) {
        if (token != null && (!(token instanceof String s) || s.length() > MAX_TOKEN_LENGTH)) {
            return CrmErrors.invalid("token", path + ".token", null);
        }
        return null;
    }

    /** Omitted or more than a week ahead → one hour from now (§4.2); millis or a past time are invalid. */
    private Instant expiry(Object value) {
        Instant now = clock.now();
        Instant fallback = now.plusSeconds(config.channelDefaultExpirySeconds());
        if (value == null) {
            return fallback;
        }
        String text = String.valueOf(value);
        if (text.contains(".")) {
            throw new IllegalArgumentException("channel_expiry must not carry milliseconds");
        }
        Instant requested;
        try {
            requested = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (!requested.isAfter(now)) {
            throw new IllegalArgumentException("channel_expiry is in the past");
        }
        return requested.isAfter(now.plusSeconds(config.channelMaxExpirySeconds())) ? fallback : requested;
    }

    private Channel live(String channelId) {
        Channel channel = channels.get(channelId);
        if (channel != null && !isLive(channel)) {
            channels.remove(channelId);
            return null;
        }
        return channel;
    }

    private boolean isLive(Channel channel) {
        return clock.now().isBefore(channel.expiry());
    }

    static Map<String, Object> queryParams(String url) {
        Map<String, Object> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }
}
