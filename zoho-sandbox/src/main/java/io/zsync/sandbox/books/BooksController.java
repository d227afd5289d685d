package io.zsync.sandbox.books;

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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.zsync.sandbox.core.Json;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zoho Books v3 over HTTP (§5): {@code organization_id} on every call, {"code":0,"message",…} envelopes,
 * lists with {@code page_context} (an empty list, never 404), JSON bodies only (form data is code 1038).
 */
@Controller("/books/v3")
public class BooksController {

    private static final int MAX_PER_PAGE = 200;

    private final BooksStore store;
    private final BooksConfig config;
    private final Json json;

    public BooksController(BooksStore store, BooksConfig config, Json json) {
        this.store = store;
        this.config = config;
        this.json = json;
    }

    @Get("/organizations")
    Map<String, Object> organizations() {
        List<Map<String, Object>> orgs = new ArrayList<>();
        config.organizations().forEach(id -> orgs.add(Json.obj("organization_id", id, "name", "Sandbox org " + id,
                "currency_code", config.currencyCode(), "is_default_org", orgs.isEmpty())));
        return ok("success", "organizations", orgs);
    }

    // ---------------------------------------------------------------- contacts

    @Get("/contacts")
    Map<String, Object> contacts(HttpRequest<?> request) {
        String org = org(request);
        return page(store.contacts(org, filters(request)), request, "contacts", "contact_name");
    }

    @Post(uri = "/contacts", consumes = MediaType.ALL)
    HttpResponse<?> createContact(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String org = org(request);
        return HttpResponse.created(ok("The contact has been added.", "contact", store.createContact(org, body(request, body))));
    }

    @Get("/contacts/{id}")
    Map<String, Object> contact(HttpRequest<?> request, @PathVariable String id) {
        return ok("success", "contact", store.contact(org(request), id));
    }

    @Put(uri = "/contacts/{id}", consumes = MediaType.ALL)
    Map<String, Object> updateContact(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        String org = org(request);
        return ok("Contact information has been saved.", "contact", store.updateContact(org, id, body(request, body)));
    }

    @Delete("/contacts/{id}")
    Map<String, Object> deleteContact(HttpRequest<?> request, @PathVariable String id) {
        store.deleteContact(org(request), id);
        return Json.obj("code", 0, "message", "The contact has been deleted.");
    }

    // ---------------------------------------------------------------- items

    @Get("/items")
    Map<String, Object> items(HttpRequest<?> request) {
        return page(store.items(org(request), filters(request)), request, "items", "name");
    }

    @Post(uri = "/items", consumes = MediaType.ALL)
    HttpResponse<?> createItem(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String org = org(request);
        return HttpResponse.created(ok("The item has been added.", "item", store.createItem(org, body(request, body))));
    }

    @Get("/items/{id}")
    Map<String, Object> item(HttpRequest<?> request, @PathVariable String id) {
        return ok("success", "item", store.item(org(request), id));
    }

    @Put(uri = "/items/{id}", consumes = MediaType.ALL)
    Map<String, Object> updateItem(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        String org = org(request);
        return ok("Item details have been saved.", "item", store.updateItem(org, id, body(request, body)));
    }

    // ---------------------------------------------------------------- invoices

    @Get("/invoices")
    Map<String, Object> invoices(HttpRequest<?> request) {
        return page(store.invoices(org(request), filters(request)), request, "invoices", "created_time");
    }

    @Post(uri = "/invoices", consumes = MediaType.ALL)
    HttpResponse<?> createInvoice(HttpRequest<?> request, @Nullable @Body byte[] body,
                                  @Nullable @QueryValue("ignore_auto_number_generation") Boolean ignoreAutoNumber,
                                  @Nullable @QueryValue Boolean send) {
        String org = org(request);
        Map<String, Object> invoice = store.createInvoice(org, body(request, body), Boolean.TRUE.equals(ignoreAutoNumber),
                Boolean.TRUE.equals(send));
        return HttpResponse.created(ok("The invoice has been created.", "invoice", invoice));
    }

