package io.zsync.sandbox.support;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the HTTP tests: a started sandbox, a client for it, a webhook receiver, and a full reset before
 * each test so tests never see each other's records, faults, clock moves or subscriptions.
 */
public abstract class SandboxTestBase {

    @Inject
    protected EmbeddedServer server;

    @Inject
    @Client("/")
    protected HttpClient httpClient;

    @Inject
    protected JsonMapper mapper;

    @Inject
    protected WebhookReceiver receiver;

    protected Sandbox sandbox;

    @BeforeEach
    void resetSandbox() {
        sandbox = new Sandbox(httpClient, mapper, server.getURI());
        sandbox.reset(true);
        sandbox.delete("/_sandbox/calls");
        receiver.clear();
    }

    /** A URL of the test receiver, as a subscriber would register it. */
    protected String receiverUrl(String name) {
        return server.getURL() + "/_test/receiver/" + name;
    }
}
