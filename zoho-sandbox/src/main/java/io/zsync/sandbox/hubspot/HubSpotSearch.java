package io.zsync.sandbox.hubspot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * HubSpot CRM search filters (§9.1): filterGroups are OR-ed, the filters inside a group AND-ed; string
 * comparisons ignore case; numbers and dates (epoch ms or ISO) compare by value.
 */
final class HubSpotSearch {

    static final int MAX_GROUPS = 5;

    private HubSpotSearch() {
    }

    static Predicate<Map<String, String>> predicate(Object filterGroups) {
        if (filterGroups == null) {
            return p -> true;
        }
        if (!(filterGroups instanceof List<?> groups)) {
            throw new HubSpotException(400, "VALIDATION_ERROR", "filterGroups must be an array");
        }
        if (groups.size() > MAX_GROUPS) {
            throw new HubSpotException(400, "VALIDATION_ERROR", "Too many filter groups: at most " + MAX_GROUPS);
        }
        if (groups.isEmpty()) {
            return p -> true;
        }
        Predicate<Map<String, String>> any = p -> false;
        for (Object group : groups) {
            Predicate<Map<String, String>> all = p -> true;
            if (group instanceof Map<?, ?> g && g.get("filters") instanceof List<?> filters) {
                for (Object filter : filters) {
                    if (!(filter instanceof Map<?, ?> f)) {
                        throw new HubSpotException(400, "VALIDATION_ERROR", "each filter must be an object");
                    }
                    all = all.and(filter(f));
                }
            }
            any = any.or(all);
        }
        return any;
    }

    private static Predicate<Map<String, String>> filter(Map<?, ?> filter) {
        String property = String.valueOf(filter.get("propertyName"));
        String operator = String.valueOf(filter.get("operator")).toUpperCase(Locale.ROOT);
        String value = filter.get("value") == null ? null : String.valueOf(filter.get("value"));
        String high = filter.get("highValue") == null ? null : String.valueOf(filter.get("highValue"));
        List<String> values = filter.get("values") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return switch (operator) {
            case "EQ" -> p -> p.get(property) != null && p.get(property).equalsIgnoreCase(value);
            case "NEQ" -> p -> p.get(property) == null || !p.get(property).equalsIgnoreCase(value);
            case "LT" -> p -> compare(p.get(property), value) < 0 && p.get(property) != null;
            case "LTE" -> p -> compare(p.get(property), value) <= 0 && p.get(property) != null;
            case "GT" -> p -> compare(p.get(property), value) > 0 && p.get(property) != null;
            case "GTE" -> p -> compare(p.get(property), value) >= 0 && p.get(property) != null;
            case "BETWEEN" -> p -> p.get(property) != null && compare(p.get(property), value) >= 0 && compare(p.get(property), high) <= 0;
            case "IN" -> p -> p.get(property) != null && values.stream().anyMatch(v -> v.equalsIgnoreCase(p.get(property)));
            case "NOT_IN" -> p -> p.get(property) == null || values.stream().noneMatch(v -> v.equalsIgnoreCase(p.get(property)));
            case "HAS_PROPERTY" -> p -> p.get(property) != null;
            case "NOT_HAS_PROPERTY" -> p -> p.get(property) == null;
            case "CONTAINS_TOKEN" -> p -> p.get(property) != null && containsToken(p.get(property), value);
            case "NOT_CONTAINS_TOKEN" -> p -> p.get(property) == null || !containsToken(p.get(property), value);
            default -> throw new HubSpotException(400, "VALIDATION_ERROR", "Unknown operator " + operator);
        };
    }

    static Comparator<Map<String, String>> sort(Object sorts) {
        if (!(sorts instanceof List<?> list) || list.isEmpty()) {
            return Comparator.comparing(p -> Long.parseLong(p.get("hs_object_id")));
        }
        Object first = list.get(0);
        String property;
        boolean descending;
        if (first instanceof Map<?, ?> map) {
            property = String.valueOf(map.get("propertyName"));
            descending = "DESCENDING".equalsIgnoreCase(String.valueOf(map.get("direction")));
        } else {
            String text = String.valueOf(first);
            descending = text.startsWith("-");
            property = descending ? text.substring(1) : text;
        }
        Comparator<Map<String, String>> comparator = (a, b) -> compare(a.get(property), b.get(property));
        return descending ? comparator.reversed() : comparator;
    }

    private static boolean containsToken(String text, String token) {
        if (token == null) {
            return false;
        }
        String regex = "(?i).*" + java.util.regex.Pattern.quote(token).replace("*", "\\E.*\\Q") + ".*";
        return text.matches(regex);
    }

    /** Numbers numerically, ISO or epoch-ms dates by time, otherwise text ignoring case; nulls first. */
    static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException notNumbers) {
            try {
                return millis(a).compareTo(millis(b));
            } catch (DateTimeParseException | NumberFormatException notDates) {
                return a.compareToIgnoreCase(b);
            }
        }
    }

    private static Long millis(String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value);
        }
        return Instant.parse(value).toEpochMilli();
    }
}
