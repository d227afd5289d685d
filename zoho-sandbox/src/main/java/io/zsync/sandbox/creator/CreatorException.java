package io.zsync.sandbox.creator;

import io.zsync.sandbox.core.Json;

import java.util.Map;

/** A Creator error: HTTP status plus {"code": n, "message"} (§8). */
final class CreatorException extends RuntimeException {

    private final int status;
    private final int code;

    CreatorException(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        return Json.obj("code", code, "message", getMessage());
    }
}
