package io.zsync.sandbox.desk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.zsync.sandbox.core.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Zoho Desk v1 over HTTP (§6): the {@code orgId} header on every call, errors as
 * {errorCode, message, errors[{fieldName:"/x", errorType}]}, lists and searches as {"data":[…]} paged by
 * {@code from}/{@code limit}, and webhook subscriptions ({@code /webhooks}).
 */
@Controller("/api/v1")
public class DeskController {

    private static final int MAX_LIMIT = 100;
    private static final int DEFAULT_LIMIT = 50;

    private final DeskStore store;
    private final DeskWebhooks webhooks;
    private final DeskConfig config;
    private final Json json;

    public DeskController(DeskStore store, DeskWebhooks webhooks, DeskConfig config, Json json) {
        this.store = store;
        this.webhooks = webhooks;
        this.config = config;
        this.json = json;
    }

    @Get("/organizations")
    Map<String, Object> organizations() {
        List<Map<String, Object>> orgs = new ArrayList<>();
        config.orgs().forEach(id -> orgs.add(Json.obj("id", id, "companyName", "Sandbox Desk " + id,
                "portalName", config.portalName(), "isDefault", orgs.isEmpty())));
        return Json.obj("data", orgs);
    }

    @Get("/departments")
    Map<String, Object> departments(HttpRequest<?> request) {
        org(request);
        List<Map<String, Object>> departments = new ArrayList<>();
        config.departments().forEach(id -> departments.add(Json.obj("id", id, "name", "Department " + id, "isEnabled", true)));
        return Json.obj("data", departments);
    }

    // ---------------------------------------------------------------- contacts

    @Post(uri = "/contacts", consumes = MediaType.ALL)
    HttpResponse<?> createContact(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String org = org(request);
        return HttpResponse.status(HttpStatus.valueOf(config.createStatus())).body(store.createContact(org, body(body)));
    }

    @Get("/contacts/{id}")
    Map<String, Object> contact(HttpRequest<?> request, @PathVariable String id) {
        return store.contact(org(request), id);
    }

    @Patch(uri = "/contacts/{id}", consumes = MediaType.ALL)
    Map<String, Object> updateContact(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        String org = org(request);
        return store.updateContact(org, id, body(body));
    }

    @Get("/contacts")
    HttpResponse<?> contacts(HttpRequest<?> request) {
        return list(request, store.contacts(org(request), c -> true), false);
    }

    @Get("/contacts/search")
    HttpResponse<?> searchContacts(HttpRequest<?> request) {
        String org = org(request);
        var params = request.getParameters();
        String email = params.get("email");
        String phone = params.get("phone");
        String searchStr = params.get("searchStr");
        Predicate<Map<String, Object>> filter = c -> (email == null || equalsIgnoreCase(c.get("email"), email)
                || equalsIgnoreCase(c.get("secondaryEmail"), email))
                && (phone == null || DeskStore.same(c.get("phone"), phone) || DeskStore.same(c.get("mobile"), phone))
                && (searchStr == null || contains(c.get("firstName"), searchStr) || contains(c.get("lastName"), searchStr)
                || contains(c.get("email"), searchStr) || contains(c.get("phone"), searchStr));
        return list(request, store.contacts(org, filter), true);
    }

    // ---------------------------------------------------------------- tickets

    @Post(uri = "/tickets", consumes = MediaType.ALL)
    HttpResponse<?> createTicket(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String org = org(request);
        return HttpResponse.status(HttpStatus.valueOf(config.createStatus())).body(store.createTicket(org, body(body)));
    }

    @Get("/tickets/{id}")
    Map<String, Object> ticket(HttpRequest<?> request, @PathVariable String id) {
        return store.ticket(org(request), id);
    }

    @Patch(uri = "/tickets/{id}", consumes = MediaType.ALL)
    Map<String, Object> updateTicket(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        String org = org(request);
        return store.updateTicket(org, id, body(body));
    }

