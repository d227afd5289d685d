package io.zsync.zoho.hubspot;

import io.micronaut.http.HttpResponse;
import io.zsync.zoho.budget.CallCost;
import io.zsync.zoho.error.ZohoNotFoundException;
import io.zsync.zoho.http.ZohoCallExecutor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot contacts for the external-sync flows, per configured portal ({@code zsync.hubspot.accounts.<name>}):
 * the e-mail is HubSpot's de-duplication key, so a create of a known e-mail fails with a duplicate error that
 * names the existing id. Searches count against HubSpot's separate search limit and may lag writes.
 */
@Singleton
public class HubSpotClient {
    /** Properties read by default: HubSpot's own default search properties plus phone. */
    public static final List<String> DEFAULT_PROPERTIES =
            List.of("email", "firstname", "lastname", "phone", "hs_object_id", "lastmodifieddate", "createdate");

    private final HubSpotApi api;
    private final HubSpotErrorMapper errors;
    private final ZohoCallExecutor executor;

    public HubSpotClient(HubSpotApi api, HubSpotErrorMapper errors, ZohoCallExecutor executor) {
        this.api = api;
        this.errors = errors;
        this.executor = executor;
    }

    /** A contact by id, or empty when unknown (or archived). */
    public Optional<HubSpotContact> get(String account, String contactId) {
        return get(account, contactId, DEFAULT_PROPERTIES);
    }

    public Optional<HubSpotContact> get(String account, String contactId, List<String> properties) {
        try {
            return executor.execute(account, errors, CallCost.ONE,
                    () -> api.get(account, contactId, String.join(",", properties), null)).getBody();
        } catch (ZohoNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Creates a contact; a known e-mail raises {@code ZohoDuplicateException} whose duplicateId is the existing contact. */
    public HubSpotContact create(String account, Map<String, String> properties) {
        return body(executor.execute(account, errors, CallCost.ONE,
                () -> api.create(account, Map.of("properties", properties))));
    }

    /** Updates properties; an empty string clears a value. */
    public HubSpotContact update(String account, String contactId, Map<String, String> properties) {
        return body(executor.execute(account, errors, CallCost.ONE,
                () -> api.update(account, contactId, Map.of("properties", properties))));
    }

    /** Archives (deletes) a contact; an unknown id counts as already gone. */
    public void delete(String account, String contactId) {
        try {
            executor.execute(account, errors, CallCost.ONE, () -> api.archive(account, contactId));
        } catch (ZohoNotFoundException alreadyGone) {
            // Deleting is idempotent for the flows: the contact does not exist either way.
        }
    }

    /** Contacts whose {@code email} equals the given one. */
    public List<HubSpotContact> searchByEmail(String account, String email) {
        Map<String, Object> body = Map.of(
                "filterGroups", List.of(Map.of("filters",
                        List.of(Map.of("propertyName", "email", "operator", "EQ", "value", email)))),
                "properties", DEFAULT_PROPERTIES,
                "limit", 100);
        HttpResponse<HubSpotSearchResponse> r = executor.execute(account, errors, CallCost.SEARCH,
                () -> api.search(account, body));
        return r.getBody().map(HubSpotSearchResponse::results).map(List::copyOf).orElse(List.of());
    }

    private static <T> T body(HttpResponse<T> r) {
        return r.getBody().orElseThrow(() -> new IllegalStateException("HubSpot answered " + r.code() + " without a body"));
    }
}
