package io.zsync.zoho.hubspot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * HubSpot search answer: {@code {"total","results","paging":{"next":{"after"}}}}.
 *
 * @param total   matches
 * @param results contacts
 * @param paging  cursor
 */
@Serdeable
public record HubSpotSearchResponse(@Nullable Integer total, @Nullable List<HubSpotContact> results,
                                    @Nullable Map<String, Object> paging) {
}
