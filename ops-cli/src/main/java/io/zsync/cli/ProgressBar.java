package io.zsync.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar for long work ({@code [#####.....] 50/100 published}), redrawn in place with a carriage
 * return. It writes to standard error so standard output stays clean for scripts, and draws at most once per
 * percent so a 100,000-record backfill does not flood a log.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String label;
    private long total;
    private long done;
    private int lastPercent = -1;

    public ProgressBar(PrintWriter out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    /** For work whose size is learnt on the way (pages of a Zoho module). */
    public void total(long total) {
        this.total = total;
    }

    public void step() {
        done++;
        int percent = total <= 0 ? 0 : (int) (100 * done / total);
        if (percent != lastPercent || done == total) {
            lastPercent = percent;
            out.print("\r" + render(done, total, label));
            out.flush();
        }
    }

    public void finish() {
        out.println("\r" + render(done, Math.max(total, done), label));
        out.flush();
    }

    static String render(long done, long total, String label) {
        int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, WIDTH * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + (total <= 0 ? "?" : total)
                + " " + label;
    }
}