    @Get("/tickets")
    HttpResponse<?> tickets(HttpRequest<?> request) {
        String org = org(request);
        var params = request.getParameters();
        String departmentId = params.get("departmentId");
        String status = params.get("status");
        return list(request, store.tickets(org, t -> (departmentId == null || DeskStore.same(t.get("departmentId"), departmentId))
                && (status == null || List.of(status.split(",")).stream().anyMatch(s -> s.equalsIgnoreCase(String.valueOf(t.get("status")))))), false);
    }

    @Get("/tickets/search")
    HttpResponse<?> searchTickets(HttpRequest<?> request) {
        String org = org(request);
        var params = request.getParameters();
        Predicate<Map<String, Object>> filter = t -> true;
        for (String field : List.of("id", "ticketNumber", "departmentId", "contactId", "status", "priority", "category",
                "channel", "email", "phone")) {
            String wanted = params.get(field);
            if (wanted != null) {
                filter = filter.and(t -> equalsIgnoreCase(t.get(field), wanted));
            }
        }
        String subject = params.get("subject");
        if (subject != null) {
            filter = filter.and(t -> contains(t.get("subject"), subject.replace("*", "")));
        }
        String customField = params.get("customField1");
        if (customField != null && customField.contains(":")) {
            String name = customField.substring(0, customField.indexOf(':'));
            String value = customField.substring(customField.indexOf(':') + 1);
            filter = filter.and(t -> t.get("cf") instanceof Map<?, ?> cf && equalsIgnoreCase(cf.get(name), value));
        }
        filter = filter.and(timeRange(params.get("modifiedTimeRange"), "modifiedTime"))
                .and(timeRange(params.get("createdTimeRange"), "createdTime"));
        return list(request, store.tickets(org, filter), true);
    }

    // ---------------------------------------------------------------- webhooks

    @Post(uri = "/webhooks", consumes = MediaType.ALL)
    HttpResponse<?> subscribe(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String org = org(request);
        Map<String, Object> input = body(body);
        if (DeskStore.blank(input.get("url"))) {
            throw new DeskException(config.validationStatus(), "INVALID_DATA", DeskException.VALIDATION_MESSAGE,
                    List.of(DeskException.field("url", config.missingErrorType())));
        }
        List<String> events = new ArrayList<>();
        boolean prevState = false;
        if (input.get("subscriptions") instanceof Map<?, ?> subscriptions) {
            for (Map.Entry<?, ?> entry : subscriptions.entrySet()) {
                events.add(String.valueOf(entry.getKey()));
                if (entry.getValue() instanceof Map<?, ?> options && Boolean.TRUE.equals(options.get("includePrevState"))) {
                    prevState = true;
                }
            }
        }
        var subscription = webhooks.subscribe(String.valueOf(input.get("url")), org, events, prevState,
                input.get("name") == null ? null : String.valueOf(input.get("name")));
        return HttpResponse.status(HttpStatus.valueOf(config.createStatus())).body(subscription.toJson());
    }

    @Get("/webhooks")
    Map<String, Object> webhooks(HttpRequest<?> request) {
        return Json.obj("data", webhooks.list(org(request)).stream().map(DeskWebhooks.Subscription::toJson).toList());
    }

    @Get("/webhooks/{id}")
    Map<String, Object> webhook(HttpRequest<?> request, @PathVariable String id) {
        String org = org(request);
        var subscription = webhooks.get(id);
        if (subscription == null || !subscription.orgId().equals(org)) {
            throw new DeskException(404, "URL_NOT_FOUND", "The requested resource does not exist.", null);
        }
        return subscription.toJson();
    }

    @Delete("/webhooks/{id}")
    HttpResponse<?> unsubscribe(HttpRequest<?> request, @PathVariable String id) {
        org(request);
        if (!webhooks.unsubscribe(id)) {
            throw new DeskException(404, "URL_NOT_FOUND", "The requested resource does not exist.", null);
        }
        return HttpResponse.noContent();
    }

