package io.zsync.sandbox.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The products the sandbox stands in for, each recognised by the path prefix its real API uses; paths
 * of no product (admin, JWKS, health) are never counted, throttled or faulted.
 */
public enum Product {
    ACCOUNTS("/oauth/"),
    // HubSpot's /crm/v3/objects must be tested before Zoho CRM's /crm/ prefix.
    HUBSPOT("/crm/v3/objects/"),
    CRM("/crm/"),
    BOOKS("/books/"),
    DESK("/api/v1/"),
    PROJECTS("/restapi/", "/api/v3/portal/"),
    CREATOR("/creator/");

    private final String[] prefixes;

    Product(String... prefixes) {
        this.prefixes = prefixes;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Product> ofPath(String path) {
        for (Product product : values()) {
            for (String prefix : product.prefixes) {
                if (path.startsWith(prefix)) {
                    return Optional.of(product);
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<Product> ofKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equalsIgnoreCase(key)).findFirst();
    }
}
