package io.zsync.zoho.books;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.zsync.zoho.http.JsonBody;

import java.util.Map;

/**
 * A Books billing or shipping address ({@code address} at most 500 characters).
 *
 * @param attention attention line
 * @param address   street
 * @param street2   second street line
 * @param city      city
 * @param state     state
 * @param stateCode state code
 * @param zip       postal code
 * @param country   country
 * @param phone     phone
 * @param fax       fax
 */
@Serdeable
public record BooksAddress(@Nullable String attention, @Nullable String address, @Nullable String street2,
                           @Nullable String city, @Nullable String state,
                           @JsonProperty("state_code") @Nullable String stateCode, @Nullable String zip,
                           @Nullable String country, @Nullable String phone, @Nullable String fax) {

    public static BooksAddress of(String address, String city, String state, String zip, String country) {
        return new BooksAddress(null, address, null, city, state, null, zip, country, null, null);
    }

    /** The JSON body, without unset keys. */
    public Map<String, Object> toBody() {
        return JsonBody.create().put("attention", attention).put("address", address).put("street2", street2)
                .put("city", city).put("state", state).put("state_code", stateCode).put("zip", zip)
                .put("country", country).put("phone", phone).put("fax", fax).build();
    }
}
