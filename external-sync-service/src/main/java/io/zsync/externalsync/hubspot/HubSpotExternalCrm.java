package io.zsync.externalsync.hubspot;

import io.micronaut.http.HttpResponse;
import io.zsync.contract.SystemId;
import io.zsync.externalsync.config.OrgSettings;
import io.zsync.externalsync.domain.ContactField;
import io.zsync.externalsync.domain.ContactValues;
import io.zsync.externalsync.domain.HubSpotMapping;
import io.zsync.externalsync.port.ExternalContact;
import io.zsync.externalsync.port.ExternalCrm;
import io.zsync.externalsync.port.ExternalDuplicateException;
import io.zsync.externalsync.port.ExternalUpdate;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.budget.BudgetRegistry;
import io.zsync.zoho.budget.CallCost;
import io.zsync.zoho.error.ZohoDuplicateException;
import io.zsync.zoho.http.ZohoCallExecutor;
import io.zsync.zoho.hubspot.HubSpotApi;
import io.zsync.zoho.hubspot.HubSpotClient;
import io.zsync.zoho.hubspot.HubSpotContact;
import io.zsync.zoho.hubspot.HubSpotErrorMapper;
import io.zsync.zoho.hubspot.HubSpotSearchResponse;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The external CRM port on HubSpot CRM v3 contacts, through zoho-clients' {@link HubSpotClient} (budgets, typed
 * errors, call counting): the e-mail is HubSpot's de-duplication key, so a create of a known e-mail comes back as
 * a 409 naming the existing contact. Searches by a custom property go through the same executor, because the
 * client only searches by e-mail.
 */
@Singleton
public class HubSpotExternalCrm implements ExternalCrm {

    private final HubSpotClient client;
    private final HubSpotApi api;
    private final HubSpotErrorMapper errors;
    private final ZohoCallExecutor executor;
    private final BudgetRegistry budgets;
    private final OrgSettings orgs;

    public HubSpotExternalCrm(HubSpotClient client, HubSpotApi api, HubSpotErrorMapper errors, ZohoCallExecutor executor,
                              BudgetRegistry budgets, OrgSettings orgs) {
        this.client = client;
        this.api = api;
        this.errors = errors;
        this.executor = executor;
        this.budgets = budgets;
        this.orgs = orgs;
    }

    @Override
    public SystemId system() {
        return SystemId.HUBSPOT;
    }

    @Override
    public String entityType() {
        return "contacts";
    }

    @Override
    public Optional<ExternalContact> get(String org, String id) {
        HubSpotMapping mapping = orgs.externalMapping(org);
        return client.get(orgs.externalAccount(org), id, readProperties(mapping)).map(c -> toContact(mapping, c));
    }

    @Override
    public ExternalContact create(String org, ContactValues values, String zohoId) {
        HubSpotMapping mapping = orgs.externalMapping(org);
        Map<String, String> properties = new LinkedHashMap<>(mapping.properties(values.asMap()));
        properties.put(mapping.zohoIdProperty(), zohoId);
        try {
            return toContact(mapping, client.create(orgs.externalAccount(org), properties));
        } catch (ZohoDuplicateException e) {
            if (e.duplicateId().isEmpty()) {
                throw e;
            }
            throw new ExternalDuplicateException(e.duplicateId().get(), e);
        }
    }

    @Override
    public void update(String org, String id, ExternalUpdate update) {
        if (update.isEmpty()) {
            return;
        }
        HubSpotMapping mapping = orgs.externalMapping(org);
        Map<String, String> properties = new LinkedHashMap<>(mapping.properties(update.fields()));
        update.zohoId().ifPresent(zohoId -> properties.put(mapping.zohoIdProperty(), zohoId));
        if (update.markDeleted()) {
            properties.put(mapping.deletedProperty(), "true");
        }
        client.update(orgs.externalAccount(org), id, properties);
    }

    @Override
    public void delete(String org, String id) {
        client.delete(orgs.externalAccount(org), id);
    }

    @Override
    public Optional<ExternalContact> findByZohoId(String org, String zohoId) {
        HubSpotMapping mapping = orgs.externalMapping(org);
        return search(org, mapping, mapping.zohoIdProperty(), zohoId).stream()
                .filter(c -> c.zohoId().map(zohoId::equals).orElse(false)).findFirst();
    }

    @Override
    public Optional<ExternalContact> findByEmail(String org, String email) {
        HubSpotMapping mapping = orgs.externalMapping(org);
        return search(org, mapping, "email", email).stream()
                .filter(c -> email.equalsIgnoreCase(c.values().get(ContactField.EMAIL)))
                .findFirst();
    }

    @Override
    public Budget budget(String org) {
        String account = orgs.externalAccount(org);
        BudgetRegistry.Limits limits = budgets.limits(account, ZohoProduct.HUBSPOT);
        Long left = budgets.remaining(account, ZohoProduct.HUBSPOT).get("period");
        return left == null || limits.limitForPeriod() <= 0 ? Budget.UNKNOWN : new Budget(left, limits.limitForPeriod());
    }

    private List<ExternalContact> search(String org, HubSpotMapping mapping, String property, String value) {
        String account = orgs.externalAccount(org);
        Map<String, Object> body = Map.of(
                "filterGroups", List.of(Map.of("filters",
                        List.of(Map.of("propertyName", property, "operator", "EQ", "value", value)))),
                "properties", readProperties(mapping),
                "limit", 10);
        HttpResponse<HubSpotSearchResponse> response = executor.execute(account, errors, CallCost.SEARCH,
                () -> api.search(account, body));
        return response.getBody().map(HubSpotSearchResponse::results).orElse(List.of()).stream()
                .filter(c -> !Boolean.TRUE.equals(c.archived()))
                .map(c -> toContact(mapping, c)).toList();
    }

    private static List<String> readProperties(HubSpotMapping mapping) {
        List<String> properties = new ArrayList<>(mapping.readProperties());
        properties.add(mapping.deletedProperty());
        return properties;
    }

    private static ExternalContact toContact(HubSpotMapping mapping, HubSpotContact contact) {
        Map<String, Object> properties = contact.properties() == null ? Map.of() : contact.properties();
        return new ExternalContact(contact.id(), mapping.values(properties), mapping.zohoId(properties),
                modified(contact), "true".equalsIgnoreCase(contact.property(mapping.deletedProperty())));
    }

    private static Instant modified(HubSpotContact contact) {
        String text = contact.updatedAt() != null ? contact.updatedAt() : contact.property("lastmodifieddate");
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(text));
            } catch (NumberFormatException notMillis) {
                return null;
            }
        }
    }
}
