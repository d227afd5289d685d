package io.zsync.creatorhub.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A submitted Creator order, checked and typed: everything the saga reads from it. Optional fields are
 * empty when the order does not carry them (no CRM contact id yet, no Books customer, a product known only by
 * name, a price left to the Books item).
 *
 * @param recordId        Creator record {@code ID}
 * @param number          order number, as the customer sees it
 * @param firstName       customer first name
 * @param lastName        customer last name
 * @param email           customer e-mail (the natural key of the customer in CRM, Books and Desk)
 * @param phone           customer phone
 * @param crmContactId    CRM contact id the order already names
 * @param booksCustomerId Books contact id the order already names
 * @param productItemId   Books item id of the ordered product
 * @param productName     product name (to find the Books item when the id is missing)
 * @param quantity        ordered quantity, greater than zero
 * @param unitPrice       unit price, when the order fixes it
 * @param total           order total (given, or quantity times unit price)
 */
public record Order(String recordId, String number, Optional<String> firstName, Optional<String> lastName, String email,
                    Optional<String> phone, Optional<String> crmContactId, Optional<String> booksCustomerId,
                    Optional<String> productItemId, Optional<String> productName, BigDecimal quantity,
                    Optional<BigDecimal> unitPrice, BigDecimal total) {

    /** The values the saga maps to its targets, for the ledger's mapped hash. */
    public Map<String, Object> mappedValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("number", number);
        values.put("firstName", firstName.orElse(null));
        values.put("lastName", lastName.orElse(null));
        values.put("email", email);
        values.put("phone", phone.orElse(null));
        values.put("productItemId", productItemId.orElse(null));
        values.put("productName", productName.orElse(null));
        values.put("quantity", quantity.stripTrailingZeros().toPlainString());
        values.put("unitPrice", unitPrice.map(p -> p.stripTrailingZeros().toPlainString()).orElse(null));
        values.put("total", total.stripTrailingZeros().toPlainString());
        return values;
    }

    /** "First Last", or whichever part is there, or the e-mail when the order names nobody. */
    public String displayName() {
        String joined = (firstName.orElse("") + " " + lastName.orElse("")).trim();
        return joined.isEmpty() ? email : joined;
    }

    /** A last name for products that require one (CRM, Desk): the last name, else the first name, else the e-mail. */
    public String lastNameOrFallback() {
        return lastName.or(() -> firstName).orElse(email);
    }
}
