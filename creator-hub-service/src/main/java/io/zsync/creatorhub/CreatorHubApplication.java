package io.zsync.creatorhub;

import io.micronaut.runtime.Micronaut;

/**
 * creator-hub-service: each submitted Creator order becomes a resumable saga that ensures the CRM contact,
 * creates the CRM deal and the Books invoice, opens a Desk ticket for VIP totals, confirms by e-mail and
 * writes the new ids and status back on the order.
 */
public final class CreatorHubApplication {

    private CreatorHubApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(CreatorHubApplication.class, args);
    }
}
