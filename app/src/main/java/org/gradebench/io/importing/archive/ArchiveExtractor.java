package org.gradebench.io.importing.archive;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.GeneralPurposeBit;
import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.io.importing.archive.EntryNames.EntryPath;
import org.gradebench.io.importing.archive.EntryNames.UnsafeNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The one hardened extractor every importer uses. Archives are untrusted: an entry is written only as a regular
 * file or folder strictly inside the target folder; links, devices, FIFOs, encrypted entries, traversal and
 * absolute names are skipped with a warning; sizes, ratios and counts are measured on the bytes actually produced.
 * Every skipped entry adds one warning line {@code "<archive>: <entry>: skipped: <reason>"}; extraction of the
 * remaining entries continues. OS junk ({@code __MACOSX/}, {@code .DS_Store}, ...) is dropped silently.
 *
 * <p>Stateless apart from its settings; the per-import allowance lives in an {@link ExtractionBudget}.
 */
public final class ArchiveExtractor {
    private static final Logger log = LoggerFactory.getLogger(ArchiveExtractor.class);

    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    /**
     * Compression methods commons-compress decodes by itself. Others (zstd, xz, lzma) need optional jars we do not
     * ship: asking for them fails with a NoClassDefFoundError, which a hostile or damaged header can trigger.
     */
    private static final Set<Integer> BUILT_IN_METHODS = Set.of(ZipMethod.STORED.getCode(),
            ZipMethod.DEFLATED.getCode(), ZipMethod.ENHANCED_DEFLATED.getCode(), ZipMethod.BZIP2.getCode(),
            ZipMethod.UNSHRINKING.getCode(), ZipMethod.IMPLODING.getCode());

    private final ExtractionLimits limits;
    private final Charset legacyZipCharset;

