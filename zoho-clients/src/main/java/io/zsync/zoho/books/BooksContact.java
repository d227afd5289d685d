package io.zsync.zoho.books;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Books contact as read. Ids are strings even where Books documents them as bare numbers (both occur,
 * zoho-api.md §1.3); {@code email}, {@code first_name}, {@code last_name} and {@code phone} are the primary
 * person's, present on list responses.
 *
 * @param contactId        id
 * @param contactName      display name (unique per org across customers and vendors)
 * @param companyName      company
 * @param contactType      {@code customer} or {@code vendor}
 * @param customerSubType  {@code business} or {@code individual}
 * @param status           {@code active}/{@code inactive}
 * @param email            primary person's e-mail
 * @param firstName        primary person's first name
 * @param lastName         primary person's last name
 * @param phone            primary person's phone
 * @param primaryContactId primary person id
 * @param website          website
 * @param notes            notes
 * @param billingAddress   billing address
 * @param shippingAddress  shipping address
 * @param contactPersons   contact persons
 * @param customFields     custom fields as returned
 * @param createdTime      {@code 2013-08-05T12:06:10+0530} (offset without colon)
 * @param lastModifiedTime same format
 */
@Serdeable
public record BooksContact(@JsonProperty("contact_id") @Nullable String contactId,
                           @JsonProperty("contact_name") @Nullable String contactName,
                           @JsonProperty("company_name") @Nullable String companyName,
                           @JsonProperty("contact_type") @Nullable String contactType,
                           @JsonProperty("customer_sub_type") @Nullable String customerSubType,
                           @Nullable String status,
                           @Nullable String email,
                           @JsonProperty("first_name") @Nullable String firstName,
                           @JsonProperty("last_name") @Nullable String lastName,
                           @Nullable String phone,
                           @JsonProperty("primary_contact_id") @Nullable String primaryContactId,
                           @Nullable String website,
                           @Nullable String notes,
                           @JsonProperty("billing_address") @Nullable BooksAddress billingAddress,
                           @JsonProperty("shipping_address") @Nullable BooksAddress shippingAddress,
                           @JsonProperty("contact_persons") @Nullable List<BooksContactPerson> contactPersons,
                           @JsonProperty("custom_fields") @Nullable List<Map<String, Object>> customFields,
                           @JsonProperty("created_time") @Nullable String createdTime,
                           @JsonProperty("last_modified_time") @Nullable String lastModifiedTime) {

    /** E-mail of the primary person (or the top-level list field). */
    public Optional<String> primaryEmail() {
        if (email != null && !email.isBlank()) {
            return Optional.of(email);
        }
        if (contactPersons == null) {
            return Optional.empty();
        }
        return contactPersons.stream()
                .filter(p -> Boolean.TRUE.equals(p.isPrimaryContact()) && p.email() != null)
                .map(BooksContactPerson::email).findFirst()
                .or(() -> contactPersons.stream().map(BooksContactPerson::email).filter(e -> e != null).findFirst());
    }
}
