package io.zsync.sandbox.creator;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Zoho Creator settings (§8): which owner/app/report/form exist, and the shape of the order webhook,
 * which in real Creator is whatever the app's Deluge script posts (app-defined, so configurable).
 *
 * @param owner               account owner name in paths
 * @param app                 application link name
 * @param report              report link name holding the orders
 * @param form                form link name orders are added through
 * @param dateTimeFormat      the app's date-time format for Added_Time/Modified_Time (dd-MMM-yyyy HH:mm:ss [U])
 * @param addedMessage        message of a successful add [U]
 * @param updatedMessage      message of a successful update [U]
 * @param webhookEvent        {@code event} value of the order webhook
 * @param webhookHeaderName   default shared-secret header name for webhook subscriptions
 */
@ConfigurationProperties(CreatorConfig.PREFIX)
public record CreatorConfig(String owner, String app, String report, String form, String dateTimeFormat,
                            String addedMessage, String updatedMessage, String webhookEvent, String webhookHeaderName) {

    public static final String PREFIX = "sandbox.creator";
}
