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
import io.zsync.externalsync.domain.CrmDeleteAction;
import io.zsync.externalsync.domain.EchoCheck;
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
 * A CRM contact created or changed creates or updates its external contact (and the external id is written back
 * on the CRM contact); a deleted one deletes or marks it. Our own writes coming back from CRM end SKIPPED by
 * provenance, and when both sides changed since the last sync the org's conflict rule settles each field on both
 * sides. Webhook events and the hourly batch's reconciliation events take this same path.
 */
@Singleton
public class CrmContactToExternalFlow implements SyncFlow {

    public static final String ID = "crm-contact-to-external";

    private final OrgSettings orgs;
    private final CrmContacts crm;
    private final ExternalCrm external;
    private final PairLedger pairs;
    private final PairWriter writer;
    private final PairLocks locks;

    public CrmContactToExternalFlow(OrgSettings orgs, CrmContacts crm, ExternalCrm external, PairLedger pairs,
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
        return Topics.CRM_CONTACTS;
    }

    @Override
    public Set<String> writeBackFields() {
        return orgs.crmWriteBackFields();
    }

    /**
     * The mapped fields and the external id: another flow's write-back on the contact (the Books customer id, for
     * one) ends SKIPPED without reading the contact, instead of being read and found unchanged.
     */
    @Override
    public Optional<Set<String>> fieldsActedOn() {
        return Optional.of(orgs.crmFieldsRead());
    }

    @Override
    public List<FlowResult> process(List<FlowInput> inputs) {
        List<PairPlan> plans = inputs.stream().map(i -> new PairPlan(i, i.org())).toList();
        return Plans.planAndWrite(Side.CRM, plans, locks, this::plan, p -> writer.execute(ID, p));
    }

    private void plan(String org, List<PairPlan> plans) {
        ExternalSyncOrgProperties settings = orgs.get(org);
        List<String> live = plans.stream().filter(p -> p.input.event().getOperation() != Operation.DELETED)
                .map(p -> p.input.recordId()).toList();
        Map<String, CrmContact> contacts = live.isEmpty() ? Map.of() : crm.getMany(org, live);
        Map<String, List<PairPlan>> needExternal = new LinkedHashMap<>();
        List<PairPlan> unlinked = new ArrayList<>();
        for (PairPlan plan : plans) {
            try {
                plan.crmId = plan.input.recordId();
                if (plan.input.event().getOperation() == Operation.DELETED) {
                    planDeletion(plan, settings);
                    continue;
                }
                CrmContact c = contacts.get(plan.crmId);
                if (c == null) {
                    plan.skip("the CRM contact no longer exists; its deletion is synced when CRM reports it");
                    continue;
                }
                plan.crm = c;
                Optional<String> link = Plans.known(plan.input, PairLedger.EXTERNAL_ID).or(c::externalId);
                Optional<Baseline> base = link.flatMap(h -> pairs.baseline(c.id(), h));
                if (link.isEmpty() || Plans.voided(base)) {
                    unlinked.add(plan);
                    continue;
                }
                plan.externalId = link.get();
                EchoCheck.Verdict verdict = EchoCheck.classify(Side.CRM, c.values(), base,
                        pairs.wroteTo(Side.CRM, org, plan.externalId));
                if (verdict.skip()) {
                    plan.skip(verdict.reason());
                } else {
                    needExternal.computeIfAbsent(plan.externalId, k -> new ArrayList<>()).add(plan);
                }
            } catch (RuntimeException e) {
                plan.fail(e);
            }
        }
        needExternal.forEach((h, waiting) -> {
            Optional<ExternalContact> e;
            try {
                e = external.get(org, h);
            } catch (RuntimeException failure) {
                waiting.forEach(p -> p.fail(failure));
                return;
            }
            for (PairPlan plan : waiting) {
                try {
                    if (e.isEmpty()) {
                        plan.skip("the linked external contact " + h + " no longer exists; its deletion is synced when "
                                + "the external CRM reports it");
                    } else {
                        requireLinkedTo(e.get(), plan.crmId);
                        writer.planLinked(plan, plan.crm, e.get(), pairs.baseline(plan.crmId, h));
                    }
                } catch (RuntimeException failure) {
                    plan.fail(failure);
                }
            }
        });
        for (PairPlan plan : unlinked) {
            try {
                planCreate(org, plan);
            } catch (RuntimeException e) {
                plan.fail(e);
            }
        }
    }

    /**
     * A contact without a partner: create one, unless an earlier attempt may already have (then look it up by the
     * Zoho id it carries, or by e-mail, and link to it), or unless we kept it unlinked when its partner was deleted
     * and nobody has changed it since.
     */
    private void planCreate(String org, PairPlan plan) {
        CrmContact c = plan.crm;
        Optional<ExternalContact> existing = Optional.empty();
        if (plan.input.mayHaveWritten()) {
            String email = c.values().get(ContactField.EMAIL);
            existing = external.findByZohoId(org, c.id())
                    .or(() -> email == null ? Optional.empty() : external.findByEmail(org, email));
        }
        if (existing.isPresent()) {
            requireLinkedTo(existing.get(), c.id());
            writer.planLinked(plan, c, existing.get(), Optional.empty());
            plan.targets.add(writer.externalRef(existing.get().id(), TargetAction.MATCHED));
            return;
        }
        EchoCheck.Verdict kept = EchoCheck.classifyUnlinked(Side.CRM, c.values(), pairs.unlinkedCrm(org, c.id()));
        if (kept.skip()) {
            plan.skip(kept.reason());
            return;
        }
        plan.agreed = c.values();
        plan.externalOp = PairPlan.ExternalOp.CREATE;
        plan.crmExternalLink = PairPlan.PENDING;
    }

    private void planDeletion(PairPlan plan, ExternalSyncOrgProperties settings) {
        plan.deletion = true;
        Optional<String> link = Plans.known(plan.input, PairLedger.EXTERNAL_ID)
                .or(() -> external.findByZohoId(plan.org, plan.crmId).map(ExternalContact::id));
        if (link.isEmpty()) {
            plan.skip("no external contact is linked to the deleted CRM contact");
            return;
        }
        plan.externalId = link.get();
        EchoCheck.Verdict verdict = EchoCheck.classifyDeletion(Side.CRM, pairs.baseline(plan.crmId, plan.externalId),
                pairs.wroteTo(Side.CRM, plan.org, plan.externalId));
        if (verdict.skip()) {
            plan.skip(verdict.reason());
            return;
        }
        plan.externalOp = settings.onCrmDelete() == CrmDeleteAction.DELETE ? PairPlan.ExternalOp.DELETE
                : PairPlan.ExternalOp.MARK;
    }

    private static void requireLinkedTo(ExternalContact e, String crmId) {
        if (e.zohoId().isPresent() && !e.zohoId().get().equals(crmId)) {
            throw new PermanentSyncException("EXTERNAL_CONTACT_LINKED_ELSEWHERE", "external contact " + e.id()
                    + " is linked to CRM contact " + e.zohoId().get() + ", not " + crmId);
        }
    }
}
