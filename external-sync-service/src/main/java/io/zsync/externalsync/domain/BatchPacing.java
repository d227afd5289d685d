package io.zsync.externalsync.domain;

/**
 * How many contacts the batch may hand over now: real-time traffic comes first. The batch waits while the
 * service's backlog on the contact topic (webhook events and what the batch already handed over) is at its
 * limit, and spends only what the API budgets have left above a reserve kept for webhooks, so it slows down
 * rather than starving them.
 *
 * @param maxBacklog           backlog on the contact topic at which the batch waits
 * @param maxChunk             most contacts handed over in one step
 * @param reserve              share of each budget window kept for real-time traffic (0..1)
 * @param externalCallsPerRecord external API calls one reconciled contact may cost
 */
public record BatchPacing(long maxBacklog, int maxChunk, double reserve, int externalCallsPerRecord) {

    /** The decision and why, for the run status. */
    public record Allowance(int records, String reason) {
    }

    /**
     * @param backlog          records not yet processed on the contact topic
     * @param externalLeft     external API permits left in the current burst window (negative: no window)
     * @param externalLimit    permits of the burst window
     * @param crmLeft          CRM credits left today (negative: no daily window)
     * @param crmLimit         CRM credits per day
     */
    public Allowance allow(long backlog, long externalLeft, long externalLimit, long crmLeft, long crmLimit) {
        if (backlog >= maxBacklog) {
            return new Allowance(0, "waiting: " + backlog + " contact events not yet processed (limit " + maxBacklog + ")");
        }
        long n = Math.min(maxChunk, maxBacklog - backlog);
        String reason = "backlog " + backlog;
        if (externalLeft >= 0 && externalLimit > 0) {
            long spare = externalLeft - (long) Math.ceil(externalLimit * reserve);
            long byBudget = spare <= 0 ? 0 : spare / Math.max(1, externalCallsPerRecord);
            if (byBudget <= 0) {
                return new Allowance(0, "waiting: external API budget has " + externalLeft + " of " + externalLimit
                        + " left, reserved for webhooks");
            }
            n = Math.min(n, byBudget);
            reason += ", external budget " + externalLeft + "/" + externalLimit;
        }
        if (crmLeft >= 0 && crmLimit > 0) {
            long spare = crmLeft - (long) Math.ceil(crmLimit * reserve);
            if (spare <= 0) {
                return new Allowance(0, "waiting: CRM credits " + crmLeft + " of " + crmLimit + " left, reserved for webhooks");
            }
            n = Math.min(n, spare);
            reason += ", CRM credits " + crmLeft + "/" + crmLimit;
        }
        return new Allowance((int) n, reason);
    }
}
