package io.zsync.sync.domain;

/** Shares the API calls of a batch out over its events, so the completions add up to what was spent. */
public final class ApiCallShares {

    private ApiCallShares() {
    }

    /** The share of event {@code index} (0-based) when {@code calls} were spent on {@code events} events. */
    public static int share(long calls, int events, int index) {
        if (events <= 0) {
            return 0;
        }
        long base = calls / events;
        long remainder = calls % events;
        return (int) (base + (index < remainder ? 1 : 0));
    }
}