    /**
     * @param legacyZipCharset used for zip entry names that are neither flagged UTF-8 (bit 11) nor valid UTF-8;
     *                         Windows' built-in zip writes the OEM code page (CP437 in the US, CP850 in Western
     *                         Europe, CP866 in Russia...)
     */
    public ArchiveExtractor(ExtractionLimits limits, Charset legacyZipCharset) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.legacyZipCharset = Objects.requireNonNull(legacyZipCharset, "legacyZipCharset");
    }

    public ArchiveExtractor() {
        this(ExtractionLimits.defaults(), defaultLegacyCharset());
    }

    /** CP437 when the JDK has it (jdk.charsets), else ISO-8859-1, which at least decodes every byte. */
    public static Charset defaultLegacyCharset() {
        try {
            return Charset.forName("IBM437");
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    public ExtractionLimits limits() {
        return limits;
    }

    public ExtractionBudget newBudget() {
        return new ExtractionBudget(limits);
    }

    /** What one call extracted. {@code complete} is false when a limit or damage stopped it early. */
    public record Extraction(int files, long bytes, boolean complete) {
    }

    /**
     * Extracts {@code archive} into {@code target} (created if missing) without expanding archives inside it.
     *
     * @param label    how warnings name the archive (e.g. {@code submissions.zip!/alice/code.zip})
     * @param warnings receives one line per skipped entry
     * @throws InvalidInputException when the file is not a supported archive or cannot be read at all
     */
    public Extraction extract(Path archive, String label, Path target, ExtractionBudget budget, List<String> warnings)
            throws IOException, InvalidInputException {
        ArchiveFormat format = ArchiveFormat.detect(archive);
        if (format == null)
            throw new InvalidInputException(archive, "not a supported archive (zip, tar, tar.gz, tgz, tar.bz2)");
        if (!format.supported())
            throw new InvalidInputException(archive, format.displayName()
                    + " archives are not supported; extract it yourself and import the folder");
        Files.createDirectories(target);
        Run run = new Run(archive, label, target.toRealPath(), budget, warnings, Files.size(archive));
        if (budget.bytesExhausted() || budget.entriesExhausted()) {
            warnings.add(label + ": not extracted: the import already reached its size or entry limit");
            return new Extraction(0, 0, false);
        }
        try {
            switch (format) {
                case ZIP -> extractZip(run);
                case TAR, TAR_GZIP, TAR_BZIP2 -> extractTar(run, format);
                default -> throw new IllegalStateException(format.name());
            }
        } catch (RuntimeException e) {
            // commons-compress signals some malformed structures with unchecked exceptions; damaged input is the
            // user's problem to hear about, not a crash
            throw new InvalidInputException(archive, 0, "damaged " + format.displayName() + " archive after "
                    + run.files + " files: " + e, e);
        }
        return new Extraction(run.files, run.bytes, run.complete);
    }

    /**
     * Expands every archive found in {@code folder} (by name and content, see {@link ArchiveFormat#hasArchiveName})
     * into a sibling folder named after it, deletes the archive, collapses a single wrapper folder, and recurses up to
     * {@link ExtractionLimits#maxNestingDepth()}. Archives that cannot be expanded are left in place with a warning.
     *
     * @param label how warnings name {@code folder}: archives in it are named {@code label/relative/path.zip}, entries
     *              of archives nested in those {@code label/a.zip!/b.zip}
     * @param depth nesting depth of archives found directly in {@code folder} (1 for a student's own zip)
     */
    public void expandNested(Path folder, String label, int depth, ExtractionBudget budget, List<String> warnings)
            throws IOException {
        List<Path> archives = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !folder.relativize(p).toString().replace('\\', '/').matches("(.*/)?\\.git/.*"))
                    .filter(p -> ArchiveFormat.hasArchiveName(p.getFileName().toString()))
                    .forEach(archives::add);
        }
        for (Path nested : archives) {
            String rel = folder.relativize(nested).toString().replace('\\', '/');
            String nestedLabel = label + "/" + rel;
            ArchiveFormat format = ArchiveFormat.detect(nested);
            if (format == null) continue; // named like an archive but is not one: a student file, leave it
            if (!format.supported()) {
                warnings.add(nestedLabel + ": left as is: " + format.displayName()
                        + " archives are not supported");
                continue;
            }
            if (depth > limits.maxNestingDepth()) {
                warnings.add(nestedLabel + ": left as is: archive nested deeper than " + limits.maxNestingDepth()
                        + " levels");
                continue;
            }
            Path dest = freeSibling(nested);
            try {
                extract(nested, nestedLabel, dest, budget, warnings);
            } catch (InvalidInputException | IOException e) {
                warnings.add(nestedLabel + ": left as is: could not be extracted: " + e.getMessage());
                Folders.deleteRecursively(dest);
                continue;
            }
            Files.delete(nested);
            Folders.collapseSingleDirectory(dest);
            expandNested(dest, nestedLabel + "!", depth + 1, budget, warnings);
        }
    }

    private static Path freeSibling(Path archive) {
        String base = ArchiveFormat.stripArchiveExtension(archive.getFileName().toString());
        Path dir = archive.resolveSibling(base);
        for (int i = 2; Files.exists(dir, LinkOption.NOFOLLOW_LINKS); i++)
            dir = archive.resolveSibling(base + "_" + i);
        return dir;
    }

    // ---------------------------------------------------------------------------------------------------- zip

    private void extractZip(Run run) throws IOException, InvalidInputException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(run.archive).setCharset(legacyZipCharset).setUseUnicodeExtraFields(true)
                    .get();
        } catch (IOException e) {
            // A truncated download has no central directory; the local headers still let us save what is there.
            run.warnings.add(run.label + ": damaged zip (" + e.getMessage() + "); read entry by entry instead");
            extractZipStreaming(run);
            return;
        }
        try (zip) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                if (!run.admitEntry()) return;
                ZipEntryPlan plan = planZipEntry(run, e);
                if (plan == null) continue;
                if (!BUILT_IN_METHODS.contains(e.getMethod()) || !zip.canReadEntryData(e)) {
                    run.skip(plan.name, "unsupported compression method " + methodName(e.getMethod()));
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    LongSupplier compressed = in instanceof InputStreamStatistics s ? s::getCompressedCount : null;
                    if (!run.writeFile(plan.path, plan.name, in, compressed)) return;
                } catch (IOException ex) {
                    run.skip(plan.name, "unreadable data (" + ex.getMessage() + ")");
                }
            }
        }
    }

    private void extractZipStreaming(Run run) throws IOException, InvalidInputException {
        boolean any = false;
        try (InputStream raw = Files.newInputStream(run.archive);
             ZipArchiveInputStream zin = new ZipArchiveInputStream(new BufferedInputStream(raw),
                     legacyZipCharset.name(), true, true)) {
            ZipArchiveEntry e;
            while (true) {
                try {
                    e = zin.getNextEntry();
                } catch (IOException ex) {
                    if (!any) throw new InvalidInputException(run.archive, 0, "unreadable zip: " + ex.getMessage(), ex);
                    run.stop("the archive is damaged after the last readable entry (" + ex.getMessage() + ")");
                    return;
                }
                if (e == null) break;
                any = true;
                if (!run.admitEntry()) return;
                ZipEntryPlan plan = planZipEntry(run, e);
                if (plan == null) continue;
                if (!BUILT_IN_METHODS.contains(e.getMethod()) || !zin.canReadEntryData(e)) {
                    run.skip(plan.name, "unsupported compression method " + methodName(e.getMethod()));
                    continue;
                }
                try {
                    if (!run.writeFile(plan.path, plan.name, zin, zin::getCompressedCount)) return;
                } catch (IOException ex) {
                    run.skip(plan.name, "unreadable data (" + ex.getMessage() + ")");
                    run.stop("the archive is damaged after this entry");
                    return;
                }
            }
        }
        if (!any) throw new InvalidInputException(run.archive, "not a readable zip archive (no entries found)");
    }

    private record ZipEntryPlan(String name, EntryPath path) {
    }

    /** Name decoding and every refusal that does not need the data; {@code null} = nothing to write. */
    private ZipEntryPlan planZipEntry(Run run, ZipArchiveEntry e) throws IOException {
        String name = decodeZipName(e);
        EntryPath path = run.parseName(name);
        if (path == null) return null;
        int type = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? e.getUnixMode() & S_IFMT : 0;
        if (e.isUnixSymlink() || type == S_IFLNK) {
            run.skip(name, "symbolic link (links are never extracted)");
            return null;
        }
        if (type != 0 && type != S_IFREG && type != S_IFDIR) {
            run.skip(name, "special file (device, FIFO or socket)");
            return null;
        }
        if (e.isDirectory() || path.directory() || type == S_IFDIR) {
            run.makeDirectory(path, name);
            return null;
        }
        GeneralPurposeBit gpb = e.getGeneralPurposeBit();
        if (gpb.usesEncryption() || gpb.usesStrongEncryption()) {
            run.skip(name, "encrypted (password-protected) entry; extract it yourself and import the folder");
            return null;
        }
        return new ZipEntryPlan(name, path);
    }

    /**
     * Bit 11 set, or an Info-ZIP Unicode path field: trust commons-compress. Otherwise the bytes are in an unknown
     * encoding: valid UTF-8 (what macOS and Linux tools write without setting the flag) wins over the legacy code
     * page, which decodes any byte sequence, so this never fails.
     */
    private String decodeZipName(ZipArchiveEntry e) {
        if (e.getGeneralPurposeBit().usesUTF8ForNames() || e.getExtraField(UnicodePathExtraField.UPATH_ID) != null)
            return e.getName();
        byte[] raw = e.getRawName();
        if (raw == null) return e.getName();
        boolean ascii = true;
        for (byte b : raw) ascii &= b >= 0;
        if (ascii) return e.getName();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(raw, legacyZipCharset);
        }
    }

    private static String methodName(int code) {
        ZipMethod m = ZipMethod.getMethodByCode(code);
        return m == null ? "#" + code : m.name() + " (#" + code + ")";
    }

    // ---------------------------------------------------------------------------------------------------- tar

    private void extractTar(Run run, ArchiveFormat format) throws IOException, InvalidInputException {
        try (InputStream raw = Files.newInputStream(run.archive)) {
            CountingInputStream counted = new CountingInputStream(new BufferedInputStream(raw));
            InputStream decompressed;
            try {
                decompressed = switch (format) {
                    case TAR -> counted;
                    case TAR_GZIP -> GzipCompressorInputStream.builder().setInputStream(counted)
                            .setDecompressConcatenated(true).get();
                    case TAR_BZIP2 -> new BZip2CompressorInputStream(counted, true);
                    default -> throw new IllegalStateException(format.name());
                };
            } catch (IOException e) {
                throw new InvalidInputException(run.archive, 0, "unreadable compressed stream: " + e.getMessage(), e);
            }
            // Tar has no per-entry compressed size: the ratio is judged on the whole stream so far.
            run.streamCompressed = counted::count;
            try (TarArchiveInputStream tin = new TarArchiveInputStream(decompressed, "UTF-8")) {
                boolean any = false;
                while (true) {
                    TarArchiveEntry e;
                    try {
                        e = tin.getNextEntry();
                    } catch (IOException | IllegalArgumentException ex) {
                        if (!any) throw new InvalidInputException(run.archive, 0, "unreadable tar: " + ex.getMessage(), ex);
                        run.stop("the archive is damaged after the last readable entry (" + ex.getMessage() + ")");
                        return;
                    }
                    if (e == null) break;
                    any = true;
                    if (!run.admitEntry()) return;
                    String name = e.getName();
                    EntryPath path = run.parseName(name);
                    if (path == null) continue;
                    if (e.isSymbolicLink()) {
                        run.skip(name, "symbolic link to " + EntryNames.display(e.getLinkName())
                                + " (links are never extracted)");
                    } else if (e.isLink()) {
                        run.skip(name, "hard link to " + EntryNames.display(e.getLinkName())
                                + " (links are never extracted)");
                    } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                        run.skip(name, "special file (device or FIFO)");
                    } else if (e.isDirectory()) {
                        run.makeDirectory(path, name);
                    } else if (e.isFile() && !e.isSparse()) {
                        try {
                            if (!run.writeFile(path, name, tin, null)) return;
                        } catch (IOException ex) {
                            run.skip(name, "unreadable data (" + ex.getMessage() + ")");
                            run.stop("the archive is damaged after this entry");
                            return;
                        }
                    } else {
                        run.skip(name, "unsupported tar entry type '" + (char) e.getLinkFlag() + "'");
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- common

    /** State of one archive's extraction. */
    private final class Run {
        final Path archive;
        final String label;
        final Path root;
        final ExtractionBudget budget;
        final List<String> warnings;
        final long archiveSize;
        LongSupplier streamCompressed;
        int entries;
        int files;
        long bytes;
        boolean complete = true;

        Run(Path archive, String label, Path root, ExtractionBudget budget, List<String> warnings, long archiveSize) {
            this.archive = archive;
            this.label = label;
            this.root = root;
            this.budget = budget;
            this.warnings = warnings;
            this.archiveSize = archiveSize;
        }

        void skip(String entry, String reason) {
            warnings.add(label + ": " + EntryNames.display(entry) + ": skipped: " + reason);
        }

        void stop(String reason) {
            complete = false;
            warnings.add(label + ": extraction stopped: " + reason + "; entries after it were not extracted");
        }

        boolean admitEntry() {
            if (++entries > limits.maxEntriesPerArchive()) {
                stop("more than " + limits.maxEntriesPerArchive() + " entries");
                return false;
            }
            if (budget.entriesExhausted()) {
                stop("the import reached its limit of " + limits.maxTotalEntries() + " entries");
                return false;
            }
            budget.addEntry();
            return true;
        }

        /** Parses and reports; {@code null} when the entry is refused, junk, or the root itself. */
        EntryPath parseName(String name) {
            EntryPath path;
            try {
                path = EntryNames.parse(name, limits.maxSegmentBytes(), limits.maxPathChars());
            } catch (UnsafeNameException e) {
                skip(name, e.getMessage());
                return null;
            }
            if (path == null) return null;
            if (EntryNames.isJunk(path.segments())) {
                log.debug("{}: dropped OS junk entry {}", label, path.joined());
                return null;
            }
            if (path.renamed())
                log.debug("{}: entry {} stored as {}", label, EntryNames.display(name), path.joined());
            return path;
        }

        /** Resolves inside the root, creating parent folders; {@code null} (with a warning) if that is impossible. */
        Path resolve(EntryPath path, String name, boolean forDirectory) throws IOException {
            Path dir = root;
            List<String> segs = path.segments();
            int parents = forDirectory ? segs.size() : segs.size() - 1;
            for (int i = 0; i < parents; i++) {
                dir = dir.resolve(segs.get(i));
                if (Files.isSymbolicLink(dir)) {
                    skip(name, "a parent folder is a link");
                    return null;
                }
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                        skip(name, "conflicts with file " + root.relativize(dir));
                        return null;
                    }
                } else {
                    Files.createDirectory(dir);
                }
            }
            Path target = forDirectory ? dir : dir.resolve(segs.get(segs.size() - 1));
            if (!target.normalize().startsWith(root)) { // cannot happen after EntryNames.parse; kept as a guard
                skip(name, "resolves outside the target folder");
                return null;
            }
            return target;
        }

        void makeDirectory(EntryPath path, String name) throws IOException {
            resolve(path, name, true);
        }

        /**
         * Streams one entry to disk under every limit.
         *
         * @param entryCompressed compressed bytes consumed for this entry so far, when the stream can tell
         * @return false when extraction of this archive must stop
         */
        boolean writeFile(EntryPath path, String name, InputStream in, LongSupplier entryCompressed)
                throws IOException {
            if (budget.bytesExhausted()) {
                stop("the import reached its size limit of " + limits.maxTotalBytes() + " bytes");
                return false;
            }
            Path target = resolve(path, name, false);
            if (target == null) return true;
            long written = 0;
            long compressedAtStart = entryCompressed == null ? 0 : entryCompressed.getAsLong();
            String failure = null;
            boolean stopAll = false;
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (written + n > limits.maxEntryBytes()) {
                        failure = "larger than the per-entry limit of " + limits.maxEntryBytes() + " bytes";
                        break;
                    }
                    if (n > budget.bytesLeft()) {
                        failure = "the import reached its size limit of " + limits.maxTotalBytes() + " bytes";
                        stopAll = true;
                        break;
                    }
                    out.write(buf, 0, n);
                    written += n;
                    bytes += n;
                    budget.addBytes(n);
                    if (written > limits.ratioCheckThresholdBytes() && entryCompressed != null) {
                        long c = Math.max(1, entryCompressed.getAsLong() - compressedAtStart);
                        if ((double) written / c > limits.maxCompressionRatio()) {
                            failure = "compression ratio above " + limits.maxCompressionRatio() + " (zip bomb?)";
                            break;
                        }
                    }
                    if (bytes > limits.ratioCheckThresholdBytes()) {
                        long c = Math.max(1, streamCompressed != null ? streamCompressed.getAsLong() : archiveSize);
                        if ((double) bytes / c > limits.maxCompressionRatio()) {
                            failure = "the archive's overall compression ratio exceeds "
                                    + limits.maxCompressionRatio() + " (zip bomb?)";
                            stopAll = true;
                            break;
                        }
                    }
                }
            } catch (FileAlreadyExistsException e) {
                skip(name, "duplicate entry (the first one was kept)");
                return true;
            }
            if (failure != null) {
                Files.deleteIfExists(target);
                budget.addBytes(-written); // the allowance is about what stays on disk; the ratio still saw them
                skip(name, failure);
                if (stopAll) {
                    stop(failure);
                    return false;
                }
                return true;
            }
            files++;
            return true;
        }
    }

    /** Counts compressed bytes consumed, for the whole-stream ratio of compressed tarballs. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }

    /** Lists a folder's entries without following links (helper for callers that walk extracted trees). */
    static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(out::add);
        }
        return out;
    }
}
