package io.zsync.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Zoho sandbox's built-in org, as its {@code application.yml} defines it: fake credentials and ids that
 * only the sandbox accepts. The local stack and the integration tests point every service's org
 * {@value #ORG} at the sandbox with these.
 */
public final class SandboxDefaults {

    public static final String ORG = "dev";
    public static final String CLIENT_ID = "1000.ZSYNCSANDBOXCLIENT0000000000000";
    public static final String CLIENT_SECRET = "0123456789abcdef0123456789abcdef01234567ab";
    public static final String REFRESH_TOKEN = "1000.00000000000000000000000000000000.ffffffffffffffffffffffffffffffff";
    public static final String BOOKS_ORGANIZATION_ID = "10234695";
    public static final String DESK_ORG_ID = "54983163";
    public static final String DESK_DEPARTMENT_ID = "55430000000010772";
    public static final String PROJECTS_PORTAL_ID = "2063927";
    public static final String PROJECTS_PROJECT_ID = "170876000000147021";
    public static final String CREATOR_OWNER = "zsync_demo";
    public static final String CREATOR_APP = "order-management";
    public static final String HUBSPOT_TOKEN = "pat-na1-zsync-sandbox-0000-0000-000000000000";
    public static final String HUBSPOT_CLIENT_SECRET = "sandbox-hubspot-client-secret";
    public static final String HUBSPOT_PORTAL_ID = "62515";
    public static final String CRM_CHANNEL_ID = "1000000068001";
    public static final String CRM_CHANNEL_TOKEN = "sandbox-crm-channel-token";
    public static final String CREATOR_HEADER = "X-Webhook-Secret";
    public static final String CREATOR_SECRET = "sandbox-creator-webhook-secret";

    private SandboxDefaults() {
    }

    /** zoho-clients settings of org {@value #ORG}, every product pointed at the sandbox at {@code sandboxUrl}. */
    public static Map<String, String> zohoClientProperties(String sandboxUrl) {
        Map<String, String> p = new LinkedHashMap<>();
        String org = "zsync.zoho.orgs." + ORG + ".";
        p.put(org + "base-url", sandboxUrl);
        p.put(org + "client-id", CLIENT_ID);
        p.put(org + "client-secret", CLIENT_SECRET);
        p.put(org + "refresh-token", REFRESH_TOKEN);
        p.put(org + "books-organization-id", BOOKS_ORGANIZATION_ID);
        p.put(org + "desk-org-id", DESK_ORG_ID);
        p.put(org + "projects-portal-id", PROJECTS_PORTAL_ID);
        p.put(org + "projects-project-id", PROJECTS_PROJECT_ID);
        p.put(org + "creator-owner", CREATOR_OWNER);
        p.put(org + "creator-app", CREATOR_APP);
        p.put("zsync.hubspot.accounts." + ORG + ".access-token", HUBSPOT_TOKEN);
        p.put("zsync.hubspot.accounts." + ORG + ".base-url", sandboxUrl);
        return p;
    }

    /**
     * The gateway settings that make it keep org {@value #ORG}'s CRM notification channel, as in production: its
     * channel keeper subscribes the channel to {@code gatewayUrl} at once (no initial delay) and renews it before it
     * expires. A channel subscribed without an expiry lives one hour at Zoho, and the sandbox's likewise.
     */
    public static Map<String, String> gatewayChannelProperties(String gatewayUrl) {
        Map<String, String> p = new LinkedHashMap<>();
        String org = "zsync.gateway.crm.orgs." + ORG + ".";
        p.put(org + "channel-id", CRM_CHANNEL_ID);
        p.put(org + "channel-token", CRM_CHANNEL_TOKEN);
        p.put(org + "notify-url", gatewayUrl + "/webhooks/zoho/crm/" + ORG + "/notifications");
        p.put("zsync.gateway.channels.initial-delay", "0s");
        return p;
    }
}
