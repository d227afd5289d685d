package io.zsync.sandbox.core;

import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues record ids shaped like each product's (CRM, Books and Creator 19 digits, Desk 17, Projects 18,
 * HubSpot 11), from one sequence that is never reset, so an id is never reused even across
 * {@code /_sandbox/reset}. The sequence starts from the launch time so two runs do not share ids.
 */
@Singleton
public class IdGenerator {

    private static final long TWELVE_DIGITS = 1_000_000_000_000L;
    private static final Map<Product, String> PREFIXES = new EnumMap<>(Map.of(
            Product.CRM, "5725767",
            Product.BOOKS, "4600000",
            Product.CREATOR, "3888833",
            Product.DESK, "55430",
            Product.PROJECTS, "170876",
            Product.HUBSPOT, "6",
            Product.ACCOUNTS, "1000000"));

    private final AtomicLong sequence = new AtomicLong((System.currentTimeMillis() / 1000 % 1_000_000_000L) * 1000);

    /** A fresh id for a record of the product, as the decimal string the product returns. */
    public String next(Product product) {
        long value = sequence.incrementAndGet() % TWELVE_DIGITS;
        String digits = String.format("%012d", value);
        if (product == Product.HUBSPOT) {
            return PREFIXES.get(product) + digits.substring(2);
        }
        return PREFIXES.get(product) + digits;
    }
}
