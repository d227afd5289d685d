package io.zsync.zoho.crm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds CRM search {@code criteria} strings such as {@code ((Email:equals:a@b.com)and(Stage:equals:Closed Won))}.
 * Commas and parentheses inside values are backslash-escaped as the search doc requires; the HTTP client then
 * URL-encodes the whole string. Note that {@code equals} matches like "contains" for text fields
 * (zoho-api.md §3.10), so callers needing an exact match must re-check the results.
 */
public final class CrmCriteria {
    private final String expression;

    private CrmCriteria(String expression) {
        this.expression = expression;
    }

    public static CrmCriteria equalTo(String field, String value) {
        return condition(field, "equals", value);
    }

    public static CrmCriteria startsWith(String field, String value) {
        return condition(field, "starts_with", value);
    }

    /** {@code in} with up to 100 values. */
    public static CrmCriteria in(String field, List<String> values) {
        if (values.isEmpty() || values.size() > 100) {
            throw new IllegalArgumentException("in takes 1..100 values");
        }
        return new CrmCriteria("(" + field + ":in:" + values.stream().map(CrmCriteria::escape)
                .collect(Collectors.joining(",")) + ")");
    }

    /** Any documented operator ({@code not_equal}, {@code greater_than}, ...). */
    public static CrmCriteria condition(String field, String operator, String value) {
        return new CrmCriteria("(" + field + ":" + operator + ":" + escape(value) + ")");
    }

    public CrmCriteria and(CrmCriteria other) {
        return new CrmCriteria("(" + expression + "and" + other.expression + ")");
    }

    public CrmCriteria or(CrmCriteria other) {
        return new CrmCriteria("(" + expression + "or" + other.expression + ")");
    }

    /** Escapes the characters that delimit criteria ({@code \ , ( )}) with a backslash. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == ',' || c == '(' || c == ')') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return expression;
    }
}
