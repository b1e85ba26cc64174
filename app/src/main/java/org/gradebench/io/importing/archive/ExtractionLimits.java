package org.gradebench.io.importing.archive;

/**
 * Bounds applied while extracting untrusted archives. Sizes are counted from the bytes actually produced while
 * streaming, never from the sizes an archive header claims.
 *
 * @param maxTotalBytes             uncompressed bytes written for one whole import (all archives, nested included)
 * @param maxEntryBytes             uncompressed bytes of one entry
 * @param maxEntriesPerArchive      entries (files, folders and skipped ones) read from one archive
 * @param maxTotalEntries           entries read over the whole import
 * @param maxCompressionRatio       uncompressed / compressed, checked once an entry (or a whole tar stream) has
 *                                  produced more than {@code ratioCheckThresholdBytes}; small, very compressible
 *                                  files (a file of spaces) are normal and must not trip it
 * @param ratioCheckThresholdBytes  see {@code maxCompressionRatio}
 * @param maxNestingDepth           archives inside archives: the archive the user gave is depth 0, a student's zip
 *                                  inside it depth 1, ...; archives deeper than this are left as plain files
 * @param maxSegmentBytes           UTF-8 bytes of one file or folder name (255 is the usual file-system limit);
 *                                  longer names keep their start and end around a hash
 * @param maxPathChars              characters of a whole relative path; longer entries are skipped
 */
public record ExtractionLimits(long maxTotalBytes, long maxEntryBytes, int maxEntriesPerArchive, int maxTotalEntries,
                               double maxCompressionRatio, long ratioCheckThresholdBytes, int maxNestingDepth,
                               int maxSegmentBytes, int maxPathChars) {

    public ExtractionLimits {
        if (maxTotalBytes <= 0 || maxEntryBytes <= 0 || maxEntriesPerArchive <= 0 || maxTotalEntries <= 0
                || maxCompressionRatio <= 1 || ratioCheckThresholdBytes < 0 || maxNestingDepth < 0
                || maxSegmentBytes < 16 || maxPathChars < 64)
            throw new IllegalArgumentException("invalid extraction limits: " + this);
    }

    /** Generous for source-code submissions of a whole course, small enough to keep a bomb harmless. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(2L << 30, 256L << 20, 20_000, 200_000, 200.0, 1L << 20, 3, 255, 1024);
    }

    public ExtractionLimits withMaxTotalBytes(long v) {
        return new ExtractionLimits(v, maxEntryBytes, maxEntriesPerArchive, maxTotalEntries, maxCompressionRatio,
                ratioCheckThresholdBytes, maxNestingDepth, maxSegmentBytes, maxPathChars);
    }

    public ExtractionLimits withMaxEntryBytes(long v) {
        return new ExtractionLimits(maxTotalBytes, v, maxEntriesPerArchive, maxTotalEntries, maxCompressionRatio,
                ratioCheckThresholdBytes, maxNestingDepth, maxSegmentBytes, maxPathChars);
    }

    public ExtractionLimits withMaxEntriesPerArchive(int v) {
        return new ExtractionLimits(maxTotalBytes, maxEntryBytes, v, maxTotalEntries, maxCompressionRatio,
                ratioCheckThresholdBytes, maxNestingDepth, maxSegmentBytes, maxPathChars);
    }

    public ExtractionLimits withMaxCompressionRatio(double v) {
        return new ExtractionLimits(maxTotalBytes, maxEntryBytes, maxEntriesPerArchive, maxTotalEntries, v,
                ratioCheckThresholdBytes, maxNestingDepth, maxSegmentBytes, maxPathChars);
    }

    public ExtractionLimits withMaxNestingDepth(int v) {
        return new ExtractionLimits(maxTotalBytes, maxEntryBytes, maxEntriesPerArchive, maxTotalEntries,
                maxCompressionRatio, ratioCheckThresholdBytes, v, maxSegmentBytes, maxPathChars);
    }
}
