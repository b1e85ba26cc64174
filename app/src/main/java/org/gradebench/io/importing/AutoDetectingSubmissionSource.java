package org.gradebench.io.importing;

import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.submission.SubmissionSource;
import org.gradebench.io.importing.archive.ArchiveExtractor;
import org.gradebench.io.importing.archive.ArchiveFormat;
import org.gradebench.io.importing.archive.ExtractionBudget;
import org.gradebench.io.importing.archive.Folders;
import org.gradebench.io.importing.lms.BlackboardImporter;
import org.gradebench.io.importing.lms.BrightspaceImporter;
import org.gradebench.io.importing.lms.CanvasImporter;
import org.gradebench.io.importing.lms.GitHubClassroomImporter;
import org.gradebench.io.importing.lms.GradescopeImporter;
import org.gradebench.io.importing.lms.MoodleImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The submission importer: give it a folder or an archive, it finds the layout (an LMS bulk download or a generic
 * folder/file-per-student convention) and returns one {@code Submission} per student.
 *
 * <pre>{@code
 * ImportResult r = new AutoDetectingSubmissionSource().load(Path.of("submissions.zip"), workspaceDir);
 * r.format();       // "moodle", "canvas", "blackboard", "brightspace", "github-classroom", "gradescope",
 *                   // "folder-per-student", "file-per-student" or "mixed"
 * r.submissions();  // id = LMS identifier (or the folder/file name), student = display name, folder = files
 * r.warnings();     // one line per skipped entry / oddity; the import itself succeeded
 * }</pre>
 *
 * <p>Archives are extracted into a new {@code import-*} folder inside {@code workspace} (created if missing; never
 * cleaned by this class). A plain input folder in a generic layout is used in place when clean. Detection goes from
 * the most specific layout to the least: Gradescope, Blackboard, Brightspace, Moodle, Canvas, GitHub Classroom,
 * then generic. A single wrapper folder at the top is looked through. The result is also the cheap "preview"
 * (format, count, warnings) the GUI shows.
 *
 * <p>One instance may be reused for several loads; each load has its own extraction budget. Not for concurrent
 * use with the same workspace folder.
 */
public final class AutoDetectingSubmissionSource implements SubmissionSource {
    private static final Logger log = LoggerFactory.getLogger(AutoDetectingSubmissionSource.class);

    private final ImportOptions options;

    public AutoDetectingSubmissionSource() {
        this(ImportOptions.defaults());
    }

    public AutoDetectingSubmissionSource(ImportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Layout importers, most specific first; the generic one (last) always matches. */
    static List<LayoutImporter> importers() {
        return List.of(new GradescopeImporter(), new BlackboardImporter(), new BrightspaceImporter(),
                new MoodleImporter(), new CanvasImporter(), new GitHubClassroomImporter(), new GenericImporter());
    }

    @Override
    public ImportResult load(Path input, Path workspace) throws IOException, InvalidInputException {
        return loadReport(input, workspace).result();
    }

    /** Like {@link #load} but also returns the attempts that were superseded by a later one. */
    public ImportReport loadReport(Path input, Path workspace) throws IOException, InvalidInputException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(workspace, "workspace");
        if (!Files.exists(input)) throw new InvalidInputException(input, "does not exist");
        String label = input.getFileName() == null ? input.toString() : input.getFileName().toString();
        input = input.toRealPath(); // a link to an archive is fine; everything inside is judged without following
        Files.createDirectories(workspace);
        Path importDir = Files.createTempDirectory(workspace, "import-").toRealPath();
        ArchiveExtractor extractor = new ArchiveExtractor(options.limits(), options.legacyZipCharset());
        ExtractionBudget budget = extractor.newBudget();
        List<String> warnings = new ArrayList<>();

        Path base;
        boolean owned;
        String archiveBase = null;
        if (Files.isDirectory(input)) {
            base = input.toRealPath();
            owned = false;
        } else {
            ArchiveFormat format = ArchiveFormat.detect(input);
            if (format == null)
                throw new InvalidInputException(input,
                        "neither a folder nor a supported archive (zip, tar, tar.gz, tgz, tar.bz2)");
            base = importDir.resolve("extracted");
            extractor.extract(input, label, base, budget, warnings); // throws for unsupported 7z/rar
            owned = true;
            archiveBase = ArchiveFormat.stripArchiveExtension(label);
        }

        LayoutImporter chosen = null;
        Path root = base;
        for (int level = 0; level < 3 && chosen == null; level++) {
            chosen = detect(root);
            if (chosen != null) break;
            Path wrapper = singleWrapper(root);
            if (wrapper == null) break;
            boolean descend = detect(wrapper) != null
                    || (archiveBase != null && wrapper.getFileName().toString().equalsIgnoreCase(archiveBase))
                    || onlyFolders(wrapper);
            if (!descend) break;
            root = wrapper;
        }
        if (chosen == null) chosen = fallback();
        log.debug("{}: layout {} at {}", label, chosen.format().id(), root);
        ImportSession session = new ImportSession(options, extractor, budget, importDir, root, owned, label, input, warnings);
        SubmissionFormat format = chosen.read(session);
        if (options.moodleWorksheet().isPresent() && format != SubmissionFormat.MOODLE) {
            warnings.add(options.moodleWorksheet().get().getFileName() + ": not used: the submissions are a "
                    + format.id() + " layout, and a Moodle grading worksheet only applies to a Moodle download");
        }
        ImportReport report = session.finish(format);
        if (report.result().submissions().isEmpty()) warnings.add(label + ": no submissions found");
        return report.result().submissions().isEmpty()
                ? new ImportReport(new ImportResult(format.id(), List.of(), warnings), report.superseded()) : report;
    }

    /**
     * The layout at {@code root}, or null. A forced LMS format is accepted only where it matches (so a wrapper
     * folder can still be looked through); a forced generic format always falls through to the generic importer.
     */
    private LayoutImporter detect(Path root) throws IOException {
        Optional<SubmissionFormat> forced = options.format();
        for (LayoutImporter i : importers()) {
            if (i instanceof GenericImporter) continue;
            if (forced.isPresent() && i.format() != forced.get()) continue;
            if (i.matches(root, options)) return i;
        }
        return null;
    }

    private LayoutImporter fallback() {
        Optional<SubmissionFormat> forced = options.format();
        if (forced.isPresent())
            for (LayoutImporter i : importers()) if (i.format() == forced.get()) return i;
        return new GenericImporter();
    }

    private static Path singleWrapper(Path root) throws IOException {
        List<Path> kids = Folders.children(root);
        if (kids.size() != 1) return null;
        Path only = kids.get(0);
        return Files.isDirectory(only, LinkOption.NOFOLLOW_LINKS) && !only.getFileName().toString().equals(".git")
                ? only : null;
    }

    private static boolean onlyFolders(Path dir) throws IOException {
        List<Path> kids = Folders.children(dir);
        return !kids.isEmpty() && kids.stream().allMatch(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                && !p.getFileName().toString().toLowerCase(Locale.ROOT).equals(".git"));
    }
}
