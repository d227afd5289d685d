package io.zsync.gateway.config;

/** How secrets appear wherever configuration is printed: whether they are set, never their value. */
public final class Redact {

    private Redact() {
    }

    public static String of(String secret) {
        return secret == null || secret.isEmpty() ? "<unset>" : "<set>";
    }
}
