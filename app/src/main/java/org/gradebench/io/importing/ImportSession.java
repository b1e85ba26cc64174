package org.gradebench.io.importing;

import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource.ImportResult;
import org.gradebench.io.importing.archive.ArchiveExtractor;
import org.gradebench.io.importing.archive.ArchiveFormat;
import org.gradebench.io.importing.archive.EntryNames;
import org.gradebench.io.importing.archive.ExtractionBudget;
import org.gradebench.io.importing.archive.Folders;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * State of one import, handed to the {@link LayoutImporter} that recognised the layout. It owns the workspace: every
 * folder it creates is inside it, every file it places is validated by {@link EntryNames}. Not thread-safe.
 *
 * <p>Submissions are added with their folder as grouped by the importer; {@link #finish} then normalises each one:
 * folders outside the workspace (a plain input folder) are used in place when they are clean and copied when they
 * hold links, OS junk or archives; folders inside it get their nested archives expanded and a lone wrapper folder
 * collapsed.
 */
public final class ImportSession {
    /** Workspace area for submissions grouped by an importer. */
    public static final String SUBMISSIONS = "submissions";
    /** Workspace area for attempts replaced by a later one. */
    public static final String SUPERSEDED = "superseded";

    private final ImportOptions options;
    private final ArchiveExtractor extractor;
    private final ExtractionBudget budget;
    private final Path workspace;
    private final Path root;
    private final boolean rootOwned;
    private final String inputLabel;
    private final Path input;
    private final List<String> warnings;
    private final List<Submission> submissions = new ArrayList<>();
    private final List<SupersededAttempt> superseded = new ArrayList<>();
    private final Map<String, Set<String>> usedNames = new HashMap<>();
    private final Set<Path> alreadyExpanded = new HashSet<>();

    ImportSession(ImportOptions options, ArchiveExtractor extractor, ExtractionBudget budget, Path workspace, Path root,
                  boolean rootOwned, String inputLabel, Path input, List<String> warnings) {
        this.options = options;
        this.extractor = extractor;
        this.budget = budget;
        this.workspace = workspace;
        this.root = root;
        this.rootOwned = rootOwned;
        this.inputLabel = inputLabel;
        this.input = input;
        this.warnings = warnings;
    }

    public ImportOptions options() {
        return options;
    }

    /** The folder the layout was detected in (an extracted archive in the workspace, or the user's folder). */
    public Path root() {
        return root;
    }

    /** True when {@link #root()} is our own extraction: its files may be moved instead of copied. */
    public boolean rootOwned() {
        return rootOwned;
    }

    /**
     * What the user gave (the archive or folder, links resolved): importers look next to it for companion files the
     * LMS offers as separate downloads (Moodle's grading worksheet).
     */
    public Path input() {
        return input;
    }

    /** How warnings name the input (its file name). */
    public String inputLabel() {
        return inputLabel;
    }

    public void warn(String line) {
        warnings.add(line);
    }

    /** Non-junk entries of the root, sorted by name. */
    public List<Path> rootEntries() throws IOException {
        List<Path> kids = new ArrayList<>(Folders.children(root));
        kids.removeIf(workspace::startsWith); // a workspace placed inside the input folder is not a student
        return kids;
    }

    /** The root-relative name, for warnings. */
    public String rel(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /**
     * A new, empty folder {@code <workspace>/<area>/<key>}: the key is cleaned for the file system and made unique
     * (a suffix is added), so two students called the same never share a folder.
     */
    public Path newFolder(String area, String key) throws IOException {
        String clean = EntryNames.cleanSegment(key.replace('/', '_').replace('\\', '_'), 120).strip();
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) clean = "_";
        Set<String> used = usedNames.computeIfAbsent(area, a -> new HashSet<>());
        String name = clean;
        for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) name = clean + "_" + i;
        Path dir = workspace.resolve(area).resolve(name);
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * Puts {@code source} (a regular file) at {@code folder/relativeName}. The name is validated like an archive
     * entry; an unsafe or clashing name is reported and replaced, never followed. Moves when the root is ours.
     */
    public void placeFile(Path source, Path folder, String relativeName) throws IOException {
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            warn(inputLabel + ": " + EntryNames.display(rel(source)) + ": skipped: not a regular file (link or device)");
            return;
        }
        Path target;
        try {
            EntryNames.EntryPath p = EntryNames.parse(relativeName, 200, 1024);
            target = p == null ? folder.resolve(EntryNames.cleanSegment(source.getFileName().toString(), 200))
                    : folder.resolve(p.joined());
        } catch (EntryNames.UnsafeNameException e) {
            String safe = EntryNames.cleanSegment(source.getFileName().toString(), 200);
            warn(inputLabel + ": " + EntryNames.display(relativeName) + ": stored as " + safe + ": " + e.getMessage());
            target = folder.resolve(safe);
        }
        if (!target.normalize().startsWith(folder)) throw new IllegalStateException("escaped " + folder);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path alt = freeName(target);
            warn(inputLabel + ": " + EntryNames.display(rel(source)) + ": name clash in " + folder.getFileName()
                    + ", stored as " + alt.getFileName());
            target = alt;
        }
        Folders.place(source, target, rootOwned && source.startsWith(workspace));
    }

    private static Path freeName(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path alt = target;
        for (int i = 2; Files.exists(alt, LinkOption.NOFOLLOW_LINKS); i++) alt = target.resolveSibling(base + "-" + i + ext);
        return alt;
    }

    /**
     * Places every regular file under {@code sourceDir} into {@code folder}, keeping sub-folders; links, devices and
     * OS junk are skipped (links and devices with a warning).
     */
    public void placeTree(Path sourceDir, Path folder) throws IOException {
        Files.walkFileTree(sourceDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(sourceDir) && EntryNames.isJunkName(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (EntryNames.isJunkName(file.getFileName().toString())) return FileVisitResult.CONTINUE;
                String relName = sourceDir.relativize(file).toString().replace('\\', '/');
                if (!attrs.isRegularFile()) {
                    warn(inputLabel + ": " + EntryNames.display(rel(file)) + ": skipped: "
                            + (attrs.isSymbolicLink() ? "symbolic link (links are never imported)" : "special file"));
                    return FileVisitResult.CONTINUE;
                }
                placeFile(file, folder, relName);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Extracts a student's own archive into {@code folder} and its nested archives below it. On a damaged or
     * unsupported archive the file itself is kept as the submission, with a warning.
     */
    public void extractStudentArchive(Path archive, Path folder, String label) throws IOException {
        try {
            extractor.extract(archive, label, folder, budget, warnings);
        } catch (InvalidInputException e) {
            warn(label + ": kept as a file: " + e.getMessage());
            placeFile(archive, folder, archive.getFileName().toString());
            alreadyExpanded.add(folder);
            return;
        }
        if (options.expandNestedArchives()) extractor.expandNested(folder, label + "!", 2, budget, warnings);
        alreadyExpanded.add(folder);
    }

    /** Whether a regular file is an archive we would expand (by name and by content). */
    public static boolean isArchive(Path file) throws IOException {
        return ArchiveFormat.hasArchiveName(file.getFileName().toString()) && ArchiveFormat.detect(file) != null;
    }

    /** Writes a small text file we generate (e.g. an LMS text entry) into a submission folder. */
    public void writeText(Path folder, String fileName, String content) throws IOException {
        Path target = folder.resolve(EntryNames.cleanSegment(fileName, 200));
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) target = freeName(target);
        Files.writeString(target, content, java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
    }

    public void add(Submission submission) {
        submissions.add(submission);
    }

    public void supersede(SupersededAttempt attempt) {
        superseded.add(attempt);
        warn(attempt.submissionId() + ": attempt " + attempt.attempt() + " (" + attempt.label()
                + ") superseded by a later one; kept in " + workspace.relativize(attempt.folder()));
    }

    /** Normalises every submission folder (see class comment), makes ids unique and builds the result. */
    ImportReport finish(SubmissionFormat format) throws IOException {
        List<Submission> out = new ArrayList<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Submission s : submissions) {
            Path folder = normalise(s.id(), s.folder());
            String id = s.id();
            int n = ids.merge(id, 1, Integer::sum);
            if (n > 1) {
                String unique = id + "#" + n;
                while (ids.containsKey(unique)) unique = unique + "'";
                ids.put(unique, 1);
                warn(id + ": two submissions with the same id; the second is " + unique);
                id = unique;
            }
            if (!hasFiles(folder)) warn(id + ": empty submission (no files)");
            out.add(new Submission(id, s.student(), folder, s.identity()));
        }
        for (SupersededAttempt a : superseded) normalise(a.submissionId(), a.folder());
        return new ImportReport(new ImportResult(format.id(), out, warnings), superseded);
    }

    private Path normalise(String id, Path folder) throws IOException {
        if (!folder.startsWith(workspace)) {
            if (!needsCopy(folder)) return folder;
            Path copy = newFolder(SUBMISSIONS, folder.getFileName().toString());
            placeTree(folder, copy);
            folder = copy;
        }
        if (options.expandNestedArchives() && !alreadyExpanded.contains(folder))
            extractor.expandNested(folder, id, 1, budget, warnings);
        Folders.collapseSingleDirectory(folder);
        return folder;
    }

    /** A user's folder can be graded in place unless it holds links, specials, junk, archives or a lone wrapper. */
    private boolean needsCopy(Path folder) throws IOException {
        List<Path> kids = Folders.children(folder);
        if (kids.size() == 1 && Files.isDirectory(kids.get(0), LinkOption.NOFOLLOW_LINKS)
                && !kids.get(0).getFileName().toString().equals(".git")) return true;
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.skip(1).anyMatch(p -> {
                if (EntryNames.isJunkName(p.getFileName().toString())) return true;
                if (Files.isSymbolicLink(p)) return true;
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return false;
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return true;
                try {
                    return options.expandNestedArchives() && !p.toString().contains("/.git/") && isArchive(p);
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    /** Student files, that is: a clone with nothing but its {@code .git} is empty. */
    private static boolean hasFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.anyMatch(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    && !folder.relativize(p).toString().replace('\\', '/').matches("(.*/)?\\.git/.*"));
        }
    }
}
