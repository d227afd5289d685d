package io.zsync.sandbox.crm;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Parses and evaluates CRM search criteria (§3.10): {@code ((Field:operator:value)and(Field:operator:value))},
 * nested groups joined by {@code and}/{@code or}, values with backslash-escaped commas and parentheses.
 * {@code equals} on text behaves like "contains", as Zoho documents, unless configured otherwise.
 */
public final class CrmCriteria {

    static final int MAX_CONDITIONS = 10;

    private final String text;
    private final boolean equalsIsContains;
    private int pos;
    private int conditions;

    private CrmCriteria(String text, boolean equalsIsContains) {
        this.text = text.trim();
        this.equalsIsContains = equalsIsContains;
    }

    /** Compiles criteria into a predicate over rendered records; throws IllegalArgumentException when malformed. */
    public static Predicate<Map<String, Object>> parse(String criteria, boolean equalsIsContains) {
        CrmCriteria parser = new CrmCriteria(criteria, equalsIsContains);
        Predicate<Map<String, Object>> predicate = parser.expression();
        if (parser.pos != parser.text.length()) {
            throw new IllegalArgumentException("unexpected text at " + parser.pos);
        }
        if (parser.conditions > MAX_CONDITIONS) {
            throw new IllegalArgumentException("more than " + MAX_CONDITIONS + " conditions");
        }
        return predicate;
    }

    private Predicate<Map<String, Object>> expression() {
        Predicate<Map<String, Object>> result = term();
        while (pos < text.length()) {
            if (text.startsWith("and", pos) || text.startsWith("AND", pos)) {
                pos += 3;
                result = result.and(term());
            } else if (text.startsWith("or", pos) || text.startsWith("OR", pos)) {
                pos += 2;
                result = result.or(term());
            } else {
                break;
            }
        }
        return result;
    }

    private Predicate<Map<String, Object>> term() {
        expect('(');
        if (pos < text.length() && text.charAt(pos) == '(') {
            Predicate<Map<String, Object>> inner = expression();
            expect(')');
            return inner;
        }
        int start = pos;
        while (pos < text.length() && !(text.charAt(pos) == ')' && text.charAt(pos - 1) != '\\')) {
            pos++;
        }
        String condition = text.substring(start, pos);
        expect(')');
        conditions++;
        return condition(condition);
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos);
        }
        pos++;
    }

    private Predicate<Map<String, Object>> condition(String condition) {
        int first = condition.indexOf(':');
        int second = first < 0 ? -1 : condition.indexOf(':', first + 1);
        if (first <= 0 || second < 0) {
            throw new IllegalArgumentException("condition must be Field:operator:value: " + condition);
        }
        String field = condition.substring(0, first);
        String operator = condition.substring(first + 1, second).toLowerCase(Locale.ROOT);
        List<String> values = splitValues(condition.substring(second + 1));
        String value = values.get(0);
        return switch (operator) {
            case "equals" -> record -> anyValue(record.get(field), v -> equalsValue(v, value, equalsIsContains));
            case "not_equal" -> record -> !anyValue(record.get(field), v -> equalsValue(v, value, false));
            case "starts_with" -> record -> anyValue(record.get(field),
                    v -> v instanceof String s && s.toLowerCase(Locale.ROOT).startsWith(value.toLowerCase(Locale.ROOT)));
            case "in" -> record -> values.stream().anyMatch(x -> anyValue(record.get(field), v -> equalsValue(v, x, false)));
            case "greater_than" -> record -> compare(record.get(field), value) > 0;
            case "greater_equal" -> record -> compare(record.get(field), value) >= 0;
            case "less_than" -> record -> { int c = compare(record.get(field), value); return c != Integer.MIN_VALUE && c < 0; };
            case "less_equal" -> record -> { int c = compare(record.get(field), value); return c != Integer.MIN_VALUE && c <= 0; };
            case "between" -> {
                if (values.size() != 2) {
                    throw new IllegalArgumentException("between needs two values");
                }
                yield record -> compare(record.get(field), values.get(0)) >= 0
                        && compare(record.get(field), values.get(1)) <= 0 && compare(record.get(field), values.get(1)) != Integer.MIN_VALUE;
            }
            default -> throw new IllegalArgumentException("unknown operator " + operator);
        };
    }

    /** Splits on unescaped commas and removes the escapes. */
    static List<String> splitValues(String raw) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                current.append(raw.charAt(++i));
            } else if (c == ',') {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString());
        return values;
    }

    private static boolean anyValue(Object fieldValue, Predicate<Object> test) {
        if (fieldValue instanceof Map<?, ?> lookup) {
            return test.test(lookup.get("id") == null ? null : String.valueOf(lookup.get("id")))
                    || test.test(lookup.get("name"));
        }
        if (fieldValue instanceof List<?> list) {
            return list.stream().anyMatch(test);
        }
        return test.test(fieldValue);
    }

    private static boolean equalsValue(Object fieldValue, String value, boolean contains) {
        if (fieldValue == null) {
            return "null".equals(value);
        }
        if (fieldValue instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).compareTo(new BigDecimal(value)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (fieldValue instanceof Boolean bool) {
            return bool.toString().equalsIgnoreCase(value);
        }
        String text = String.valueOf(fieldValue).toLowerCase(Locale.ROOT);
        String wanted = value.toLowerCase(Locale.ROOT);
        return contains ? text.contains(wanted) : text.equals(wanted);
    }

    /** Compares numbers numerically, CRM datetimes by instant, other text lexically; MIN_VALUE when incomparable. */
    private static int compare(Object fieldValue, String value) {
        if (fieldValue == null) {
            return Integer.MIN_VALUE;
        }
        if (fieldValue instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).compareTo(new BigDecimal(value));
            } catch (NumberFormatException e) {
                return Integer.MIN_VALUE;
            }
        }
        String text = String.valueOf(fieldValue);
        try {
            return OffsetDateTime.parse(text).toInstant().compareTo(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return text.compareTo(value);
        }
    }
}
