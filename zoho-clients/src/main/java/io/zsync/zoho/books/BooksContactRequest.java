package io.zsync.zoho.books;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.zsync.zoho.http.JsonBody;

import java.util.List;
import java.util.Map;

/**
 * Body of Books contact create/update. {@code contact_name} is required and unique per org (3062 otherwise);
 * an update is a full replace, so contact persons left out are deleted (zoho-api.md §5.2).
 *
 * @param contactName     display name (required, at most 200 characters)
 * @param companyName     company
 * @param contactType     {@code customer} or {@code vendor}
 * @param customerSubType {@code business} or {@code individual}
 * @param website         website
 * @param notes           notes
 * @param billingAddress  billing address
 * @param shippingAddress shipping address
 * @param contactPersons  contact persons; the primary one carries the e-mail
 * @param customFields    {@code [{"api_name"|"customfield_id"|"index": ..., "value": ...}]}
 */
@Serdeable
public record BooksContactRequest(@JsonProperty("contact_name") String contactName,
                                  @JsonProperty("company_name") @Nullable String companyName,
                                  @JsonProperty("contact_type") @Nullable String contactType,
                                  @JsonProperty("customer_sub_type") @Nullable String customerSubType,
                                  @Nullable String website,
                                  @Nullable String notes,
                                  @JsonProperty("billing_address") @Nullable BooksAddress billingAddress,
                                  @JsonProperty("shipping_address") @Nullable BooksAddress shippingAddress,
                                  @JsonProperty("contact_persons") @Nullable List<BooksContactPerson> contactPersons,
                                  @JsonProperty("custom_fields") @Nullable List<Map<String, Object>> customFields) {

    public BooksContactRequest {
        if (contactName == null || contactName.isBlank()) {
            throw new IllegalArgumentException("contact_name is required");
        }
        if (contactName.length() > 200) {
            throw new IllegalArgumentException("contact_name is at most 200 characters");
        }
    }

    /** A customer with one primary contact person. */
    public static BooksContactRequest customer(String contactName, @Nullable String companyName,
                                               BooksContactPerson primary) {
        return new BooksContactRequest(contactName, companyName, "customer", null, null, null, null, null,
                List.of(primary), null);
    }

    /** The JSON body, without unset keys. */
    public Map<String, Object> toBody() {
        return JsonBody.create().put("contact_name", contactName).put("company_name", companyName)
                .put("contact_type", contactType).put("customer_sub_type", customerSubType).put("website", website)
                .put("notes", notes)
                .put("billing_address", billingAddress == null ? null : billingAddress.toBody())
                .put("shipping_address", shippingAddress == null ? null : shippingAddress.toBody())
                .putList("contact_persons", contactPersons, BooksContactPerson::toBody)
                .put("custom_fields", customFields).build();
    }
}
