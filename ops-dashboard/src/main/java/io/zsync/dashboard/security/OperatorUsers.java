package io.zsync.dashboard.security;

import io.micronaut.context.annotation.Value;
import io.zsync.dashboard.domain.OperatorUser;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * The users allowed into the dashboard, from {@code zsync.dashboard.security.users} (env {@code DASHBOARD_USERS}).
 * A malformed list stops the application at startup rather than locking everyone out at the first login.
 */
@Singleton
public class OperatorUsers {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorUsers.class);

    private final Map<String, OperatorUser> users;

    public OperatorUsers(@Value("${zsync.dashboard.security.users:}") String spec) {
        this.users = OperatorUser.parse(spec);
        if (users.isEmpty()) {
            LOG.warn("no dashboard users configured (DASHBOARD_USERS): nobody can log in");
        } else {
            LOG.info("dashboard users: {}", users.values());
        }
    }

    public Optional<OperatorUser> find(String name) {
        return Optional.ofNullable(users.get(name));
    }
}
