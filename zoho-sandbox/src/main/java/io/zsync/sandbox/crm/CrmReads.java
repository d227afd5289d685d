package io.zsync.sandbox.crm;

import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.Times;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * CRM reads with the rules of §3.3 and §3.10: mandatory {@code fields}, page/per_page up to 200 per page
 * and 2,000 records, {@code page_token} beyond that (bound to the query, valid 24 h), If-Modified-Since
 * filtering, sorting, and search by criteria/email/phone/word. An empty answer is a {@link Page} with no
 * records: the controller turns it into 204 (or 304 under If-Modified-Since).
 */
@Singleton
public class CrmReads implements io.zsync.sandbox.core.Resettable {

    static final int MAX_PER_PAGE = 200;
    static final int DISCRETE_LIMIT = 2000;
    static final int TOKEN_LIMIT = 100_000;
    static final int MAX_FIELDS = 50;

    /** One page of rendered records and its {@code info} block. */
    public record Page(List<Map<String, Object>> data, Map<String, Object> info) {
        public boolean isEmpty() {
            return data.isEmpty();
        }
    }

    /** What a list request asked for. */
    public record ListQuery(CrmModule module, String fields, String ids, Integer page, Integer perPage,
                            String pageToken, String sortBy, String sortOrder, String cvid, String ifModifiedSince) {
    }

    private record PageToken(String boundTo, int offset, Instant expiresAt) {
    }

