package io.zsync.gateway.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zsync.contract.ChangeEvent;
import io.zsync.contract.EventOrigin;
import io.zsync.contract.Operation;
import io.zsync.contract.SystemId;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Zoho CRM workflow-rule webhooks (zoho-api.md §4.4): a user-defined form or JSON template, authenticated by
 * a shared secret in a header or a template parameter (which is removed before publishing). The template's
 * parameter names are configuration ({@link Template}); every other parameter is a changed value.
 */
public final class CrmWorkflowNormalizer {

    /**
     * How the org's template names things.
     *
     * @param idParam          parameter holding the record id
     * @param operationParam   parameter holding create/edit/delete (optional in the template)
     * @param versionParam     parameter holding the record's Modified_Time (optional)
     * @param secretParam      parameter that may carry the shared secret
     * @param defaultOperation operation when the template carries none
     */
    public record Template(String idParam, String operationParam, String versionParam, String secretParam,
                           String defaultOperation) {
    }

    /**
     * @param module       the module named in the path
     * @param template     the org's template
     * @param secret       the configured shared secret
     * @param headerSecret the secret header's value, or null
     */
    public List<ChangeEvent> normalize(Delivery delivery, String module, Template template, String secret, String headerSecret) {
        ObjectNode body;
        try {
            body = Payloads.jsonOrForm(delivery);
        } catch (WebhookRejection rejection) {
            // a secret only in the body cannot be checked before parsing; without a header, say 401 first
            if (headerSecret == null) {
                throw WebhookRejection.unauthenticated(WebhookRejection.Reason.MISSING_CREDENTIAL);
            }
            Credentials.requireSecret(secret, headerSecret);
            throw rejection;
        }
        String given = headerSecret != null ? headerSecret
                : body.hasNonNull(template.secretParam()) ? body.get(template.secretParam()).asText() : null;
        Credentials.requireSecret(secret, given);
        body.remove(template.secretParam());

        Changes.topicFor(SystemId.ZOHO_CRM, module);
        String recordId = Payloads.id(body, template.idParam());
        Operation operation = operation(Payloads.optionalText(body, template.operationParam()).orElse(template.defaultOperation()));
        String version = Payloads.optionalText(body, template.versionParam()).filter(v -> !v.isBlank()).orElse(null);
        Map<String, String> values = Payloads.values(body);
        values.remove(template.idParam());
        values.remove(template.operationParam());

        Instant occurredAt = version == null ? delivery.receivedAt()
                : Payloads.optionalInstant(body, template.versionParam()).orElse(delivery.receivedAt());
        // the template has no delivery id: the record version identifies a change, else the body does
        String identity = version != null ? version : EventIds.bodyDigest(delivery.body());
        return List.of(Changes.event(
                        EventIds.of(SystemId.ZOHO_CRM.name(), delivery.orgId(), module, recordId, operation.name(), identity),
                        SystemId.ZOHO_CRM, delivery.orgId(), module, recordId, operation, occurredAt,
                        EventOrigin.WEBHOOK, delivery)
                .setChangedFields(List.copyOf(values.keySet()))
                .setChangedValues(values)
                .setRecordVersion(version)
                .setAttributes(Changes.attributes("notification", "workflow"))
                .build());
    }

    static Operation operation(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "create", "created", "insert" -> Operation.CREATED;
            case "edit", "update", "updated" -> Operation.UPDATED;
            case "delete", "deleted" -> Operation.DELETED;
            default -> throw WebhookRejection.invalid("operation", "create, edit or delete");
        };
    }
}
