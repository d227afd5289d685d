package io.zsync.sandbox.core;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows the sandbox's public base URL (what {@code api_domain} and webhook links point at) and logs every
 * product's base URL once the server is up, so a developer can copy them into a client's config.
 */
@Singleton
public class ServerInfo {

    private static final Logger LOG = LoggerFactory.getLogger(ServerInfo.class);

    private final SandboxConfig config;
    private volatile String baseUrl = "http://localhost:8090";

    public ServerInfo(SandboxConfig config) {
        this.config = config;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        String configured = config.publicUrl();
        // A server bound to every interface reports 0.0.0.0, which no client can call: use localhost instead.
        String url = configured != null && !configured.isBlank() ? configured
                : event.getSource().getURL().toString().replace("://0.0.0.0:", "://localhost:");
        baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        LOG.info("""
                Zoho sandbox is up at {}
                  Accounts (OAuth)  {}/oauth/v2/token
                  CRM               {}/crm/v8
                  Books             {}/books/v3
                  Desk              {}/api/v1   (JWKS {}/.well-known/jwks.json)
                  Projects          {}/restapi  and {}/api/v3
                  Creator           {}/creator/v2.1/data
                  HubSpot           {}/crm/v3/objects/contacts
                  Admin             {}/_sandbox""",
                baseUrl, baseUrl, baseUrl, baseUrl, baseUrl, baseUrl, baseUrl, baseUrl, baseUrl, baseUrl, baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }
}
