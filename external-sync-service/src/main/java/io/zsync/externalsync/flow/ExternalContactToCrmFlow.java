package io.zsync.externalsync.flow;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Operation;
import io.zsync.contract.TargetAction;
import io.zsync.externalsync.config.ExternalSyncOrgProperties;
import io.zsync.externalsync.config.OrgSettings;
import io.zsync.externalsync.crm.CrmContact;
import io.zsync.externalsync.crm.CrmContacts;
import io.zsync.externalsync.domain.Baseline;
import io.zsync.externalsync.domain.ContactField;
import io.zsync.externalsync.domain.EchoCheck;
import io.zsync.externalsync.domain.ExternalDeleteAction;
import io.zsync.externalsync.domain.Side;
import io.zsync.externalsync.port.ExternalContact;
import io.zsync.externalsync.port.ExternalCrm;
import io.zsync.schemas.TopicSpec;
import io.zsync.schemas.Topics;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.PermanentSyncException;
import io.zsync.sync.api.SyncFlow;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An external contact created or changed (HubSpot webhooks through the gateway) creates or updates its CRM
 * contact, which keeps the external id, and the external contact keeps the Zoho id; a deleted one deletes or
 * unlinks the CRM contact. Our own writes coming back from the external CRM end SKIPPED by provenance, and
 * conflicts are settled per field on both sides by the org's rule.
 */
@Singleton
public class ExternalContactToCrmFlow implements SyncFlow {

    public static final String ID = "external-contact-to-crm";

    private final OrgSettings orgs;
    private final CrmContacts crm;
    private final ExternalCrm external;
    private final PairLedger pairs;
    private final PairWriter writer;
    private final PairLocks locks;

