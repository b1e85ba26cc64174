package org.gradebench.io.importing;

import org.gradebench.core.submission.Submission;
import org.gradebench.io.importing.archive.ArchiveFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fallback layouts: each sub-folder of the root is one submission (id and student = the folder name as given),
 * and each file is one submission (id and student = the file name as given, e.g. {@code alice.py}; its folder holds
 * just that file). A file that is an archive ({@code alice.zip}) is extracted as that student's submission and named
 * without the archive extension ({@code alice}), unless that would clash with another entry.
 */
public final class GenericImporter implements LayoutImporter {

    @Override
    public SubmissionFormat format() {
        return SubmissionFormat.FOLDER_PER_STUDENT;
    }

    @Override
    public boolean matches(Path root, ImportOptions options) {
        return true;
    }

    @Override
    public SubmissionFormat read(ImportSession s) throws IOException {
        List<Path> entries = s.rootEntries();
        Set<String> names = new HashSet<>();
        for (Path p : entries) names.add(p.getFileName().toString().toLowerCase(Locale.ROOT));
        boolean dirs = false;
        boolean files = false;
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (Files.isSymbolicLink(p)) {
                s.warn(s.inputLabel() + ": " + name + ": skipped: symbolic link (links are never imported)");
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                dirs = true;
                s.add(new Submission(name, name, p, identity()));
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                files = true;
                if (ImportSession.isArchive(p)) {
                    String base = ArchiveFormat.stripArchiveExtension(name);
                    long sameBase = entries.stream().filter(q -> ArchiveFormat
                            .stripArchiveExtension(q.getFileName().toString()).equalsIgnoreCase(base)).count();
                    String id = sameBase > 1 || names.contains(base.toLowerCase(Locale.ROOT)) ? name : base;
                    Path folder = s.newFolder(ImportSession.SUBMISSIONS, id);
                    s.extractStudentArchive(p, folder, s.inputLabel() + (s.rootOwned() ? "!/" : "/") + s.rel(p));
                    s.add(new Submission(id, id, folder, identity()));
                } else {
                    Path folder = s.newFolder(ImportSession.SUBMISSIONS, name);
                    s.placeFile(p, folder, name);
                    s.add(new Submission(name, name, folder, identity()));
                }
            } else {
                s.warn(s.inputLabel() + ": " + name + ": skipped: special file");
            }
        }
        return dirs && files ? SubmissionFormat.MIXED
                : files ? SubmissionFormat.FILE_PER_STUDENT : SubmissionFormat.FOLDER_PER_STUDENT;
    }

    private static Submission.Identity identity() {
        return Submission.Identity.NONE;
    }
}
