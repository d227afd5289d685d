package io.zsync.crmdesk.zoho;

import io.zsync.zoho.budget.CallCost;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.desk.DeskErrorMapper;
import io.zsync.zoho.desk.DeskPage;
import io.zsync.zoho.desk.DeskTicket;
import io.zsync.zoho.http.ZohoCallExecutor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Objects;

/**
 * Finds the tickets whose custom field holds a value: how a ticket created by an attempt that crashed before
 * recording it is found again. Runs through the shared executor (token, budget, call counting, error mapping);
 * a search costs 3 Desk credits.
 */
@Singleton
public class DeskTicketLookup {

    private static final CallCost SEARCH = CallCost.of(3);

    private final DeskTicketSearchApi api;
    private final DeskErrorMapper errors;
    private final ZohoCallExecutor executor;
    private final ZohoOrgRegistry orgs;

    public DeskTicketLookup(DeskTicketSearchApi api, DeskErrorMapper errors, ZohoCallExecutor executor,
                            ZohoOrgRegistry orgs) {
        this.api = api;
        this.errors = errors;
        this.executor = executor;
        this.orgs = orgs;
    }

    public List<DeskTicket> byCustomField(String org, String field, String value) {
        String deskOrgId = orgs.org(org).properties().deskOrgId();
        List<DeskTicket> rows = executor.execute(org, errors, SEARCH,
                        () -> api.byCustomField(org, deskOrgId, field + ":" + value, 100))
                .getBody().map(DeskPage::data).orElse(null);
        // the filter is re-checked here: a Desk that ignored the parameter must not hand back unrelated tickets
        return rows == null ? List.of() : rows.stream()
                .filter(t -> t.cf() != null && Objects.equals(String.valueOf(t.cf().get(field)), value))
                .toList();
    }
}
