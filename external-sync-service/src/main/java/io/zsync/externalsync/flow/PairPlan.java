package io.zsync.externalsync.flow;

import io.zsync.contract.TargetRef;
import io.zsync.externalsync.crm.CrmContact;
import io.zsync.externalsync.domain.Conflict;
import io.zsync.externalsync.domain.ContactField;
import io.zsync.externalsync.domain.ContactValues;
import io.zsync.externalsync.domain.Side;
import io.zsync.externalsync.port.ExternalContact;
import io.zsync.sync.api.FlowInput;
import io.zsync.sync.api.FlowResult;
import io.zsync.sync.engine.Failures;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a flow decided for one event of a contact pair, filled in by the flow's planning and completed by
 * {@link PairWriter} as the writes happen: the ids of both sides, the values both will hold, the writes per
 * side, and finally the event's result.
 */
final class PairPlan {

    enum ExternalOp { NONE, CREATE, UPDATE, DELETE, MARK }

    enum CrmOp { NONE, INSERT, UPDATE, DELETE }

    /** A link value that becomes the other side's id once that side is created. */
    static final String PENDING = "\u0000pending";

    final FlowInput input;
    final String org;
    String crmId;
    String externalId;
    CrmContact crm;
    ExternalContact external;
    ContactValues agreed;
    boolean deletion;
    ExternalOp externalOp = ExternalOp.NONE;
    Map<ContactField, String> externalChanges = Map.of();
    String externalZohoLink;
    CrmOp crmOp = CrmOp.NONE;
    Map<ContactField, String> crmChanges = Map.of();
    String crmExternalLink;
    /** When an external deletion unlinks the CRM contact: the fingerprint of the values it keeps (the pair's last). */
    String keptCrmHash;
    List<Conflict> conflicts = List.of();
    final List<TargetRef> targets = new ArrayList<>();
    String step;
    FlowResult result;

    PairPlan(FlowInput input, String org) {
        this.input = input;
        this.org = org;
    }

    boolean open() {
        return result == null;
    }

    void skip(String reason) {
        if (open()) {
            result = new FlowResult.Skipped(reason, deletion ? clearedLinks() : links(), null);
        }
    }

    /** Ledger targets that forget the partner: a deleted pair is never followed again. */
    static Map<String, String> clearedLinks() {
        Map<String, String> links = new LinkedHashMap<>();
        links.put(PairLedger.CRM_ID, "");
        links.put(PairLedger.EXTERNAL_ID, "");
        return links;
    }

    void fail(RuntimeException error) {
        if (open()) {
            FlowResult.Failed f = Failures.classify(error);
            result = new FlowResult.Failed(f.code(), f.message(), f.retryable(), f.retryAfter(), Optional.ofNullable(step),
                    links());
        }
    }

    /** The pair's ids as ledger targets, so a retry or the next event finds the partner. */
    Map<String, String> links() {
        Map<String, String> links = new LinkedHashMap<>();
        if (crmId != null) {
            links.put(PairLedger.CRM_ID, crmId);
        }
        if (externalId != null) {
            links.put(PairLedger.EXTERNAL_ID, externalId);
        }
        return links;
    }

    boolean writesCrmFields() {
        return crmOp == CrmOp.INSERT || crmOp == CrmOp.DELETE || (crmOp == CrmOp.UPDATE && !crmChanges.isEmpty());
    }

    boolean writesExternalFields() {
        return externalOp == ExternalOp.CREATE || externalOp == ExternalOp.DELETE || externalOp == ExternalOp.MARK
                || (externalOp == ExternalOp.UPDATE && !externalChanges.isEmpty());
    }

    /** Sides whose shared fields this sync writes: their next notification is the sync's own echo. */
    Set<Side> wrote() {
        Set<Side> sides = EnumSet.noneOf(Side.class);
        if (writesCrmFields()) {
            sides.add(Side.CRM);
        }
        if (writesExternalFields()) {
            sides.add(Side.EXTERNAL);
        }
        return sides;
    }
}
