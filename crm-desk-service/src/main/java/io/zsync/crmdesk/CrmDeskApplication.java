package io.zsync.crmdesk;

import io.micronaut.runtime.Micronaut;

/**
 * crm-desk-service: a new CRM lead gets a Desk contact and an inquiry ticket whose ids are written back on the
 * lead; a Desk ticket that closes updates the CRM lead or contact it is linked to.
 */
public final class CrmDeskApplication {

    private CrmDeskApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(CrmDeskApplication.class, args);
    }
}
