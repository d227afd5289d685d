package io.zsync.gateway.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * One Zoho CRM org ({@code zsync.gateway.crm.orgs.<org>.*}; the key is the org id used in the webhook paths).
 * Secrets come from the environment through {@code ${ENV:default}} placeholders and never appear in
 * {@link #toString()}.
 *
 * @param name                  the org id (the map key)
 * @param channelId             the notification channel this gateway subscribes for the org
 * @param channelToken          the channel's verification token (≤ 50 characters), echoed by Zoho in callbacks
 * @param modules               CRM modules watched and reconciled (each must have a change topic)
 * @param notifyUrl             the callback URL given to Zoho when subscribing; blank disables the keeper
 * @param channelLifetime       expiry requested when (re)subscribing; Zoho caps it at one week
 * @param renewBefore           renew when the channel expires within this much time
 * @param workflowSecret        shared secret of workflow-rule webhooks
 * @param workflowSecretHeader  header that carries it (a body parameter {@code workflowSecretParam} also works)
 * @param workflowSecretParam   form/JSON parameter that may carry it instead; removed before publishing
 * @param workflowIdParam       template parameter holding the record id
 * @param workflowOperationParam template parameter holding the operation (absent: {@code workflowDefaultOperation})
 * @param workflowVersionParam  template parameter holding the record's {@code Modified_Time}
 * @param workflowDefaultOperation operation assumed when the template carries none (create, edit or delete)
 * @param reconcile             whether the reconciliation poller covers this org
 */
@EachProperty("zsync.gateway.crm.orgs")
public record CrmOrgProperties(
        @Parameter String name,
        @Nullable String channelId,
        @Nullable String channelToken,
        @Bindable(defaultValue = "Contacts,Leads,Deals") List<String> modules,
        @Nullable String notifyUrl,
        @Bindable(defaultValue = "7d") Duration channelLifetime,
        @Bindable(defaultValue = "1d") Duration renewBefore,
        @Nullable String workflowSecret,
        @Bindable(defaultValue = "X-Zsync-Webhook-Secret") String workflowSecretHeader,
        @Bindable(defaultValue = "zsync_secret") String workflowSecretParam,
        @Bindable(defaultValue = "id") String workflowIdParam,
        @Bindable(defaultValue = "operation") String workflowOperationParam,
        @Bindable(defaultValue = "Modified_Time") String workflowVersionParam,
        @Bindable(defaultValue = "edit") String workflowDefaultOperation,
        @Bindable(defaultValue = "true") boolean reconcile) {

    @Override
    public String toString() {
        return "CrmOrgProperties[name=" + name + ", channelId=" + channelId + ", channelToken=" + Redact.of(channelToken)
                + ", modules=" + modules + ", notifyUrl=" + notifyUrl + ", workflowSecret=" + Redact.of(workflowSecret) + "]";
    }
}
