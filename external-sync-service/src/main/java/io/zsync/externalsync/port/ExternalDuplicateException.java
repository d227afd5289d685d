package io.zsync.externalsync.port;

/** The external CRM refused a create because a contact with the same e-mail exists; it names that contact. */
public class ExternalDuplicateException extends RuntimeException {

    private final String existingId;

    public ExternalDuplicateException(String existingId, Throwable cause) {
        super("an external contact with this e-mail already exists: " + existingId, cause);
        this.existingId = existingId;
    }

    public String existingId() {
        return existingId;
    }
}