    private final CrmStore store;
    private final CrmConfig config;
    private final SandboxClock clock;
    private final Map<String, PageToken> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public CrmReads(CrmStore store, CrmConfig config, SandboxClock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    public Page list(ListQuery query) {
        List<String> fields = fields(query.fields(), true);
        if (query.page() != null && query.pageToken() != null) {
            throw CrmErrors.topLevel(400, "AMBIGUITY_DURING_PROCESSING", "page and page_token cannot be given together",
                    Json.obj("ambiguity_due_to", List.of("page", "page_token")));
        }
        if (query.cvid() != null && query.sortBy() != null) {
            throw CrmErrors.topLevel(400, "AMBIGUITY_DURING_PROCESSING", "cvid and sort_by cannot be given together",
                    Json.obj("ambiguity_due_to", List.of("cvid", "sort_by")));
        }
        int perPage = perPage(query.perPage());
        String sortBy = query.sortBy() == null ? "id" : query.sortBy();
        if (!List.of("id", "Created_Time", "Modified_Time").contains(sortBy)) {
            throw CrmErrors.invalidParam("sort_by", "the given sort_by is invalid");
        }
        String sortOrder = query.sortOrder() == null ? "desc" : query.sortOrder().toLowerCase(Locale.ROOT);
        if (!List.of("asc", "desc").contains(sortOrder)) {
            throw CrmErrors.invalidParam("sort_order", "the given sort_order is invalid");
        }
        Instant since = query.ifModifiedSince() == null ? null : ifModifiedSince(query.ifModifiedSince());
        List<String> idFilter = query.ids() == null ? null : Arrays.stream(query.ids().split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (idFilter != null && idFilter.size() > 100) {
            throw CrmErrors.topLevel(400, "LIMIT_EXCEEDED", "limit exceeded", Json.obj("param_name", "ids", "maximum_length", 100));
        }
        List<CrmRecord> records = new ArrayList<>(store.select(query.module(), idFilter, since));
        records.sort(comparator(sortBy, sortOrder));

        String boundTo = String.join("|", query.module().apiName(), String.valueOf(fields), sortBy, sortOrder,
                String.valueOf(perPage), String.valueOf(query.ids()), String.valueOf(query.ifModifiedSince()));
        int offset;
        if (query.pageToken() != null) {
            PageToken token = tokens.get(query.pageToken());
            if (token == null) {
                throw CrmErrors.invalidParam("page_token", "the given page_token is invalid");
            }
            if (!clock.now().isBefore(token.expiresAt())) {
                throw CrmErrors.topLevel(400, "EXPIRED_VALUE", "the given page_token has expired",
                        Json.obj("param_name", "page_token"));
            }
            if (!token.boundTo().equals(boundTo)) {
                throw CrmErrors.topLevel(400, "TOKEN_BOUND_DATA_MISMATCH",
                        "the parameters differ from those the page_token was issued for", Json.obj("param_name", "page_token"));
            }
            offset = token.offset();
            if (offset + perPage > TOKEN_LIMIT) {
                throw CrmErrors.topLevel(400, "PAGINATION_LIMIT_EXCEEDED", "pagination limit exceeded",
                        Json.obj("limit", TOKEN_LIMIT));
            }
        } else {
            int page = query.page() == null ? 1 : query.page();
            if (page < 1) {
                throw CrmErrors.invalidParam("page", "the given page is invalid");
            }
            offset = (page - 1) * perPage;
            if (offset + perPage > DISCRETE_LIMIT && offset > 0) {
                throw CrmErrors.topLevel(400, "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
                        "you can only get the first 2000 records without using page_token", Json.obj("limit", DISCRETE_LIMIT));
            }
        }
        List<CrmRecord> slice = records.subList(Math.min(offset, records.size()), Math.min(offset + perPage, records.size()));
        boolean more = offset + perPage < records.size();
        Map<String, Object> info = Json.obj("call", false, "per_page", perPage, "next_page_token", null,
                "count", slice.size(), "sort_by", sortBy, "page", offset / perPage + 1, "previous_page_token", null,
                "page_token_expiry", null, "sort_order", sortOrder, "email", false, "more_records", more);
        if (more) {
            String token = HexFormat.of().formatHex(randomBytes());
            Instant expires = clock.now().plusSeconds(24 * 3600);
            tokens.put(token, new PageToken(boundTo, offset + perPage, expires));
            info.put("next_page_token", token);
            info.put("page_token_expiry", Times.crm(expires, store.zone()));
        }
        List<Map<String, Object>> data = slice.stream().map(r -> store.render(query.module(), r, fields)).toList();
        return new Page(data, info);
    }

    /** Search with exactly one of criteria > email > phone > word (precedence when several are given). */
    public Page search(CrmModule module, String criteria, String email, String phone, String word, String fields,
                       Integer page, Integer perPage) {
        Predicate<Map<String, Object>> predicate;
        if (criteria != null) {
            try {
                predicate = CrmCriteria.parse(criteria, config.searchEqualsIsContains());
            } catch (IllegalArgumentException e) {
                throw CrmErrors.topLevel(400, "INVALID_QUERY", "invalid query formed", Json.obj("reason", e.getMessage()));
            }
        } else if (email != null) {
            predicate = r -> module.emailFields().stream().anyMatch(f -> r.get(f) instanceof String s && s.equalsIgnoreCase(email));
        } else if (phone != null) {
            String digits = phone.replaceAll("\\D", "");
            predicate = r -> module.phoneFields().stream().anyMatch(f -> r.get(f) instanceof String s
                    && !digits.isEmpty() && s.replaceAll("\\D", "").equals(digits));
        } else if (word != null) {
            if (word.trim().length() < 2) {
                throw CrmErrors.topLevel(400, "INVALID_QUERY", "the word must have at least 2 characters",
                        Json.obj("param_name", "word"));
            }
            String needle = word.trim().toLowerCase(Locale.ROOT);
            predicate = r -> r.values().stream().anyMatch(v -> v instanceof String s && s.toLowerCase(Locale.ROOT).contains(needle));
        } else {
            throw CrmErrors.requiredParam("criteria");
        }
        List<String> selected = fields(fields, false);
        int size = perPage(perPage);
        int pageNumber = page == null ? 1 : page;
        if (pageNumber * size > DISCRETE_LIMIT && pageNumber > 1) {
            throw CrmErrors.topLevel(400, "LIMIT_REACHED", "search results exceed the 2000 limit", Json.obj("limit", DISCRETE_LIMIT));
        }
        Instant indexedBefore = clock.now().minusMillis(config.searchIndexDelayMs());
        List<Map<String, Object>> matches = store.all(module).stream()
                .filter(r -> config.searchIndexDelayMs() <= 0 || !r.modified().isAfter(indexedBefore))
                .sorted(Comparator.comparingLong(CrmRecord::numericId))
                .map(r -> store.render(module, r, null))
                .filter(predicate)
                .toList();
        return paged(matches, selected, pageNumber, size);
    }

    /** Pages already-rendered records with the short info block (per_page, count, page, more_records). */
    public Page paged(List<Map<String, Object>> all, List<String> fields, int page, int perPage) {
        int offset = (page - 1) * perPage;
        List<Map<String, Object>> slice = all.subList(Math.min(offset, all.size()), Math.min(offset + perPage, all.size()));
        List<Map<String, Object>> data = slice.stream().map(r -> select(r, fields)).toList();
        return new Page(data, Json.obj("per_page", perPage, "count", data.size(), "page", page,
                "more_records", offset + perPage < all.size()));
    }

    public List<String> fields(String fields, boolean mandatory) {
        if (fields == null || fields.isBlank()) {
            if (mandatory) {
                throw CrmErrors.requiredParam("fields");
            }
            return null;
        }
        List<String> list = Arrays.stream(fields.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (list.size() > MAX_FIELDS) {
            throw CrmErrors.topLevel(400, "LIMIT_EXCEEDED", "limit exceeded",
                    Json.obj("param_name", "fields", "maximum_length", MAX_FIELDS));
        }
        return list;
    }

    public int perPage(Integer perPage) {
        int value = perPage == null ? MAX_PER_PAGE : perPage;
        if (value < 1 || value > MAX_PER_PAGE) {
            throw CrmErrors.invalidParam("per_page", "per_page must be between 1 and 200");
        }
        return value;
    }

    /** Accepts the CRM format (2019-07-25T15:26:49+05:30) and, leniently, the HTTP-date format. */
    public static Instant ifModifiedSince(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException second) {
                throw CrmErrors.topLevel(400, "INVALID_DATA", "the If-Modified-Since header is invalid",
                        Json.obj("header_name", "If-Modified-Since"));
            }
        }
    }

    @Override
    public void reset(boolean all) {
        tokens.clear();
    }

    private static Map<String, Object> select(Map<String, Object> record, List<String> fields) {
        if (fields == null) {
            return record;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        fields.forEach(f -> out.put(f, record.get(f)));
        out.put("id", record.get("id"));
        return out;
    }

    private static Comparator<CrmRecord> comparator(String sortBy, String order) {
        Comparator<CrmRecord> comparator = switch (sortBy) {
            case "Created_Time" -> Comparator.comparing(CrmRecord::created);
            case "Modified_Time" -> Comparator.comparing(CrmRecord::modified);
            default -> Comparator.comparingLong(CrmRecord::numericId);
        };
        comparator = comparator.thenComparingLong(CrmRecord::numericId);
        return "asc".equals(order) ? comparator : comparator.reversed();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Objects.requireNonNull(bytes);
    }
}