    @Get("/invoices/{id}")
    Map<String, Object> invoice(HttpRequest<?> request, @PathVariable String id) {
        return ok("success", "invoice", store.invoice(org(request), id));
    }

    // ---------------------------------------------------------------- errors

    @Error(exception = BooksException.class)
    HttpResponse<?> booksError(BooksException e) {
        return HttpResponse.status(HttpStatus.valueOf(e.status())).body(e.body());
    }

    @Error(exception = Json.MalformedJsonException.class)
    HttpResponse<?> malformed(Json.MalformedJsonException e) {
        return HttpResponse.badRequest(Json.obj("code", 1038, "message", "JSON is not well formed"));
    }

    // ---------------------------------------------------------------- helpers

    /** organization_id is mandatory (§5.1); the finance header form is accepted too [U]. */
    private String org(HttpRequest<?> request) {
        String org = request.getParameters().get("organization_id");
        if (org == null) {
            org = request.getHeaders().get("X-com-zoho-books-organizationid");
        }
        if (org == null || org.isBlank()) {
            throw new BooksException(400, config.invalidOrgCode(), "organization_id is required");
        }
        if (!store.isOrganization(org)) {
            throw new BooksException(400, config.invalidOrgCode(),
                    "This user is not associated with the CompanyID/CompanyName:" + org + ".");
        }
        return org;
    }

    /** A JSON object body; form data is rejected with 1038 unless it carries a JSONString field [U]. */
    private Map<String, Object> body(HttpRequest<?> request, byte[] body) {
        boolean form = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        if (form) {
            Map<String, String> fields = formFields(body);
            if (config.acceptJsonString() && fields.containsKey("JSONString")) {
                return json.parseObject(fields.get("JSONString").getBytes(StandardCharsets.UTF_8));
            }
            throw new Json.MalformedJsonException("form data instead of JSON");
        }
        if (body == null || body.length == 0) {
            throw new Json.MalformedJsonException("empty body");
        }
        return json.parseObject(body);
    }

    private static Map<String, String> formFields(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null) {
            return fields;
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static Map<String, String> filters(HttpRequest<?> request) {
        Map<String, String> filters = new HashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                filters.put(name, values.get(0));
            }
        });
        return filters;
    }

    private Map<String, Object> page(List<Map<String, Object>> all, HttpRequest<?> request, String key, String sortColumn) {
        int page = Math.max(1, intParam(request, "page", 1));
        int perPage = Math.min(MAX_PER_PAGE, Math.max(1, intParam(request, "per_page", MAX_PER_PAGE)));
        int from = Math.min((page - 1) * perPage, all.size());
        int to = Math.min(from + perPage, all.size());
        Map<String, Object> body = ok("success", key, all.subList(from, to));
        body.put("page_context", Json.obj("page", page, "per_page", perPage, "has_more_page", to < all.size(),
                "report_name", Character.toUpperCase(key.charAt(0)) + key.substring(1),
                "applied_filter", request.getParameters().get("filter_by", String.class, "Status.All"),
                "sort_column", request.getParameters().get("sort_column", String.class, sortColumn),
                "sort_order", request.getParameters().get("sort_order", String.class, "A")));
        return body;
    }

    private static int intParam(HttpRequest<?> request, String name, int fallback) {
        String value = request.getParameters().get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BooksException(400, 2, "Invalid value passed for " + name);
        }
    }

    private Map<String, Object> ok(String message, String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("message", message);
        body.put(key, config.idsAsStrings() ? value : numericIds(value));
        return body;
    }

    /** Doc samples show Books ids as bare numbers; with ids-as-strings off, every *_id becomes one. */
    @SuppressWarnings("unchecked")
    private static Object numericIds(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, k.endsWith("_id") && v instanceof String s
                    && s.matches("\\d{1,18}") ? (Object) Long.parseLong(s) : numericIds(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(BooksController::numericIds).toList();
        }
        return value;
    }
}
