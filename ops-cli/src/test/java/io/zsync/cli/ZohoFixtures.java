package io.zsync.cli;

import io.zsync.cli.fake.FakeState;

import java.util.List;

/** CRM contacts and Books contacts covering each backfill decision. */
final class ZohoFixtures {

    static final String MODIFIED = "2026-11-20T09:30:00+00:00";

    private ZohoFixtures() {
    }

    static void contactsAndCustomers(FakeState state) {
        state.crmRecords.put("Contacts", List.of(
                "{\"id\":\"c1\",\"Modified_Time\":\"" + MODIFIED + "\",\"Email\":\"bo@example.com\",\"Books_Customer_ID\":\"b1\"}", // match: Books id kept on the contact
                "{\"id\":\"c2\",\"Modified_Time\":\"" + MODIFIED + "\",\"Email\":\"Ana@Example.com\",\"Books_Customer_ID\":null}", // match: same e-mail
                "{\"id\":\"c3\",\"Modified_Time\":\"" + MODIFIED + "\",\"Email\":\"new@example.com\"}", // create: nobody in Books
                "{\"id\":\"c4\",\"Email\":\"old@example.com\"}", // skip: no Modified_Time
                "{\"id\":\"c5\",\"Modified_Time\":\"" + MODIFIED + "\",\"Books_Customer_ID\":\"gone\"}")); // create: kept id deleted in Books
        state.booksContacts.add("{\"contact_id\":\"b1\",\"contact_name\":\"Bo\",\"email\":\"bo@example.com\"}");
        state.booksContacts.add("{\"contact_id\":\"b2\",\"contact_name\":\"Ana\",\"email\":\"ana@example.com\"}");
    }
}
