package io.zsync.sandbox.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.zsync.sandbox.books.BooksStore;
import io.zsync.sandbox.books.BooksConfig;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.creator.CreatorStore;
import io.zsync.sandbox.crm.CrmModule;
import io.zsync.sandbox.crm.CrmNotifications;
import io.zsync.sandbox.crm.CrmStore;
import io.zsync.sandbox.desk.DeskConfig;
import io.zsync.sandbox.desk.DeskWebhooks;
import io.zsync.sandbox.hubspot.HubSpotStore;
import io.zsync.sandbox.hubspot.HubSpotWebhooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Admin actions that stand for things done outside the APIs: webhook subscriptions for products without
 * a public subscribe API in this sandbox (HubSpot app settings, Creator Deluge scripts, Desk UI), a
 * customer submitting a Creator order, a person editing a contact in the HubSpot UI, and silent seeding.
 */
@Controller("/_sandbox")
public class AdminProductsController {

    private static final HubSpotStore.Source HUBSPOT_USER = new HubSpotStore.Source("CRM_UI", "userId:45678");

    private final DeskWebhooks desk;
    private final DeskConfig deskConfig;
    private final HubSpotWebhooks hubspotWebhooks;
    private final HubSpotStore hubspot;
    private final CreatorStore creator;
    private final CrmNotifications crmNotifications;
    private final CrmStore crm;
    private final BooksStore books;
    private final BooksConfig booksConfig;
    private final Json json;

    public AdminProductsController(DeskWebhooks desk, DeskConfig deskConfig, HubSpotWebhooks hubspotWebhooks,
                                   HubSpotStore hubspot, CreatorStore creator, CrmNotifications crmNotifications,
                                   CrmStore crm, BooksStore books, BooksConfig booksConfig, Json json) {
        this.desk = desk;
        this.deskConfig = deskConfig;
        this.hubspotWebhooks = hubspotWebhooks;
        this.hubspot = hubspot;
        this.creator = creator;
        this.crmNotifications = crmNotifications;
        this.crm = crm;
        this.books = books;
        this.booksConfig = booksConfig;
        this.json = json;
    }

    // ---------------------------------------------------------------- webhook subscriptions

    @Post("/webhooks/desk")
    HttpResponse<Map<String, Object>> subscribeDesk(@Nullable @Body byte[] body) {
        Map<String, Object> request = json.parseObject(body);
        String url = required(request, "url");
        String orgId = request.get("orgId") == null ? deskConfig.orgs().get(0) : String.valueOf(request.get("orgId"));
        var subscription = desk.subscribe(url, orgId, strings(request.get("events")),
                !Boolean.FALSE.equals(request.get("includePrevState")), AdminController.text(request, "name"));
        return HttpResponse.created(subscription.toJson());
    }

    @Post("/webhooks/hubspot")
    HttpResponse<Map<String, Object>> subscribeHubSpot(@Nullable @Body byte[] body) {
        Map<String, Object> request = json.parseObject(body);
        Number portalId = AdminController.number(request, "portalId", null);
        Number appId = AdminController.number(request, "appId", null);
        var subscription = hubspotWebhooks.subscribe(required(request, "url"), required(request, "clientSecret"),
                portalId == null ? null : portalId.longValue(), appId == null ? null : appId.longValue(),
                strings(request.get("subscriptionTypes")), strings(request.get("propertyNames")));
        return HttpResponse.created(subscription.toJson());
    }

    @Post("/webhooks/creator")
    HttpResponse<Map<String, Object>> subscribeCreator(@Nullable @Body byte[] body) {
        Map<String, Object> request = json.parseObject(body);
        var subscription = creator.subscribe(required(request, "url"), AdminController.text(request, "headerName"),
                AdminController.text(request, "secret"));
        return HttpResponse.created(subscription.toJson());
    }

    @Get("/webhooks")
    Map<String, Object> subscriptions() {
        return Json.obj("crm", crmNotifications.list(null, null),
                "desk", desk.list(null).stream().map(s -> Json.obj("id", s.id(), "url", s.url(), "orgId", s.orgId(),
                        "events", s.events(), "includePrevState", s.includePrevState())).toList(),
                "hubspot", hubspotWebhooks.list().stream().map(s -> Json.obj("id", s.id(), "url", s.url(),
                        "portalId", s.portalId(), "appId", s.appId(), "subscriptionIds", s.subscriptionIds())).toList(),
                "creator", creator.subscriptions().stream().map(s -> Json.obj("id", s.id(), "url", s.url(),
                        "headerName", s.headerName())).toList());
    }

