package io.zsync.zoho.budget;

/**
 * What one API call costs against its product's budget: {@code weight} permits of the rate/credit windows
 * (CRM: 1 credit per 10 records written; Desk: 3 for list/search), and whether it is a "heavy" call that
 * CRM limits to a sub-concurrency of 10, or a search that HubSpot limits to about 4 per second.
 *
 * @param weight  permits taken from the rate and credit windows
 * @param heavy   counts against CRM's sub-concurrency (search, related lists, writes of more than 10 records)
 * @param search  counts against HubSpot's search limit
 */
public record CallCost(int weight, boolean heavy, boolean search) {
    public static final CallCost ONE = new CallCost(1, false, false);
    public static final CallCost HEAVY = new CallCost(1, true, false);
    public static final CallCost SEARCH = new CallCost(1, true, true);

    public CallCost {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1");
        }
    }

    /** A call of a given weight. */
    public static CallCost of(int weight) {
        return new CallCost(weight, false, false);
    }

    /** CRM insert/update/upsert: one credit per 10 records, heavy above 10 records (zoho-api.md §3.13). */
    public static CallCost crmWrite(int records) {
        return new CallCost(Math.max(1, (records + 9) / 10), records > 10, false);
    }
}