    public ExternalContactToCrmFlow(OrgSettings orgs, CrmContacts crm, ExternalCrm external, PairLedger pairs,
                                    PairWriter writer, PairLocks locks) {
        this.orgs = orgs;
        this.crm = crm;
        this.external = external;
        this.pairs = pairs;
        this.writer = writer;
        this.locks = locks;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TopicSpec<String, ChangeEvent> source() {
        return Topics.EXTERNAL_CONTACTS;
    }

    @Override
    public Set<String> writeBackFields() {
        return orgs.externalWriteBackProperties();
    }

    @Override
    public List<FlowResult> process(List<FlowInput> inputs) {
        List<PairPlan> plans = new ArrayList<>();
        for (FlowInput input : inputs) {
            PairPlan plan;
            try {
                // the gateway's events name the HubSpot portal; the org is what the portal belongs to
                plan = new PairPlan(input, orgs.orgForPortal(input.org()));
            } catch (RuntimeException e) {
                plan = new PairPlan(input, "");
                plan.fail(e);
            }
            plans.add(plan);
        }
        return Plans.planAndWrite(Side.EXTERNAL, plans, locks, this::plan, p -> writer.execute(ID, p));
    }

    private void plan(String org, List<PairPlan> plans) {
        ExternalSyncOrgProperties settings = orgs.get(org);
        Map<String, Optional<ExternalContact>> read = new LinkedHashMap<>();
        Map<String, List<PairPlan>> needCrm = new LinkedHashMap<>();
        List<PairPlan> unlinked = new ArrayList<>();
        for (PairPlan plan : plans) {
            try {
                plan.externalId = plan.input.recordId();
                if (plan.input.event().getOperation() == Operation.DELETED) {
                    planDeletion(plan, settings);
                    continue;
                }
                Optional<ExternalContact> e = read.computeIfAbsent(plan.externalId, h -> external.get(org, h));
                if (e.isEmpty()) {
                    plan.skip("the external contact no longer exists; its deletion is synced when the external CRM "
                            + "reports it");
                    continue;
                }
                plan.external = e.get();
                Optional<String> link = Plans.known(plan.input, PairLedger.CRM_ID).or(() -> e.get().zohoId());
                Optional<Baseline> base = link.flatMap(c -> pairs.baseline(c, plan.externalId));
                if (link.isEmpty() || Plans.voided(base)) {
                    unlinked.add(plan);
                    continue;
                }
                plan.crmId = link.get();
                EchoCheck.Verdict verdict = EchoCheck.classify(Side.EXTERNAL, e.get().values(), base,
                        pairs.wroteTo(Side.EXTERNAL, org, plan.crmId));
                if (verdict.skip()) {
                    plan.skip(verdict.reason());
                } else {
                    needCrm.computeIfAbsent(plan.crmId, k -> new ArrayList<>()).add(plan);
                }
            } catch (RuntimeException e) {
                plan.fail(e);
            }
        }
        if (!needCrm.isEmpty()) {
            Map<String, CrmContact> contacts;
            try {
                contacts = crm.getMany(org, needCrm.keySet());
            } catch (RuntimeException e) {
                needCrm.values().forEach(waiting -> waiting.forEach(p -> p.fail(e)));
                contacts = null;
            }
            if (contacts != null) {
                for (Map.Entry<String, List<PairPlan>> entry : needCrm.entrySet()) {
                    CrmContact c = contacts.get(entry.getKey());
                    for (PairPlan plan : entry.getValue()) {
                        try {
                            if (c == null) {
                                plan.skip("the linked CRM contact " + entry.getKey() + " no longer exists; its deletion "
                                        + "is synced when CRM reports it");
                            } else {
                                requireLinkedTo(c, plan.externalId);
                                writer.planLinked(plan, c, plan.external, pairs.baseline(c.id(), plan.externalId));
                            }
                        } catch (RuntimeException e) {
                            plan.fail(e);
                        }
                    }
                }
            }
        }
        for (PairPlan plan : unlinked) {
            try {
                planCreate(org, settings, plan);
            } catch (RuntimeException e) {
                plan.fail(e);
            }
        }
    }

    /**
     * An external contact without a partner: adopt the CRM contact an earlier attempt may have created (found by
     * the external id it carries) or, if the org wants it, the one with the same e-mail; else create one.
     */
    private void planCreate(String org, ExternalSyncOrgProperties settings, PairPlan plan) {
        ExternalContact e = plan.external;
        if (e.markedDeleted()) {
            plan.skip("the external contact is marked as deleted in Zoho and is no longer synced");
            return;
        }
        String email = e.values().get(ContactField.EMAIL);
        Optional<CrmContact> existing = Optional.empty();
        if (plan.input.mayHaveWritten()) {
            existing = crm.findByExternalId(org, e.id());
        }
        if (existing.isEmpty() && email != null && (plan.input.mayHaveWritten() || settings.matchCrmByEmail())) {
            existing = crm.findByEmail(org, email);
        }
        if (existing.isPresent()) {
            requireLinkedTo(existing.get(), e.id());
            writer.planLinked(plan, existing.get(), e, Optional.empty());
            plan.targets.add(writer.crmRef(existing.get().id(), TargetAction.MATCHED));
            return;
        }
        if (e.values().get(ContactField.LAST_NAME) == null) {
            throw new PermanentSyncException("MISSING_LAST_NAME", "external contact " + e.id()
                    + " has no last name, which a CRM contact requires");
        }
        plan.agreed = e.values();
        plan.crmOp = PairPlan.CrmOp.INSERT;
        plan.externalOp = PairPlan.ExternalOp.UPDATE;
        plan.externalZohoLink = PairPlan.PENDING;
    }

    private void planDeletion(PairPlan plan, ExternalSyncOrgProperties settings) {
        plan.deletion = true;
        Optional<String> link = Plans.known(plan.input, PairLedger.CRM_ID)
                .or(() -> crm.findByExternalId(plan.org, plan.externalId).map(CrmContact::id));
        if (link.isEmpty()) {
            plan.skip("no CRM contact is linked to the deleted external contact");
            return;
        }
        plan.crmId = link.get();
        Optional<Baseline> base = pairs.baseline(plan.crmId, plan.externalId);
        EchoCheck.Verdict verdict = EchoCheck.classifyDeletion(Side.EXTERNAL, base,
                pairs.wroteTo(Side.EXTERNAL, plan.org, plan.crmId));
        if (verdict.skip()) {
            plan.skip(verdict.reason());
            return;
        }
        if (settings.onExternalDelete() == ExternalDeleteAction.DELETE) {
            plan.crmOp = PairPlan.CrmOp.DELETE;
        } else {
            plan.crmExternalLink = "";
            // the kept contact holds the pair's last values: until a person changes them, nothing starts a new pair
            plan.keptCrmHash = base.filter(b -> !b.deleted()).map(Baseline::hash).orElse(null);
        }
    }

    private static void requireLinkedTo(CrmContact c, String externalId) {
        if (c.externalId().isPresent() && !c.externalId().get().equals(externalId)) {
            throw new PermanentSyncException("CRM_CONTACT_LINKED_ELSEWHERE", "CRM contact " + c.id()
                    + " is linked to external contact " + c.externalId().get() + ", not " + externalId);
        }
    }
}
