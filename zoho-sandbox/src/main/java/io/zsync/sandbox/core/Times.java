package io.zsync.sandbox.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The date-time shapes each product uses on the wire (zoho-api.md §1.3), in one place because mixing
 * them up is the most common integration bug.
 */
public final class Times {

    /** CRM: ISO-8601 with a colon offset and no millis, in the user's zone: 2023-05-10T01:10:47-07:00. */
    public static final DateTimeFormatter CRM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    /** Books created_time: offset without colon: 2013-08-05T12:06:10+0530. */
    public static final DateTimeFormatter BOOKS_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    /** Desk and HubSpot: UTC with millis: 2021-04-15T13:26:11.000Z. */
    public static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    public static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private Times() {
    }

    public static String crm(Instant instant, ZoneId zone) {
        return CRM_DATE_TIME.format(instant.atZone(zone));
    }

    public static String books(Instant instant, ZoneId zone) {
        return BOOKS_DATE_TIME.format(instant.atZone(zone));
    }

    public static String utcMillis(Instant instant) {
        return UTC_MILLIS.format(instant);
    }
}
