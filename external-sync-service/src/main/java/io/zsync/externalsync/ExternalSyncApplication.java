package io.zsync.externalsync;

import io.micronaut.runtime.Micronaut;

/**
 * external-sync-service: Zoho CRM contacts and HubSpot contacts kept in step both ways, by webhooks and by an
 * hourly batch that catches what webhooks missed, without echo loops and with per-field conflict rules.
 */
public final class ExternalSyncApplication {

    private ExternalSyncApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(ExternalSyncApplication.class, args);
    }
}
