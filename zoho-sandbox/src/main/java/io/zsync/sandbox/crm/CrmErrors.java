package io.zsync.sandbox.crm;

import io.zsync.sandbox.core.Json;

import java.util.Map;

/**
 * CRM error bodies (§3.2, §3.4): top-level errors are {code, details, message, status:"error"} without a
 * data wrapper; per-record errors have the same four keys inside the {@code data} array.
 */
final class CrmErrors {

    private CrmErrors() {
    }

    static Map<String, Object> error(String code, String message, Map<String, Object> details) {
        return Json.obj("code", code, "details", details == null ? Json.obj() : details, "message", message,
                "status", "error");
    }

    static CrmException topLevel(int status, String code, String message, Map<String, Object> details) {
        return new CrmException(status, error(code, message, details));
    }

    static CrmException requiredParam(String param) {
        return topLevel(400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                Json.obj("param_name", param));
    }

    static CrmException invalidParam(String param, String message) {
        return topLevel(400, "INVALID_DATA", message, Json.obj("param_name", param));
    }

    static CrmException invalidModule() {
        return topLevel(400, "INVALID_MODULE", "the module name given seems to be invalid",
                Json.obj("resource_path_index", 0));
    }

    static Map<String, Object> mandatory(String field, String jsonPath) {
        return error("MANDATORY_NOT_FOUND", "required field not found", Json.obj("api_name", field, "json_path", jsonPath));
    }

    static Map<String, Object> invalid(String field, String jsonPath, String expectedType) {
        Map<String, Object> details = Json.obj("api_name", field, "json_path", jsonPath);
        if (expectedType != null) {
            details.put("expected_data_type", expectedType);
        }
        return error("INVALID_DATA", "invalid data", details);
    }

    static Map<String, Object> invalidId(String field, String jsonPath) {
        return error("INVALID_DATA", "the id given seems to be invalid", Json.obj("api_name", field, "json_path", jsonPath));
    }

    /** Thrown for an error that answers the whole request. */
    static final class CrmException extends RuntimeException {
        private final int status;
        private final transient Map<String, Object> body;

        CrmException(int status, Map<String, Object> body) {
            super(String.valueOf(body.get("code")));
            this.status = status;
            this.body = body;
        }

        int status() {
            return status;
        }

        Map<String, Object> body() {
            return body;
        }
    }
}
