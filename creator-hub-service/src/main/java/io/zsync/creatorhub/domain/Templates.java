package io.zsync.creatorhub.domain;

import java.util.Map;

/**
 * Fills the configured text templates (e-mail subject and body, invoice reference) with order values:
 * {@code %number%}, {@code %firstName%}, {@code %lastName%}, {@code %name%}, {@code %total%}, {@code %quantity%},
 * {@code %product%}. Unknown placeholders stay as written, so a typo shows in the output instead of vanishing.
 */
public final class Templates {

    private Templates() {
    }

    public static String render(String template, Order order) {
        Map<String, String> values = Map.of(
                "%number%", order.number(),
                "%firstName%", order.firstName().orElse(""),
                "%lastName%", order.lastName().orElse(""),
                "%name%", order.displayName(),
                "%total%", order.total().toPlainString(),
                "%quantity%", order.quantity().stripTrailingZeros().toPlainString(),
                "%product%", order.productName().or(order::productItemId).orElse(""));
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }
}
