package io.zsync.zoho.books;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * A Books item (product or service). zoho-api.md does not document items in detail; the fields are the common
 * ones of the v3 item object ([U]) and unknown ones are ignored.
 *
 * @param itemId      id
 * @param name        name
 * @param sku         SKU
 * @param rate        unit price
 * @param description description
 * @param unit        unit
 * @param status      {@code active}/{@code inactive}
 * @param productType {@code goods}/{@code service}
 * @param taxId       default tax id
 */
@Serdeable
public record BooksItem(@JsonProperty("item_id") @Nullable String itemId,
                        @Nullable String name,
                        @Nullable String sku,
                        @Nullable BigDecimal rate,
                        @Nullable String description,
                        @Nullable String unit,
                        @Nullable String status,
                        @JsonProperty("product_type") @Nullable String productType,
                        @JsonProperty("tax_id") @Nullable String taxId) {
}
