package io.zsync.gateway.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.zsync.gateway.config.CrmOrgProperties;
import io.zsync.gateway.config.Orgs;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.error.ZohoApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionException;

/**
 * The safety net for lost notifications: every interval, each subscribed module of each org is reconciled
 * against its watermark. A failing org or module (Zoho down, broker down) is logged and counted and retried
 * next interval from its last saved watermark; it does not stop the others.
 */
@Singleton
@Requires(property = ReconciliationConfiguration.PREFIX + ".enabled", notEquals = "false")
public class ReconciliationPoller {

    public static final String RUNS = "zsync.gateway.reconciliation.runs";
    public static final String EVENTS = "zsync.gateway.reconciliation.events";
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationPoller.class);

    private final Orgs orgs;
    private final ReconciliationRun run;
    private final MeterRegistry meters;
    private final ZohoOrgRegistry zohoOrgs;

    public ReconciliationPoller(Orgs orgs, ReconciliationRun run, MeterRegistry meters, ZohoOrgRegistry zohoOrgs) {
        this.orgs = orgs;
        this.zohoOrgs = zohoOrgs;
        this.run = run;
        this.meters = meters;
    }

    @Scheduled(fixedDelay = "${zsync.gateway.reconciliation.interval:15m}",
            initialDelay = "${zsync.gateway.reconciliation.initial-delay:1m}")
    void poll() {
        for (CrmOrgProperties org : orgs.crmOrgs()) {
            if (!org.reconcile()) {
                continue;
            }
            if (!zohoOrgs.isZohoOrg(org.name())) {
                // reading CRM needs the org's OAuth client under zsync.zoho.orgs.<org>
                LOG.debug("org {} has no zsync.zoho.orgs entry; not reconciled", org.name());
                continue;
            }
            for (String module : org.modules()) {
                reconcile(org.name(), module);
            }
        }
    }

    void reconcile(String org, String module) {
        try {
            ReconciliationRun.Outcome outcome = run.run(org, module);
            meters.counter(RUNS, "org", org, "module", module, "outcome", outcome.complete() ? "complete" : "partial").increment();
            meters.counter(EVENTS, "org", org, "module", module).increment(outcome.published());
        } catch (ZohoApiException | WatermarkUnavailable | CompletionException e) {
            meters.counter(RUNS, "org", org, "module", module, "outcome", "failed").increment();
            LOG.warn("reconciliation of {}/{} failed, retried next interval: {}", org, module, e.getMessage());
        }
    }
}
