package io.zsync.deskprojects.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.zsync.sync.it.ZohoStack;

/**
 * Points the sandbox's Desk webhook at the gateway path named by the Desk org id,
 * {@code /webhooks/zoho/desk/<desk org id>}, which every gateway version accepts (the path, the events' {@code orgId}
 * and the JWT issuer all name it). The shared harness subscribes {@code /webhooks/zoho/desk/dev}, which the
 * committed gateway refuses as an unknown org; keeping both would deliver every event twice wherever both are
 * accepted, so the harness's subscription is replaced, not joined.
 */
final class DeskWebhookWiring {

    private DeskWebhookWiring() {
    }

    static synchronized void ensure(ZohoStack stack) {
        String prefix = stack.gatewayUrl() + "/webhooks/zoho/desk/";
        String url = prefix + ZohoStack.DESK_ORG_ID;
        boolean present = false;
        for (JsonNode subscription : stack.sandbox("GET", "/_sandbox/webhooks", null).path("desk")) {
            String existing = subscription.path("url").asText();
            if (existing.equals(url)) {
                present = true;
            } else if (existing.startsWith(prefix)) {
                stack.sandbox("DELETE", "/_sandbox/webhooks/desk/" + subscription.path("id").asText(), null);
            }
        }
        if (!present) {
            stack.sandbox("POST", "/_sandbox/webhooks/desk", """
                    {"url":"%s","orgId":"%s","name":"zsync gateway"}""".formatted(url, ZohoStack.DESK_ORG_ID));
        }
    }
}
