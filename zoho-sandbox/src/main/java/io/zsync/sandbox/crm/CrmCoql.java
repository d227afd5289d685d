package io.zsync.sandbox.crm;

import io.zsync.sandbox.core.Json;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small COQL engine (§3.11): {@code select a, b from Module where … [order by …] [limit [offset,] n]}
 * with =, !=, &lt;, &gt;, like, in, between, is [not] null, and/or and parentheses. A where clause is
 * required; lookups come back as {"id"} only and dot-paths ({@code Account_Name.Account_Name}) as flat keys.
 */
@Singleton
public class CrmCoql {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*('(?:[^'\\\\]|\\\\.|'')*'|!=|<>|>=|<=|=|<|>|\\(|\\)|,|[^\\s(),=<>!']+)");
    private static final int MAX_ROWS_REACHABLE = 10_000;

    private final CrmStore store;
    private final CrmConfig config;

    public CrmCoql(CrmStore store, CrmConfig config) {
        this.store = store;
        this.config = config;
    }

    public CrmReads.Page run(String query) {
        Parser parser = new Parser(tokenize(query));
        try {
            return parser.execute();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw CrmErrors.topLevel(400, "SYNTAX_ERROR", "error occurred while parsing the query",
                    Json.obj("reason", String.valueOf(e.getMessage())));
        }
    }

    private static List<String> tokenize(String query) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(query.trim());
        int end = 0;
        while (end < query.trim().length() && matcher.find(end) && matcher.start() == end) {
            tokens.add(matcher.group(1));
            end = matcher.end();
        }
        if (end != query.trim().length()) {
            throw CrmErrors.topLevel(400, "SYNTAX_ERROR", "error occurred while parsing the query",
                    Json.obj("reason", "unexpected character at " + end));
        }
        return tokens;
    }

    private final class Parser {
        private final List<String> tokens;
        private int pos;
        private CrmModule module;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        CrmReads.Page execute() {
            keyword("select");
            List<String> fields = new ArrayList<>();
            do {
                fields.add(next());
            } while (accept(","));
            if (fields.size() > 50) {
                throw CrmErrors.topLevel(400, "LIMIT_EXCEEDED", "limit exceeded", Json.obj("maximum_length", 50));
            }
            keyword("from");
            String moduleName = next();
            module = CrmModule.of(moduleName).orElseThrow(() -> new IllegalArgumentException("invalid module " + moduleName));
            if (!acceptKeyword("where")) {
                throw new IllegalArgumentException("a where clause is required");
            }
            Predicate<Map<String, Object>> where = expression();
            List<String[]> order = new ArrayList<>();
            if (acceptKeyword("order")) {
                keyword("by");
                do {
                    String field = next();
                    String direction = acceptKeyword("desc") ? "desc" : (acceptKeyword("asc") ? "asc" : "asc");
                    order.add(new String[] {field, direction});
                } while (accept(","));
            }
            int offset = 0;
            int limit = 200;
            if (acceptKeyword("limit")) {
                int first = Integer.parseInt(next());
                if (accept(",")) {
                    offset = first;
                    limit = Integer.parseInt(next());
                } else {
                    limit = first;
                    if (acceptKeyword("offset")) {
                        offset = Integer.parseInt(next());
                    }
                }
            }
            if (pos != tokens.size()) {
                throw new IllegalArgumentException("unexpected " + tokens.get(pos));
            }
            if (limit > config.coqlMaxLimit()) {
                throw CrmErrors.topLevel(400, "LIMIT_EXCEEDED", "limit exceeded", Json.obj("maximum_length", config.coqlMaxLimit()));
            }
            if (offset + limit > MAX_ROWS_REACHABLE) {
                throw CrmErrors.topLevel(400, "LIMIT_EXCEEDED", "Max records limit exceeded", Json.obj("limit", MAX_ROWS_REACHABLE));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CrmRecord record : store.all(module)) {
                Map<String, Object> row = row(record);
                if (where.test(row)) {
                    rows.add(row);
                }
            }
            Comparator<Map<String, Object>> comparator = Comparator.comparing(r -> Long.parseLong(String.valueOf(r.get("id"))));
            for (int i = order.size() - 1; i >= 0; i--) {
                String field = order.get(i)[0];
                Comparator<Map<String, Object>> byField = Comparator.comparing(r -> sortable(r.get(field)),
                        Comparator.nullsFirst(Comparator.naturalOrder()));
                comparator = "desc".equals(order.get(i)[1]) ? byField.reversed().thenComparing(comparator)
                        : byField.thenComparing(comparator);
            }
            rows.sort(comparator);
            List<Map<String, Object>> page = rows.subList(Math.min(offset, rows.size()), Math.min(offset + limit, rows.size()));
            List<Map<String, Object>> data = new ArrayList<>();
            for (Map<String, Object> row : page) {
                Map<String, Object> out = new LinkedHashMap<>();
                fields.forEach(f -> out.put(f, row.get(f)));
                out.put("id", row.get("id"));
                data.add(out);
            }
            return new CrmReads.Page(data, Json.obj("count", data.size(), "more_records", offset + limit < rows.size()));
        }

        /** The record's columns, lookups as {"id"} and their target's fields as "Lookup.Field" keys. */
        private Map<String, Object> row(CrmRecord record) {
            Map<String, Object> row = new LinkedHashMap<>(store.render(module, record, null));
            module.lookups().forEach((field, target) -> {
                if (record.fields().get(field) instanceof Map<?, ?> lookup) {
                    String id = String.valueOf(lookup.get("id"));
                    row.put(field, Json.obj("id", id));
                    CrmModule targetModule = CrmModule.of(target).orElseThrow();
                    store.find(targetModule, id).ifPresent(linked ->
                            store.render(targetModule, linked, null).forEach((k, v) -> row.put(field + "." + k, v)));
                }
            });
            return row;
        }

        private Predicate<Map<String, Object>> expression() {
            Predicate<Map<String, Object>> result = factor();
            while (true) {
                if (acceptKeyword("and")) {
                    result = result.and(factor());
                } else if (acceptKeyword("or")) {
                    result = result.or(factor());
                } else {
                    return result;
                }
            }
        }

        private Predicate<Map<String, Object>> factor() {
            if (accept("(")) {
                Predicate<Map<String, Object>> inner = expression();
                expect(")");
                return inner;
            }
            String field = next();
            if (acceptKeyword("is")) {
                boolean not = acceptKeyword("not");
                keyword("null");
                return r -> (r.get(field) == null) != not;
            }
            boolean not = acceptKeyword("not");
            if (acceptKeyword("in")) {
                expect("(");
                List<Object> values = new ArrayList<>();
                do {
                    values.add(literal(next()));
                } while (accept(","));
                expect(")");
                return r -> values.stream().anyMatch(v -> compare(r.get(field), v) == 0) != not;
            }
            if (acceptKeyword("like")) {
                String pattern = String.valueOf(literal(next()));
                String regex = "(?i)" + Pattern.quote(pattern).replace("%", "\\E.*\\Q");
                return r -> (r.get(field) != null && value(r.get(field)).matches(regex)) != not;
            }
            if (acceptKeyword("between")) {
                Object low = literal(next());
                keyword("and");
                Object high = literal(next());
                return r -> (compare(r.get(field), low) >= 0 && compare(r.get(field), high) <= 0
                        && r.get(field) != null) != not;
            }
            String operator = next();
            Object value = literal(next());
            return switch (operator) {
                case "=" -> r -> compare(r.get(field), value) == 0;
                case "!=", "<>" -> r -> compare(r.get(field), value) != 0;
                case ">" -> r -> r.get(field) != null && compare(r.get(field), value) > 0;
                case ">=" -> r -> r.get(field) != null && compare(r.get(field), value) >= 0;
                case "<" -> r -> r.get(field) != null && compare(r.get(field), value) < 0;
                case "<=" -> r -> r.get(field) != null && compare(r.get(field), value) <= 0;
                default -> throw new IllegalArgumentException("unknown operator " + operator);
            };
        }

        private String next() {
            if (pos >= tokens.size()) {
                throw new IllegalArgumentException("unexpected end of query");
            }
            return tokens.get(pos++);
        }

        private boolean accept(String token) {
            if (pos < tokens.size() && tokens.get(pos).equals(token)) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw new IllegalArgumentException("expected " + token);
            }
        }

        private boolean acceptKeyword(String keyword) {
            if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(keyword)) {
                pos++;
                return true;
            }
            return false;
        }

        private void keyword(String keyword) {
            if (!acceptKeyword(keyword)) {
                throw new IllegalArgumentException("expected " + keyword);
            }
        }
    }

    private static Object literal(String token) {
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replace("''", "'").replace("\\'", "'");
        }
        if ("null".equalsIgnoreCase(token)) {
            return null;
        }
        if ("true".equalsIgnoreCase(token) || "false".equalsIgnoreCase(token)) {
            return Boolean.valueOf(token.toLowerCase(Locale.ROOT));
        }
        try {
            return new BigDecimal(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value " + token);
        }
    }

    private static String value(Object fieldValue) {
        if (fieldValue instanceof Map<?, ?> lookup) {
            return String.valueOf(lookup.get("id"));
        }
        return String.valueOf(fieldValue);
    }

    private static int compare(Object fieldValue, Object literal) {
        if (fieldValue == null || literal == null) {
            return fieldValue == literal ? 0 : -2;
        }
        if (fieldValue instanceof Number number && literal instanceof BigDecimal decimal) {
            return new BigDecimal(number.toString()).compareTo(decimal);
        }
        if (fieldValue instanceof Boolean bool && literal instanceof Boolean other) {
            return bool.compareTo(other);
        }
        String text = value(fieldValue);
        String wanted = String.valueOf(literal);
        int result = text.compareToIgnoreCase(wanted);
        return Integer.signum(result);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable sortable(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return value(value).toLowerCase(Locale.ROOT);
    }
}
