package io.zsync.sandbox.projects;

import io.zsync.sandbox.core.Json;

import java.util.Map;

/** A Projects error: {"error":{"code":6xxx,"message":…}} (§7.1; body shape [U]). */
final class ProjectsException extends RuntimeException {

    private final int status;
    private final int code;

    ProjectsException(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        return body(code, getMessage());
    }

    static Map<String, Object> body(int code, String message) {
        return Json.obj("error", Json.obj("code", code, "message", message));
    }
}
