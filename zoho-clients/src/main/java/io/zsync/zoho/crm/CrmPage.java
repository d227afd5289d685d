package io.zsync.zoho.crm;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One page of CRM records with what is needed to fetch the next: {@code next_page_token} reaches up to 100,000
 * records, plain {@code page} numbers only the first 2,000 (zoho-api.md §3.3).
 *
 * @param records       records of this page (empty on 204 / 304)
 * @param moreRecords   {@code info.more_records}
 * @param nextPageToken {@code info.next_page_token}
 * @param page          {@code info.page}
 */
public record CrmPage(List<CrmRecord> records, boolean moreRecords, @Nullable String nextPageToken, int page) {
    public static final CrmPage EMPTY = new CrmPage(List.of(), false, null, 1);
}
