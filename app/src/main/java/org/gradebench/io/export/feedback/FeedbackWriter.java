package org.gradebench.io.export.feedback;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.io.export.ExportFormat;
import org.gradebench.io.export.ExportReport;
import org.gradebench.io.export.GradeBook;
import org.gradebench.io.export.GradeRow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes every student's feedback ({@code feedback.html} and {@code feedback.txt}) in an LMS's upload layout
 * ({@link FeedbackLayout}), into a zip (target ending in {@code .zip}) or a new folder. For Moodle the zip is what
 * "Upload multiple feedback files in a zip" takes as is (the assignment needs the "Feedback files" feedback type
 * enabled); it holds nothing but the student folders. Other formats get a README.txt saying how to upload.
 */
public final class FeedbackWriter {
    static final String HTML = "feedback.html";
    static final String TEXT = "feedback.txt";

    /**
     * @param written  students with feedback files
     * @param skipped  students left out (e.g. no Moodle participant id), and why
     */
    public record Result(Path target, int written, List<ExportReport.Skipped> skipped, List<String> warnings) {
        public Result {
            skipped = List.copyOf(skipped);
            warnings = List.copyOf(warnings);
        }
    }

    private final Clock clock;

    public FeedbackWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param lmsMax  the maximum the exported scores are on (from the grade export's report)
     * @param decimal the grade file's decimal separator
     * @throws InvalidInputException the target folder exists and is not empty (old feedback must not be mixed in)
     */
    public Result write(GradeBook book, ExportFormat format, double lmsMax, char decimal, Path target)
            throws IOException, InvalidInputException {
        FeedbackBuilder builder = new FeedbackBuilder(book.title(), book.assignment());
        Map<String, StudentFeedback> folders = new LinkedHashMap<>();
        List<ExportReport.Skipped> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<GradeRow> latest = book.latestAttempts();
        for (GradeRow r : book.rows()) {
            if (!latest.contains(r)) {
                skipped.add(new ExportReport.Skipped(r.submission().id(), r.submission().student(),
                        "an older attempt of a student whose newer attempt gets feedback"));
                continue;
            }
            Optional<String> folder = FeedbackLayout.folder(format, r.submission());
            if (folder.isEmpty()) {
                skipped.add(new ExportReport.Skipped(r.submission().id(), r.submission().student(),
                        "no Moodle participant id: Moodle could not tell whose feedback it is"));
                continue;
            }
            String name = folder.get();
            if (!used.add(name.toLowerCase(Locale.ROOT))) {
                if (format == ExportFormat.MOODLE) {
                    skipped.add(new ExportReport.Skipped(r.submission().id(), r.submission().student(),
                            "another submission has the same participant id"));
                    continue;
                }
                int n = 2;
                while (!used.add((name + " (" + n + ")").toLowerCase(Locale.ROOT))) n++;
                name = name + " (" + n + ")";
                warnings.add("two submissions map to the same feedback folder; '" + r.submission().id() + "' is in '" + name + "'");
            }
            folders.put(name, builder.build(r, lmsMax, decimal));
        }
        if (book.assignment().isEmpty()) {
            warnings.add("the assignment is not available: feedback shows verdicts only (no inputs, outputs or diffs)");
        }
        String readme = FeedbackLayout.readme(format);
        if (target.getFileName() != null && target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            writeZip(target, folders, readme);
        } else {
            writeFolder(target, folders, readme);
        }
        return new Result(target, folders.size(), skipped, warnings);
    }

    private void writeZip(Path target, Map<String, StudentFeedback> folders, String readme) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        FileTime now = FileTime.from(clock.instant());
        try {
            try (OutputStream os = Files.newOutputStream(tmp); ZipArchiveOutputStream zip = new ZipArchiveOutputStream(os)) {
                // UTF-8 names with the language-encoding flag (bit 11): accented student names survive.
                zip.setEncoding(StandardCharsets.UTF_8.name());
                zip.setUseLanguageEncodingFlag(true);
                if (!readme.isEmpty()) entry(zip, "README.txt", readme, now);
                for (var e : folders.entrySet()) {
                    entry(zip, e.getKey() + "/" + HTML, FeedbackRenderer.toHtml(e.getValue()), now);
                    entry(zip, e.getKey() + "/" + TEXT, FeedbackRenderer.toText(e.getValue()), now);
                }
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void entry(ZipArchiveOutputStream zip, String name, String content, FileTime time) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setLastModifiedTime(time);
        zip.putArchiveEntry(e);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
    }

    private static void writeFolder(Path target, Map<String, StudentFeedback> folders, String readme)
            throws IOException, InvalidInputException {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) throw new InvalidInputException(target, "exists and is not a folder");
            try (var list = Files.list(target)) {
                if (list.findAny().isPresent()) {
                    throw new InvalidInputException(target, "is not empty; choose a new folder so old feedback is not mixed in");
                }
            }
        }
        Files.createDirectories(target);
        if (!readme.isEmpty()) Files.writeString(target.resolve("README.txt"), readme, StandardCharsets.UTF_8);
        for (var e : folders.entrySet()) {
            Path dir = target.resolve(e.getKey()).normalize();
            if (!dir.getParent().equals(target.normalize())) throw new IllegalStateException("unsafe folder name " + e.getKey());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(HTML), FeedbackRenderer.toHtml(e.getValue()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(TEXT), FeedbackRenderer.toText(e.getValue()), StandardCharsets.UTF_8);
        }
    }
}
