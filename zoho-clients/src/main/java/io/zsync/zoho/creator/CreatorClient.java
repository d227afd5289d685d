package io.zsync.zoho.creator;

import io.micronaut.http.HttpResponse;
import io.zsync.zoho.budget.CallCost;
import io.zsync.zoho.config.ZohoOrgProperties;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.error.ZohoNotFoundException;
import io.zsync.zoho.http.ZohoCallExecutor;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zoho Creator v2.1 records of the org's configured owner and app: read by id and update fields (the order
 * status and ids written back by the creator flow). A code other than 3000 is an error even on 2xx.
 */
@Singleton
public class CreatorClient {
    private final CreatorApi api;
    private final CreatorErrorMapper errors;
    private final ZohoCallExecutor executor;
    private final ZohoOrgRegistry orgs;

    public CreatorClient(CreatorApi api, CreatorErrorMapper errors, ZohoCallExecutor executor, ZohoOrgRegistry orgs) {
        this.api = api;
        this.errors = errors;
        this.executor = executor;
        this.orgs = orgs;
    }

    /** A record of a report by {@code ID}, or empty when Creator does not know it. */
    public Optional<CreatorRecord> getRecord(String org, String report, String recordId) {
        try {
            CreatorEnvelope env = call(org, () -> api.getRecord(org, owner(org), app(org), report, recordId));
            return Optional.ofNullable(env.data()).map(CreatorRecord::new);
        } catch (ZohoNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Updates fields of a record and returns its {@code ID}. Workflows run unless {@code skipWorkflows} names
     * them ({@code form_workflow}, {@code schedules}; v2.1 key [U]), which stops write-backs from echoing.
     */
    public String updateRecord(String org, String report, String recordId, Map<String, Object> fields,
                               List<String> skipWorkflows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", fields);
        body.put("result", Map.of("fields", List.copyOf(fields.keySet()), "message", true, "tasks", true));
        if (!skipWorkflows.isEmpty()) {
            body.put("skip_workflow", List.copyOf(skipWorkflows));
        }
        CreatorEnvelope env = call(org, () -> api.updateRecord(org, owner(org), app(org), report, recordId, body));
        Object id = env.data() == null ? null : env.data().get("ID");
        return id == null ? recordId : String.valueOf(id);
    }

    private CreatorEnvelope call(String org, java.util.function.Supplier<HttpResponse<CreatorEnvelope>> call) {
        HttpResponse<CreatorEnvelope> r = executor.execute(org, errors, CallCost.ONE, call);
        CreatorEnvelope env = r.getBody().orElse(new CreatorEnvelope(CreatorEnvelope.SUCCESS, null, null));
        if (env.code() != null && env.code() != CreatorEnvelope.SUCCESS) {
            throw errors.mapNonSuccess(org, r.code(), env.code(), env.message());
        }
        return env;
    }

    private String owner(String org) {
        ZohoOrgProperties p = orgs.org(org).properties();
        return required(p.creatorOwner(), org, "creator-owner");
    }

    private String app(String org) {
        return required(orgs.org(org).properties().creatorApp(), org, "creator-app");
    }

    private static String required(String value, String org, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("zsync.zoho.orgs." + org + "." + key + " is not set");
        }
        return value;
    }
}
