package io.zsync.gateway.ops;

import java.util.Locale;

/** The webhook endpoints, as the {@code source} tag of every gateway metric. */
public enum WebhookSource {
    ZOHO_CRM_NOTIFICATION, ZOHO_CRM_WORKFLOW, ZOHO_DESK, ZOHO_CREATOR, HUBSPOT, EXTERNAL, UNKNOWN;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The endpoint a request path belongs to, for rejections raised before a controller ran (413). */
    public static WebhookSource fromPath(String path) {
        if (path == null) {
            return UNKNOWN;
        }
        if (path.startsWith("/webhooks/zoho/crm/")) {
            return path.contains("/workflow/") ? ZOHO_CRM_WORKFLOW : ZOHO_CRM_NOTIFICATION;
        }
        if (path.startsWith("/webhooks/zoho/desk/")) {
            return ZOHO_DESK;
        }
        if (path.startsWith("/webhooks/zoho/creator/")) {
            return ZOHO_CREATOR;
        }
        if (path.startsWith("/webhooks/hubspot")) {
            return HUBSPOT;
        }
        if (path.startsWith("/webhooks/external/")) {
            return EXTERNAL;
        }
        return UNKNOWN;
    }
}
