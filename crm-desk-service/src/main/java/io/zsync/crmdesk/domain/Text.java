package io.zsync.crmdesk.domain;

import java.util.Map;

/** Small text helpers shared by the decisions: CRM and Desk send missing values as null or blank alike. */
final class Text {

    private Text() {
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A field of a record as trimmed text, or null when absent or blank (lookups give their name). */
    static String field(Map<String, ?> record, String name) {
        if (record == null || name == null) {
            return null;
        }
        Object value = record.get(name);
        if (value instanceof Map<?, ?> lookup) {
            value = lookup.get("name");
        }
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? null : text;
    }

    /** Escapes text for Desk's HTML description. */
    static String html(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
