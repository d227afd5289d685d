package io.zsync.zoho.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/**
 * A second embedded server that plays Zoho (accounts, CRM, Books, Desk, Projects, Creator) and HubSpot over
 * real HTTP with the example bodies of zoho-api.md, for client tests that must not depend on the sandbox.
 */
public final class FakeZoho implements AutoCloseable {
    public static final String SPEC = "FakeZoho";
    public static final String ORG = "acme";
    public static final String HUBSPOT = "hs";
    public static final String BOOKS_ORG_ID = "10234695";
    public static final String DESK_ORG_ID = "54983163";

    private final EmbeddedServer server;

    public FakeZoho() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("spec.name", SPEC, "micronaut.server.port", -1));
    }

    public FakeZohoState state() {
        return server.getApplicationContext().getBean(FakeZohoState.class);
    }

    public String url() {
        return server.getURL().toString();
    }

    /** Client-side configuration: org {@value #ORG} and HubSpot account {@value #HUBSPOT} pointed at this fake. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new HashMap<>();
        String prefix = "zsync.zoho.orgs." + ORG + ".";
        p.put(prefix + "data-centre", "EU");
        p.put(prefix + "client-id", "1000.CLIENTID");
        p.put(prefix + "client-secret", "client-secret-value");
        p.put(prefix + "refresh-token", "1000.refresh.token");
        p.put(prefix + "base-url", url());
        p.put(prefix + "books-organization-id", BOOKS_ORG_ID);
        p.put(prefix + "desk-org-id", DESK_ORG_ID);
        p.put(prefix + "projects-portal-id", "2063927");
        p.put(prefix + "projects-project-id", "170876000000147021");
        p.put(prefix + "creator-owner", "jane");
        p.put(prefix + "creator-app", "orders");
        p.put("zsync.hubspot.accounts." + HUBSPOT + ".access-token", "pat-na1-secret");
        p.put("zsync.hubspot.accounts." + HUBSPOT + ".base-url", url());
        return p;
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
