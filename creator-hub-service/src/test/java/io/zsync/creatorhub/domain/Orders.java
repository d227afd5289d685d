package io.zsync.creatorhub.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** Order records as Creator returns them, for the domain tests. */
final class Orders {

    private Orders() {
    }

    /** A complete order: 3 x 4,000.00 = 12,000.00, above the default VIP threshold. */
    static Map<String, Object> vip() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ID", "3888833000000114027");
        fields.put("Order_Number", "ORD-1001");
        fields.put("Customer_First_Name", "Anna");
        fields.put("Customer_Last_Name", "Kingsley");
        fields.put("Customer_Email", "anna@example.com");
        fields.put("Customer_Phone", "555-0100");
        fields.put("Product_Name", "Standing Desk");
        fields.put("Quantity", "3");
        fields.put("Unit_Price", "4000.00");
        fields.put("Total_Amount", "12000.00");
        return fields;
    }

    static Map<String, Object> with(String field, Object value) {
        Map<String, Object> fields = vip();
        fields.put(field, value);
        return fields;
    }

    static Map<String, Object> without(String field) {
        Map<String, Object> fields = vip();
        fields.remove(field);
        return fields;
    }

    static Order order(Map<String, Object> fields) {
        OrderCheck check = OrderReader.read(String.valueOf(fields.get("ID")), fields, OrderFields.DEFAULTS);
        if (check instanceof OrderCheck.Valid valid) {
            return valid.order();
        }
        throw new AssertionError("fixture is invalid: " + check);
    }

    static Order withTotal(String total) {
        return order(with("Total_Amount", total));
    }
}
