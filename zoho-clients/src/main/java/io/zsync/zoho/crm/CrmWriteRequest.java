package io.zsync.zoho.crm;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Body of CRM insert/update/upsert. {@code trigger} absent runs every automation while an empty list runs
 * none (zoho-api.md §3.5); the serializer's default inclusion drops empty lists, so the body is a map built
 * here with exactly the keys to send.
 */
public final class CrmWriteRequest {
    private CrmWriteRequest() {
    }

    /**
     * Builds the body.
     *
     * @param data                 the records (at most 100)
     * @param trigger              automations to run; null for CRM's default, empty for none
     * @param duplicateCheckFields upsert: fields that identify an existing record
     */
    public static Map<String, Object> of(List<Map<String, Object>> data, @Nullable List<String> trigger,
                                         @Nullable List<String> duplicateCheckFields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        if (trigger != null) {
            body.put("trigger", List.copyOf(trigger));
        }
        if (duplicateCheckFields != null && !duplicateCheckFields.isEmpty()) {
            body.put("duplicate_check_fields", List.copyOf(duplicateCheckFields));
        }
        return body;
    }
}
