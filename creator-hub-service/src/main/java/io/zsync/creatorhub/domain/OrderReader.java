package io.zsync.creatorhub.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a Creator order record into an {@link Order}, or says why it cannot start a saga. The rules:
 * an order needs a number, a customer e-mail (the natural key that lets every step find what an earlier
 * attempt created, and the confirmation's recipient), a product (Books item id or name) and a quantity
 * greater than zero; its total is {@code Total_Amount} when given, else quantity times unit price.
 * Creator returns numbers as text ({@code "120.00"}) and lookups as {@code {"ID", "display_value"}} maps.
 */
public final class OrderReader {

    /** Deliberately loose: one {@code @}, something on both sides, no spaces. Mail servers judge the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private OrderReader() {
    }

    public static OrderCheck read(String recordId, Map<String, ?> fields, OrderFields names) {
        Optional<String> number = text(fields, names.name(OrderFields.ORDER_NUMBER));
        if (number.isEmpty()) {
            return new OrderCheck.Invalid("MISSING_ORDER_NUMBER", "the order has no " + names.name(OrderFields.ORDER_NUMBER));
        }
        Optional<String> email = text(fields, names.name(OrderFields.EMAIL));
        if (email.isEmpty()) {
            return new OrderCheck.Invalid("MISSING_CUSTOMER_EMAIL", "order " + number.get() + " has no "
                    + names.name(OrderFields.EMAIL) + ": the customer cannot be matched or confirmed");
        }
        if (!EMAIL.matcher(email.get()).matches()) {
            return new OrderCheck.Invalid("INVALID_CUSTOMER_EMAIL", "order " + number.get() + " has an e-mail address "
                    + "that is not one");
        }
        Optional<String> itemId = text(fields, names.name(OrderFields.PRODUCT_BOOKS_ID));
        Optional<String> productName = text(fields, names.name(OrderFields.PRODUCT_NAME));
        if (itemId.isEmpty() && productName.isEmpty()) {
            return new OrderCheck.Invalid("MISSING_PRODUCT", "order " + number.get() + " names no product ("
                    + names.name(OrderFields.PRODUCT_BOOKS_ID) + " or " + names.name(OrderFields.PRODUCT_NAME) + ")");
        }
        Optional<String> quantityText = text(fields, names.name(OrderFields.QUANTITY));
        if (quantityText.isEmpty()) {
            return new OrderCheck.Invalid("MISSING_QUANTITY", "order " + number.get() + " has no quantity");
        }
        Optional<BigDecimal> quantity = decimal(quantityText.get());
        if (quantity.isEmpty() || quantity.get().signum() < 0) {
            return new OrderCheck.Invalid("INVALID_QUANTITY", "order " + number.get() + " has quantity '"
                    + quantityText.get() + "'");
        }
        if (quantity.get().signum() == 0) {
            return new OrderCheck.Invalid("ZERO_QUANTITY", "order " + number.get() + " has quantity 0: nothing to invoice");
        }
        Optional<String> priceText = text(fields, names.name(OrderFields.UNIT_PRICE));
        Optional<BigDecimal> unitPrice = priceText.flatMap(OrderReader::decimal);
        if (priceText.isPresent() && (unitPrice.isEmpty() || unitPrice.get().signum() < 0)) {
            return new OrderCheck.Invalid("INVALID_UNIT_PRICE", "order " + number.get() + " has unit price '"
                    + priceText.get() + "'");
        }
        Optional<String> totalText = text(fields, names.name(OrderFields.TOTAL_AMOUNT));
        BigDecimal total;
        if (totalText.isPresent()) {
            Optional<BigDecimal> given = decimal(totalText.get());
            if (given.isEmpty() || given.get().signum() < 0) {
                return new OrderCheck.Invalid("INVALID_TOTAL", "order " + number.get() + " has total '" + totalText.get() + "'");
            }
            total = given.get();
        } else if (unitPrice.isPresent()) {
            total = unitPrice.get().multiply(quantity.get());
        } else {
            return new OrderCheck.Invalid("MISSING_TOTAL", "order " + number.get() + " has neither a total nor a unit price");
        }
        return new OrderCheck.Valid(new Order(recordId, number.get(), text(fields, names.name(OrderFields.FIRST_NAME)),
                text(fields, names.name(OrderFields.LAST_NAME)), email.get(), text(fields, names.name(OrderFields.PHONE)),
                text(fields, names.name(OrderFields.CRM_CONTACT_ID)), text(fields, names.name(OrderFields.BOOKS_CUSTOMER_ID)),
                itemId, productName, quantity.get(), unitPrice, total));
    }

    /** A field as trimmed text; blank is absent; a lookup map gives its {@code ID} (ids) or display value. */
    static Optional<String> text(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value instanceof Map<?, ?> lookup) {
            Object id = lookup.get("ID");
            value = id != null ? id : lookup.get("display_value");
        }
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof BigDecimal bd ? bd.toPlainString() : String.valueOf(value).trim();
        return text.isEmpty() || "null".equals(text) ? Optional.empty() : Optional.of(text);
    }

    /** Creator formats numbers as text, sometimes with thousands separators ({@code "12,500.00"}). */
    static Optional<BigDecimal> decimal(String text) {
        try {
            return Optional.of(new BigDecimal(text.replace(",", "").trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
