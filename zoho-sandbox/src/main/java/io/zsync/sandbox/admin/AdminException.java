package io.zsync.sandbox.admin;

/** A bad admin request, answered as 400 {"error": message}. */
public class AdminException extends RuntimeException {

    public AdminException(String message) {
        super(message);
    }
}
