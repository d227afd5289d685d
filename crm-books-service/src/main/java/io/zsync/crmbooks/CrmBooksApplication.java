package io.zsync.crmbooks;

import io.micronaut.runtime.Micronaut;

/** Keeps Zoho Books in step with Zoho CRM: contacts become Books customers, won deals become Books invoices. */
public final class CrmBooksApplication {

    private CrmBooksApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(CrmBooksApplication.class, args);
    }
}
