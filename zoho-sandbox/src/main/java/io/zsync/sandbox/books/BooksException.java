package io.zsync.sandbox.books;

import io.zsync.sandbox.core.Json;

import java.util.Map;

/** A Books error: HTTP status plus the {"code": non-zero, "message"} envelope (§5.4). */
final class BooksException extends RuntimeException {

    private final int status;
    private final int code;

    BooksException(int status, int code, String message) {
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
