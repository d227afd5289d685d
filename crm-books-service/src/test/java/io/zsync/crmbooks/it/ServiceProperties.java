package io.zsync.crmbooks.it;

import io.zsync.sync.it.ZohoStack;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The service wired to the test broker, registry and sandbox, in a consumer group of its own. */
final class ServiceProperties {

    private ServiceProperties() {
    }

    static Map<String, String> forTest(String name) {
        Map<String, String> properties = new HashMap<>(ZohoStack.get().serviceProperties());
        properties.put("spec.name", name);
        properties.put("micronaut.server.port", "-1");
        properties.put("zsync.sync.group", "crm-books-" + name + "-" + UUID.randomUUID());
        properties.put("zsync.sync.retry-base", "100ms");
        properties.put("zsync.sync.retry-cap", "2s");
        return properties;
    }
}
