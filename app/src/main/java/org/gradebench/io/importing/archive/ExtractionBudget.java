package org.gradebench.io.importing.archive;

/**
 * What one import has used so far of its {@link ExtractionLimits}: shared by the top-level archive and every
 * archive nested in it, so a thousand small bombs cannot each use the full allowance. One per import; not
 * thread-safe.
 */
public final class ExtractionBudget {
    private final ExtractionLimits limits;
    private long bytes;
    private int entries;

    public ExtractionBudget(ExtractionLimits limits) {
        this.limits = limits;
    }

    public ExtractionLimits limits() {
        return limits;
    }

    public long bytesWritten() {
        return bytes;
    }

    public int entriesRead() {
        return entries;
    }

    boolean bytesExhausted() {
        return bytes >= limits.maxTotalBytes();
    }

    boolean entriesExhausted() {
        return entries >= limits.maxTotalEntries();
    }

    long bytesLeft() {
        return Math.max(0, limits.maxTotalBytes() - bytes);
    }

    void addBytes(long n) {
        bytes += n;
    }

    void addEntry() {
        entries++;
    }
}
