package io.zsync.sandbox.desk;

import io.zsync.sandbox.core.Json;

import java.util.List;
import java.util.Map;

/** A Desk error: {errorCode, message, errors[{fieldName:"/x", errorType}]} (§6.4). */
final class DeskException extends RuntimeException {

    static final String VALIDATION_MESSAGE = "The data does not comply to the validation restrictions defined.";

    private final int status;
    private final String errorCode;
    private final List<Map<String, Object>> errors;

    DeskException(int status, String errorCode, String message, List<Map<String, Object>> errors) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.errors = errors;
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        Map<String, Object> body = Json.obj("errorCode", errorCode, "message", getMessage());
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    static Map<String, Object> field(String name, String type) {
        return Json.obj("fieldName", "/" + name, "errorType", type);
    }
}
