package io.zsync.sandbox.hubspot;

import io.zsync.sandbox.core.Json;

import java.util.Map;
import java.util.UUID;

/** A HubSpot error: {status:"error", message, correlationId, category} with its HTTP status. */
final class HubSpotException extends RuntimeException {

    private final int status;
    private final String category;

    HubSpotException(int status, String category, String message) {
        super(message);
        this.status = status;
        this.category = category;
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        return body(getMessage(), category);
    }

    static Map<String, Object> body(String message, String category) {
        return Json.obj("status", "error", "message", message, "correlationId", UUID.randomUUID().toString(),
                "category", category);
    }
}
