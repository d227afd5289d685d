package io.zsync.zoho.books;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.zsync.zoho.http.JsonBody;

import java.util.Map;

/**
 * A contact person of a Books contact: e-mail and phone live here (on the primary person), not on the contact.
 *
 * @param contactPersonId  id (send it on update to keep the person)
 * @param salutation       salutation
 * @param firstName        first name
 * @param lastName         last name
 * @param email            e-mail
 * @param phone            phone
 * @param mobile           mobile
 * @param designation      designation
 * @param department       department
 * @param isPrimaryContact primary person of the contact
 */
@Serdeable
public record BooksContactPerson(@JsonProperty("contact_person_id") @Nullable String contactPersonId,
                                 @Nullable String salutation,
                                 @JsonProperty("first_name") @Nullable String firstName,
                                 @JsonProperty("last_name") @Nullable String lastName,
                                 @Nullable String email, @Nullable String phone, @Nullable String mobile,
                                 @Nullable String designation, @Nullable String department,
                                 @JsonProperty("is_primary_contact") @Nullable Boolean isPrimaryContact) {

    /** A primary contact person, the usual way to give a Books contact an e-mail. */
    public static BooksContactPerson primary(String firstName, String lastName, String email, String phone) {
        return new BooksContactPerson(null, null, firstName, lastName, email, phone, null, null, null, true);
    }

    /** The JSON body, without unset keys. */
    public Map<String, Object> toBody() {
        return JsonBody.create().put("contact_person_id", contactPersonId).put("salutation", salutation)
                .put("first_name", firstName).put("last_name", lastName).put("email", email).put("phone", phone)
                .put("mobile", mobile).put("designation", designation).put("department", department)
                .put("is_primary_contact", isPrimaryContact).build();
    }
}
