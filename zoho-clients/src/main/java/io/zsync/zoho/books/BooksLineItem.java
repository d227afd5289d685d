package io.zsync.zoho.books;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.zsync.zoho.http.JsonBody;

import java.util.Map;

import java.math.BigDecimal;

/**
 * An invoice line: either an {@code item_id} or a free {@code name} with rate and quantity.
 *
 * @param lineItemId  id (read)
 * @param itemId      Books item id
 * @param name        line name
 * @param description description
 * @param rate        unit price
 * @param quantity    quantity
 * @param unit        unit
 * @param discount    discount
 * @param taxId       tax id
 * @param itemOrder   position
 * @param itemTotal   line total (read)
 */
@Serdeable
public record BooksLineItem(@JsonProperty("line_item_id") @Nullable String lineItemId,
                            @JsonProperty("item_id") @Nullable String itemId,
                            @Nullable String name,
                            @Nullable String description,
                            @Nullable BigDecimal rate,
                            @Nullable BigDecimal quantity,
                            @Nullable String unit,
                            @Nullable BigDecimal discount,
                            @JsonProperty("tax_id") @Nullable String taxId,
                            @JsonProperty("item_order") @Nullable Integer itemOrder,
                            @JsonProperty("item_total") @Nullable BigDecimal itemTotal) {

    /** A line for a named product at a rate. */
    public static BooksLineItem of(@Nullable String itemId, String name, BigDecimal rate, BigDecimal quantity) {
        return new BooksLineItem(null, itemId, name, null, rate, quantity, null, null, null, null, null);
    }

    /** The JSON body, without unset keys (and without the read-only total). */
    public Map<String, Object> toBody() {
        return JsonBody.create().put("line_item_id", lineItemId).put("item_id", itemId).put("name", name)
                .put("description", description).put("rate", rate).put("quantity", quantity).put("unit", unit)
                .put("discount", discount).put("tax_id", taxId).put("item_order", itemOrder).build();
    }
}
