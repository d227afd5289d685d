package io.zsync.cli.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time as an operator types it: an ISO-8601 instant ({@code 2026-11-27T10:00:00Z}) or an age relative
 * to now ({@code 90m}, {@code 6h}, {@code 2d} ago).
 */
public final class TimeArgument {

    private static final Pattern AGO = Pattern.compile("(\\d+)\\s*([smhd])");

    private TimeArgument() {
    }

    public static Instant parse(String text, Clock clock) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = AGO.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return clock.instant().minus(d);
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("'" + text + "' is neither an ISO-8601 instant "
                    + "(2026-11-27T10:00:00Z) nor an age such as 90m, 6h or 2d");
        }
    }
}
