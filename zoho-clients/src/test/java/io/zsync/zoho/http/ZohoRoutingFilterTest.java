package io.zsync.zoho.http;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ZohoRoutingFilterTest {

    @Test
    void shouldKeepPathAndEncodedQueryUnderTheOrgsHost() {
        URI routed = ZohoRoutingFilter.rebase(URI.create("https://www.zohoapis.eu"),
                URI.create("http://zoho-crm.zsync.invalid/crm/v8/Contacts/search?criteria=%28Email%3Aequals%3Aa%40b.com%29"));

        assertThat(routed).hasToString("https://www.zohoapis.eu/crm/v8/Contacts/search?criteria=%28Email%3Aequals%3Aa%40b.com%29");
    }

    @Test
    void shouldPutThePathUnderAnOverridesPrefix() {
        URI routed = ZohoRoutingFilter.rebase(URI.create("http://127.0.0.1:8090/zoho/"),
                URI.create("/books/v3/contacts?organization_id=1"));

        assertThat(routed).hasToString("http://127.0.0.1:8090/zoho/books/v3/contacts?organization_id=1");
    }
}
