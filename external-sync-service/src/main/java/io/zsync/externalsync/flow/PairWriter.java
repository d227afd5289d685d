package io.zsync.externalsync.flow;

import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.externalsync.config.OrgSettings;
import io.zsync.externalsync.crm.CrmContact;
import io.zsync.externalsync.crm.CrmContacts;
import io.zsync.externalsync.domain.Baseline;
import io.zsync.externalsync.domain.Conflict;
import io.zsync.externalsync.domain.ContactField;
import io.zsync.externalsync.domain.ContactMerge;
import io.zsync.externalsync.domain.Provenance;
import io.zsync.externalsync.domain.Side;
import io.zsync.externalsync.port.ExternalContact;
import io.zsync.externalsync.port.ExternalCrm;
import io.zsync.externalsync.port.ExternalDuplicateException;
import io.zsync.externalsync.port.ExternalUpdate;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.PermanentSyncException;
import io.zsync.sync.engine.CrashPoints;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Carries out the plans of a batch for either flow, in the one order that works for both directions: record the
 * provenance of every write, insert CRM contacts (batched), write external contacts (a new CRM id becomes the
 * external contact's Zoho id, a new external id the CRM contact's external id), update CRM contacts (batched,
 * write-backs included), delete CRM contacts (batched). A create refused as a duplicate links the pair to the
 * existing record and merges with it instead. Every plan ends with exactly one result; one record's failure
 * never fails the others.
 */
@Singleton
public class PairWriter {

    private final CrmContacts crm;
    private final ExternalCrm external;
    private final PairLedger pairs;
    private final OrgSettings orgs;
    private final CrashPoints crashPoints;

    public PairWriter(CrmContacts crm, ExternalCrm external, PairLedger pairs, OrgSettings orgs, CrashPoints crashPoints) {
        this.crm = crm;
        this.external = external;
        this.pairs = pairs;
        this.orgs = orgs;
        this.crashPoints = crashPoints;
    }

    /**
     * Fills a plan for a linked pair from the merge of both sides against their baseline; no baseline means the
     * pair is being linked now.
     */
    void planLinked(PairPlan plan, CrmContact c, ExternalContact e, Optional<Baseline> base) {
        ContactMerge.Result merge = ContactMerge.merge(base, new ContactMerge.Snapshot(c.values(), c.modifiedAt()),
                new ContactMerge.Snapshot(e.values(), e.modifiedAt()), orgs.conflictPolicy(plan.org));
        if (merge.crmChanges().containsKey(ContactField.LAST_NAME) && merge.crmChanges().get(ContactField.LAST_NAME) == null) {
            throw new PermanentSyncException("MISSING_LAST_NAME", "the merged contact has no last name, which CRM requires");
        }
        plan.crm = c;
        plan.external = e;
        plan.crmId = c.id();
        plan.externalId = e.id();
        plan.agreed = merge.merged();
        plan.conflicts = merge.conflicts();
        plan.crmChanges = merge.crmChanges();
        plan.crmOp = merge.crmChanges().isEmpty() ? PairPlan.CrmOp.NONE : PairPlan.CrmOp.UPDATE;
        plan.crmExternalLink = c.externalId().equals(Optional.of(e.id())) ? null : e.id();
        plan.externalChanges = merge.externalChanges();
        plan.externalZohoLink = e.zohoId().equals(Optional.of(c.id())) ? null : c.id();
        plan.externalOp = merge.externalChanges().isEmpty() && plan.externalZohoLink == null
                ? PairPlan.ExternalOp.NONE : PairPlan.ExternalOp.UPDATE;
    }

    /** Runs the plans' writes and returns their results in order. */
    List<FlowResult> execute(String flowId, List<PairPlan> plans) {
        try {
            record(flowId, plans);
        } catch (RuntimeException e) {
            plans.forEach(p -> p.fail(e));
            return plans.stream().map(p -> p.result).toList();
        }
        Map<String, List<PairPlan>> byOrg = plans.stream().collect(Collectors.groupingBy(p -> p.org, LinkedHashMap::new,
                Collectors.toList()));
        byOrg.forEach((org, ofOrg) -> insertCrm(flowId, org, ofOrg));
        for (PairPlan plan : plans) {
            writeExternal(flowId, plan);
        }
        byOrg.forEach(this::updateCrm);
        byOrg.forEach(this::deleteCrm);
        Instant now = pairs.now();
        for (PairPlan plan : plans) {
            finish(plan, now);
        }
        return plans.stream().map(p -> p.result).toList();
    }

    private void record(String flowId, List<PairPlan> plans) {
        Instant now = pairs.now();
        List<PairLedger.Intent> intents = new ArrayList<>();
        for (PairPlan plan : plans) {
            if (!plan.open()) {
                continue;
            }
            String hash = plan.deletion ? Provenance.DELETED_HASH : plan.agreed.hash();
            Provenance provenance = new Provenance(hash, now, flowId);
            String eventId = plan.input.event().getEventId();
            if (plan.writesCrmFields() && known(plan.externalId)) {
                intents.add(PairLedger.Intent.wrote(Side.CRM, plan.org, plan.externalId, provenance, eventId));
            }
            if (plan.writesExternalFields() && known(plan.crmId)) {
                intents.add(PairLedger.Intent.wrote(Side.EXTERNAL, plan.org, plan.crmId, provenance, eventId));
            }
            if (plan.keptCrmHash != null && known(plan.crmId)) {
                intents.add(PairLedger.Intent.unlinkedCrm(plan.org, plan.crmId,
                        new Provenance(plan.keptCrmHash, now, flowId), eventId));
            }
        }
        pairs.record(intents);
    }