    // ---------------------------------------------------------------- errors

    @Error(exception = DeskException.class)
    HttpResponse<?> deskError(DeskException e) {
        return HttpResponse.status(HttpStatus.valueOf(e.status())).body(e.body());
    }

    @Error(exception = Json.MalformedJsonException.class)
    HttpResponse<?> malformed(Json.MalformedJsonException e) {
        return HttpResponse.status(HttpStatus.valueOf(config.validationStatus())).body(Json.obj(
                "errorCode", "INVALID_DATA", "message", "The request body is not valid JSON."));
    }

    // ---------------------------------------------------------------- helpers

    /** The orgId header is mandatory and must be an org the token may address (§6.1). */
    private String org(HttpRequest<?> request) {
        String org = request.getHeaders().get("orgId");
        if (org == null || org.isBlank()) {
            throw new DeskException(400, "INVALID_DATA", "The orgId header is missing.",
                    List.of(DeskException.field("orgId", config.missingErrorType())));
        }
        if (!store.isOrg(org)) {
            throw new DeskException(400, "OAUTH_ORG_MISMATCH", "The OAuth token does not belong to the orgId given.", null);
        }
        return org;
    }

    private Map<String, Object> body(byte[] body) {
        if (body == null || body.length == 0) {
            throw new Json.MalformedJsonException("empty body");
        }
        return json.parseObject(body);
    }

    private HttpResponse<?> list(HttpRequest<?> request, List<Map<String, Object>> records, boolean withCount) {
        var params = request.getParameters();
        List<Map<String, Object>> sorted = new ArrayList<>(records);
        String sortBy = params.get("sortBy");
        if (sortBy != null) {
            boolean descending = sortBy.startsWith("-");
            String field = descending ? sortBy.substring(1) : sortBy;
            Comparator<Map<String, Object>> comparator = Comparator.comparing(r -> String.valueOf(r.get(field)));
            if ("ticketNumber".equals(field)) {
                comparator = Comparator.comparingLong(r -> Long.parseLong(String.valueOf(r.get(field))));
            }
            sorted.sort(descending ? comparator.reversed() : comparator);
        }
        int from = intParam(params.get("from"), config.fromBase()) - config.fromBase();
        int limit = intParam(params.get("limit"), DEFAULT_LIMIT);
        if (from < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new DeskException(config.validationStatus(), "INVALID_DATA", DeskException.VALIDATION_MESSAGE,
                    List.of(DeskException.field(from < 0 ? "from" : "limit", "invalid")));
        }
        List<Map<String, Object>> page = sorted.subList(Math.min(from, sorted.size()), Math.min(from + limit, sorted.size()));
        if (page.isEmpty() && config.emptyListStatus() == 204) {
            return HttpResponse.noContent();
        }
        Map<String, Object> body = Json.obj("data", page);
        if (withCount) {
            body.put("count", sorted.size());
        }
        return HttpResponse.ok(body);
    }

    private Predicate<Map<String, Object>> timeRange(String range, String field) {
        if (range == null || !range.contains(",")) {
            return r -> true;
        }
        Instant from = store.parseTime(range.substring(0, range.indexOf(',')).trim(), field + "Range");
        Instant to = store.parseTime(range.substring(range.indexOf(',') + 1).trim(), field + "Range");
        return r -> {
            Instant value = Instant.parse(String.valueOf(r.get(field)));
            return !value.isBefore(from) && !value.isAfter(to);
        };
    }

    private int intParam(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new DeskException(config.validationStatus(), "INVALID_DATA", DeskException.VALIDATION_MESSAGE,
                    List.of(DeskException.field("limit", "invalid")));
        }
    }

    private static boolean equalsIgnoreCase(Object value, String wanted) {
        return value != null && String.valueOf(value).equalsIgnoreCase(wanted);
    }

    private static boolean contains(Object value, String needle) {
        return value != null && String.valueOf(value).toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