    @Delete("/webhooks/{product}/{id}")
    HttpResponse<?> unsubscribe(@PathVariable String product, @PathVariable String id) {
        boolean removed = switch (product) {
            case "desk" -> desk.unsubscribe(id);
            case "hubspot" -> hubspotWebhooks.unsubscribe(id);
            case "creator" -> creator.unsubscribe(id);
            case "crm" -> "SUCCESS".equals(crmNotifications.disable(id).get("code"));
            default -> throw new AdminException("product must be crm, desk, hubspot or creator");
        };
        return removed ? HttpResponse.noContent() : HttpResponse.notFound(Json.obj("error", "no such subscription"));
    }

    // ---------------------------------------------------------------- simulated people

    /** A customer submits an order in the Creator app: the record is added and the order webhook fires. */
    @Post("/creator/orders")
    HttpResponse<Map<String, Object>> submitOrder(@Nullable @Body byte[] body) {
        Map<String, Object> record = creator.add(json.parseObject(body));
        return HttpResponse.created(Json.obj("ID", record.get("ID"), "record", record));
    }

    /** A person creates a contact in the HubSpot UI (changeSource CRM_UI). */
    @Post("/hubspot/contacts")
    HttpResponse<Map<String, Object>> userCreate(@Nullable @Body byte[] body) {
        var contact = hubspot.create(properties(body), HUBSPOT_USER);
        return HttpResponse.created(hubspot.renderAll(contact));
    }

    /** A person edits a contact in the HubSpot UI. */
    @Patch("/hubspot/contacts/{id}")
    Map<String, Object> userEdit(@PathVariable String id, @Nullable @Body byte[] body) {
        return hubspot.renderAll(hubspot.update(id, properties(body), HUBSPOT_USER));
    }

    /** A person deletes a contact in the HubSpot UI. */
    @Delete("/hubspot/contacts/{id}")
    HttpResponse<?> userDelete(@PathVariable String id) {
        hubspot.archive(id, HUBSPOT_USER);
        return HttpResponse.noContent();
    }

    /**
     * Pre-existing data, written without notifications: {"crm":{"Contacts":[…]},"books":{"contacts":[…],"items":[…]}}.
     * Answers the created ids per product and module, or each record's error.
     */
    @Post("/seed")
    HttpResponse<Map<String, Object>> seed(@Nullable @Body byte[] body) {
        Map<String, Object> request = json.parseObject(body);
        Map<String, Object> result = new LinkedHashMap<>();
        if (request.get("crm") instanceof Map<?, ?> modules) {
            Map<String, Object> crmResult = new LinkedHashMap<>();
            modules.forEach((name, data) -> {
                CrmModule module = CrmModule.of(String.valueOf(name))
                        .orElseThrow(() -> new AdminException("unknown CRM module " + name));
                if (!(data instanceof List<?> list)) {
                    throw new AdminException("crm." + name + " must be an array");
                }
                crmResult.put(String.valueOf(name), crm.insert(module, list).data());
            });
            result.put("crm", crmResult);
        }
        if (request.get("books") instanceof Map<?, ?> booksSeed) {
            String org = booksSeed.get("organizationId") == null ? booksConfig.organizations().get(0)
                    : String.valueOf(booksSeed.get("organizationId"));
            Map<String, Object> booksResult = new LinkedHashMap<>();
            booksResult.put("contacts", seedEach(booksSeed.get("contacts"), c -> books.createContact(org, c)));
            booksResult.put("items", seedEach(booksSeed.get("items"), i -> books.createItem(org, i)));
            result.put("books", booksResult);
        }
        return HttpResponse.created(result);
    }

    @Error(exception = AdminException.class)
    HttpResponse<?> adminError(AdminException e) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(Json.obj("error", e.getMessage()));
    }

    @Error(exception = Json.MalformedJsonException.class)
    HttpResponse<?> malformed(Json.MalformedJsonException e) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(Json.obj("error", "body must be a JSON object"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> seedEach(Object entries, java.util.function.Function<Map<String, Object>, Map<String, Object>> create) {
        List<Object> out = new ArrayList<>();
        if (entries instanceof List<?> list) {
            list.forEach(entry -> out.add(create.apply((Map<String, Object>) entry)));
        }
        return out;
    }

    private Map<String, Object> properties(byte[] body) {
        Map<String, Object> request = json.parseObject(body);
        if (!(request.get("properties") instanceof Map<?, ?> properties)) {
            throw new AdminException("properties must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) properties;
        return typed;
    }

    private static String required(Map<String, Object> request, String key) {
        String value = AdminController.text(request, key);
        if (value == null || value.isBlank()) {
            throw new AdminException(key + " is required");
        }
        return value;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : null;
    }
}