    private void insertCrm(String flowId, String org, List<PairPlan> plans) {
        List<PairPlan> inserts = plans.stream().filter(p -> p.open() && p.crmOp == PairPlan.CrmOp.INSERT).toList();
        if (inserts.isEmpty()) {
            return;
        }
        inserts.forEach(p -> p.step = "crm-insert");
        List<CrmContacts.Outcome> outcomes;
        try {
            outcomes = crm.insert(org, inserts.stream()
                    .map(p -> new CrmContacts.NewContact(p.agreed, p.externalId)).toList());
        } catch (RuntimeException e) {
            inserts.forEach(p -> p.fail(e));
            return;
        }
        for (int i = 0; i < inserts.size(); i++) {
            PairPlan plan = inserts.get(i);
            CrmContacts.Outcome outcome = outcomes.get(i);
            if (outcome.ok()) {
                plan.crmId = outcome.id();
                plan.targets.add(crmRef(plan.crmId, TargetAction.CREATED));
                if (PairPlan.PENDING.equals(plan.externalZohoLink)) {
                    plan.externalZohoLink = plan.crmId;
                }
            } else if (outcome.duplicateId().isPresent()) {
                adoptCrm(flowId, plan, outcome.duplicateId().get());
            } else {
                plan.fail(outcome.error());
            }
        }
    }

    /** CRM already has a contact with this e-mail: link the pair to it and merge instead of creating. */
    private void adoptCrm(String flowId, PairPlan plan, String existingId) {
        try {
            CrmContact c = crm.getMany(plan.org, List.of(existingId)).get(existingId);
            if (c == null) {
                throw new PermanentSyncException("CRM_DUPLICATE_UNREADABLE", "CRM reported contact " + existingId
                        + " as a duplicate but does not return it");
            }
            if (c.externalId().isPresent() && !c.externalId().get().equals(plan.externalId)) {
                throw new PermanentSyncException("CRM_CONTACT_LINKED_ELSEWHERE", "CRM contact " + existingId
                        + " has the same e-mail but is linked to external contact " + c.externalId().get());
            }
            planLinked(plan, c, plan.external, Optional.empty());
            plan.targets.add(crmRef(c.id(), TargetAction.MATCHED));
            record(flowId, List.of(plan));
        } catch (RuntimeException e) {
            plan.fail(e);
        }
    }

    private void writeExternal(String flowId, PairPlan plan) {
        if (!plan.open()) {
            return;
        }
        try {
            switch (plan.externalOp) {
                case CREATE -> {
                    plan.step = "external-create";
                    try {
                        ExternalContact created = external.create(plan.org, plan.agreed, plan.crmId);
                        crashPoints.reached(CrashPoints.AFTER_TARGET_WRITE); // before the CRM write-back
                        plan.externalId = created.id();
                        plan.external = created;
                        plan.targets.add(externalRef(created.id(), TargetAction.CREATED));
                        if (PairPlan.PENDING.equals(plan.crmExternalLink)) {
                            plan.crmExternalLink = created.id();
                        }
                    } catch (ExternalDuplicateException duplicate) {
                        adoptExternal(flowId, plan, duplicate.existingId());
                    }
                }
                case UPDATE -> update(plan);
                case DELETE -> {
                    plan.step = "external-delete";
                    external.delete(plan.org, plan.externalId);
                    plan.targets.add(externalRef(plan.externalId, TargetAction.DELETED));
                }
                case MARK -> {
                    plan.step = "external-mark";
                    external.update(plan.org, plan.externalId, new ExternalUpdate(Map.of(), Optional.of(""), true));
                    plan.targets.add(new TargetRef(external.system(), external.entityType(), plan.externalId,
                            TargetAction.UPDATED, "marked deleted"));
                }
                case NONE -> {
                    if (known(plan.externalId) && !plan.deletion) {
                        plan.targets.add(externalRef(plan.externalId, TargetAction.UNCHANGED));
                    }
                }
            }
        } catch (RuntimeException e) {
            plan.fail(e);
        }
    }

    private void update(PairPlan plan) {
        plan.step = "external-update";
        String link = plan.externalZohoLink == null || PairPlan.PENDING.equals(plan.externalZohoLink)
                ? null : plan.externalZohoLink;
        ExternalUpdate update = new ExternalUpdate(plan.externalChanges, Optional.ofNullable(link), false);
        external.update(plan.org, plan.externalId, update);
        plan.targets.add(externalRef(plan.externalId, TargetAction.UPDATED));
    }

