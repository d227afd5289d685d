package io.zsync.crmbooks.domain;

import java.util.Map;
import java.util.Optional;

/**
 * What is known about one CRM deal when its change is decided.
 *
 * @param dealId           CRM deal id
 * @param deleted          the change is a deletion
 * @param deal             the deal's fields as CRM returned them now, or null when CRM no longer has it
 * @param knownInvoiceId   the Books invoice id remembered in the ledger, if any
 * @param knownInvoiceNumber the Books invoice number remembered in the ledger, if any
 * @param mayHaveWritten   an earlier attempt recorded its intent and never its outcome (it crashed): what the deal
 *                         holds may be that attempt's own write
 */
public record DealState(String dealId, boolean deleted, Map<String, Object> deal, Optional<String> knownInvoiceId,
                        Optional<String> knownInvoiceNumber, boolean mayHaveWritten) {

    public DealState(String dealId, boolean deleted, Map<String, Object> deal, Optional<String> knownInvoiceId,
                     Optional<String> knownInvoiceNumber) {
        this(dealId, deleted, deal, knownInvoiceId, knownInvoiceNumber, false);
    }

    public DealState {
        knownInvoiceId = knownInvoiceId == null ? Optional.empty() : knownInvoiceId.filter(id -> !id.isBlank());
        knownInvoiceNumber = knownInvoiceNumber == null ? Optional.empty() : knownInvoiceNumber;
    }
}
