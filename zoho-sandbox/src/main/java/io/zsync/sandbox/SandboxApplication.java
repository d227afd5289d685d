package io.zsync.sandbox;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the Zoho sandbox: one HTTP host that answers as Zoho Accounts, CRM, Books, Desk, Projects,
 * Creator and HubSpot do, so a client switches to it by changing base URLs only.
 */
public final class SandboxApplication {

    private SandboxApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(SandboxApplication.class, args);
    }
}
