package io.zsync.dashboard.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A dashboard user: name, roles and password hash. Users come from one configuration string,
 * {@code name:ROLE[,ROLE]:hash} entries separated by {@code ;} or whitespace, so a whole user list fits in one
 * environment variable and no password is ever stored in clear. Roles are VIEWER (read) and OPERATOR (redrive,
 * which implies read).
 *
 * @param name         login name
 * @param roles        VIEWER and/or OPERATOR
 * @param passwordHash a {@link PasswordHashes} hash
 */
public record OperatorUser(String name, Set<String> roles, String passwordHash) {

    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";
    private static final Set<String> KNOWN_ROLES = Set.of(VIEWER, OPERATOR);

    public OperatorUser {
        roles = Set.copyOf(roles);
    }

    /** Parses a user list; a malformed entry fails with a message naming the entry (never its hash). */
    public static Map<String, OperatorUser> parse(String spec) {
        Map<String, OperatorUser> users = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return users;
        }
        for (String entry : spec.trim().split("[;\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException("dashboard user entry '" + (parts.length > 0 ? parts[0] : "")
                        + "' must be name:ROLE[,ROLE]:hash");
            }
            List<String> roles = new ArrayList<>();
            for (String role : parts[1].split(",")) {
                String r = role.trim().toUpperCase(Locale.ROOT);
                if (!KNOWN_ROLES.contains(r)) {
                    throw new IllegalArgumentException("dashboard user '" + parts[0] + "' has unknown role '" + role
                            + "' (known: VIEWER, OPERATOR)");
                }
                roles.add(r);
            }
            if (roles.contains(OPERATOR) && !roles.contains(VIEWER)) {
                roles.add(VIEWER);
            }
            if (!PasswordHashes.isWellFormed(parts[2])) {
                throw new IllegalArgumentException("dashboard user '" + parts[0]
                        + "' has a malformed password hash (expected pbkdf2-sha256$iterations$salt$hash)");
            }
            users.put(parts[0], new OperatorUser(parts[0], Set.copyOf(roles), parts[2]));
        }
        return users;
    }

    @Override
    public String toString() {
        return "OperatorUser[name=" + name + ", roles=" + roles + "]";
    }
}
