package io.zsync.creatorhub.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The link names of the Creator order form's fields. A Creator app names its fields as its developer chose;
 * the defaults are the names of the "Creator as Integration Hub" pattern, and an org overrides any of them by
 * its default name ({@code Customer_Email: Email}).
 */
public final class OrderFields {

    public static final String ORDER_NUMBER = "Order_Number";
    public static final String FIRST_NAME = "Customer_First_Name";
    public static final String LAST_NAME = "Customer_Last_Name";
    public static final String EMAIL = "Customer_Email";
    public static final String PHONE = "Customer_Phone";
    public static final String CRM_CONTACT_ID = "CRM_Contact_ID";
    public static final String BOOKS_CUSTOMER_ID = "Books_Customer_ID";
    public static final String PRODUCT_BOOKS_ID = "Product_Books_ID";
    public static final String PRODUCT_NAME = "Product_Name";
    public static final String QUANTITY = "Quantity";
    public static final String UNIT_PRICE = "Unit_Price";
    public static final String TOTAL_AMOUNT = "Total_Amount";
    public static final String STATUS = "Status";
    public static final String CRM_DEAL_ID = "CRM_Deal_ID";
    public static final String BOOKS_INVOICE_ID = "Books_Invoice_ID";

    private static final Set<String> KNOWN = Set.of(ORDER_NUMBER, FIRST_NAME, LAST_NAME, EMAIL, PHONE, CRM_CONTACT_ID,
            BOOKS_CUSTOMER_ID, PRODUCT_BOOKS_ID, PRODUCT_NAME, QUANTITY, UNIT_PRICE, TOTAL_AMOUNT, STATUS, CRM_DEAL_ID,
            BOOKS_INVOICE_ID);

    public static final OrderFields DEFAULTS = new OrderFields(Map.of());

    private final Map<String, String> overrides;

    private OrderFields(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** Field names with {@code overrides} (default name to the app's name); an unknown default name is refused. */
    public static OrderFields of(Map<String, String> overrides) {
        Map<String, String> clean = new LinkedHashMap<>();
        overrides.forEach((standard, actual) -> {
            if (!KNOWN.contains(standard)) {
                throw new IllegalArgumentException("unknown order field " + standard + "; known: " + KNOWN);
            }
            if (actual == null || actual.isBlank()) {
                throw new IllegalArgumentException("order field " + standard + " needs a link name");
            }
            clean.put(standard, actual.trim());
        });
        return new OrderFields(clean);
    }

    /** The app's link name of a field given by its default name. */
    public String name(String standard) {
        return overrides.getOrDefault(standard, standard);
    }

    /** The fields the saga writes back on the order (its last step), whose echo is not a new order. */
    public Set<String> writeBackNames() {
        return Set.of(name(STATUS), name(CRM_CONTACT_ID), name(CRM_DEAL_ID), name(BOOKS_INVOICE_ID));
    }
}