    /** The external CRM already has a contact with this e-mail: link the pair to it and merge instead. */
    private void adoptExternal(String flowId, PairPlan plan, String existingId) {
        ExternalContact e = external.get(plan.org, existingId).orElseThrow(() -> new PermanentSyncException(
                "EXTERNAL_DUPLICATE_UNREADABLE", "the external CRM reported contact " + existingId
                + " as a duplicate but does not return it"));
        if (e.zohoId().isPresent() && !e.zohoId().get().equals(plan.crmId)) {
            throw new PermanentSyncException("EXTERNAL_CONTACT_LINKED_ELSEWHERE", "external contact " + existingId
                    + " has the same e-mail but is linked to CRM contact " + e.zohoId().get());
        }
        planLinked(plan, plan.crm, e, Optional.empty());
        plan.targets.add(externalRef(e.id(), TargetAction.MATCHED));
        record(flowId, List.of(plan));
        if (plan.externalOp == PairPlan.ExternalOp.UPDATE) {
            update(plan);
        }
    }

    private void updateCrm(String org, List<PairPlan> plans) {
        List<PairPlan> updates = new ArrayList<>();
        List<CrmContacts.Change> changes = new ArrayList<>();
        for (PairPlan plan : plans) {
            if (!plan.open()) {
                continue;
            }
            boolean fields = plan.crmOp == PairPlan.CrmOp.UPDATE && !plan.crmChanges.isEmpty();
            String link = PairPlan.PENDING.equals(plan.crmExternalLink) ? null : plan.crmExternalLink;
            if (!fields && link == null) {
                continue;
            }
            plan.step = "crm-update";
            updates.add(plan);
            changes.add(new CrmContacts.Change(plan.crmId, fields ? plan.crmChanges : Map.of(), link));
        }
        if (updates.isEmpty()) {
            return;
        }
        List<CrmContacts.Outcome> outcomes;
        try {
            outcomes = crm.update(org, changes);
        } catch (RuntimeException e) {
            updates.forEach(p -> p.fail(e));
            return;
        }
        for (int i = 0; i < updates.size(); i++) {
            PairPlan plan = updates.get(i);
            if (outcomes.get(i).ok()) {
                plan.targets.add(crmRef(plan.crmId, TargetAction.UPDATED));
            } else {
                plan.fail(outcomes.get(i).error());
            }
        }
    }

    private void deleteCrm(String org, List<PairPlan> plans) {
        List<PairPlan> deletes = plans.stream().filter(p -> p.open() && p.crmOp == PairPlan.CrmOp.DELETE).toList();
        if (deletes.isEmpty()) {
            return;
        }
        deletes.forEach(p -> p.step = "crm-delete");
        List<CrmContacts.Outcome> outcomes;
        try {
            outcomes = crm.delete(org, deletes.stream().map(p -> p.crmId).toList());
        } catch (RuntimeException e) {
            deletes.forEach(p -> p.fail(e));
            return;
        }
        for (int i = 0; i < deletes.size(); i++) {
            if (outcomes.get(i).ok()) {
                deletes.get(i).targets.add(crmRef(deletes.get(i).crmId, TargetAction.DELETED));
            } else {
                deletes.get(i).fail(outcomes.get(i).error());
            }
        }
    }

    private void finish(PairPlan plan, Instant now) {
        if (!plan.open()) {
            return;
        }
        Map<String, String> ledgerTargets = new LinkedHashMap<>();
        Baseline baseline;
        if (plan.deletion) {
            // the pair is gone: neither flow follows the link any more
            ledgerTargets.put(PairLedger.CRM_ID, "");
            ledgerTargets.put(PairLedger.EXTERNAL_ID, "");
            baseline = Baseline.deletion(now, plan.wrote());
        } else {
            ledgerTargets.putAll(plan.links());
            baseline = Baseline.agreed(plan.agreed, now, plan.wrote());
        }
        ledgerTargets.putAll(baseline.toTargets());
        Map<String, String> details = new LinkedHashMap<>(Conflict.details(plan.conflicts));
        details.put("origin", plan.input.event().getOrigin().name());
        if (!plan.crmChanges.isEmpty() && plan.crmOp == PairPlan.CrmOp.UPDATE) {
            details.put("crmFields", plan.crmChanges.keySet().stream().map(ContactField::key).collect(Collectors.joining(",")));
        }
        if (!plan.externalChanges.isEmpty() && plan.externalOp == PairPlan.ExternalOp.UPDATE) {
            details.put("externalFields", plan.externalChanges.keySet().stream().map(ContactField::key)
                    .collect(Collectors.joining(",")));
        }
        plan.result = new FlowResult.Succeeded(plan.targets, ledgerTargets, baseline.hash(), details);
    }

    TargetRef crmRef(String id, TargetAction action) {
        return new TargetRef(SystemId.ZOHO_CRM, CrmContacts.MODULE, id, action, null);
    }

    TargetRef externalRef(String id, TargetAction action) {
        return new TargetRef(external.system(), external.entityType(), id, action, null);
    }

    private static boolean known(String id) {
        return id != null && !id.isEmpty() && !PairPlan.PENDING.equals(id);
    }
}
