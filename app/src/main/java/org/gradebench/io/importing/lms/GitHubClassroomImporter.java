package org.gradebench.io.importing.lms;

import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.submission.Submission;
import org.gradebench.io.importing.ImportOptions;
import org.gradebench.io.importing.ImportSession;
import org.gradebench.io.importing.LayoutImporter;
import org.gradebench.io.importing.SubmissionFormat;
import org.gradebench.io.importing.archive.Folders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code gh classroom clone student-repos} output (lms-exports.md §5): one git clone per student,
 * {@code <slug>-<login>[-N]}. The login is resolved against a roster CSV ({@code identifier,github_username,
 * github_id,name}) or a grades CSV ({@code github_username,...,student_repository_name}) when one is given or lies
 * in the root, because logins may contain hyphens and end in digits; without one, the remainder after the slug is
 * the login.
 *
 * <p>Submission id = the GitHub login; student = the roster's {@code name}, else its {@code identifier}, else the
 * login. Clones are used in place (not copied) unless they hold links or archives.
 */
public final class GitHubClassroomImporter implements LayoutImporter {

    @Override
    public SubmissionFormat format() {
        return SubmissionFormat.GITHUB_CLASSROOM;
    }

    @Override
    public boolean matches(Path root, ImportOptions options) throws IOException {
        List<Path> dirs = Folders.children(root).stream().filter(LmsFiles::isDir).toList();
        return LmsFiles.mostly(dirs, d -> Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS));
    }

    /** What the CSVs told us. */
    record Roster(Map<String, String> nameByLogin, Map<String, String> idByLogin, Map<String, String> loginByRepo,
                  Map<String, String> originalLogin) {
        static Roster empty() {
            return new Roster(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        }
    }

    @Override
    public SubmissionFormat read(ImportSession s) throws IOException, InvalidInputException {
        Roster roster = Roster.empty();
        List<Path> csvs = new ArrayList<>();
        s.options().githubRoster().ifPresent(csvs::add);
        for (Path p : s.rootEntries())
            if (LmsFiles.isFile(p) && LmsFiles.name(p).toLowerCase(Locale.ROOT).endsWith(".csv")) csvs.add(p);
        for (Path csv : csvs) readCsv(csv, roster, s);

        List<Path> dirs = s.rootEntries().stream().filter(LmsFiles::isDir).toList();
        String slug = s.options().githubAssignmentSlug().orElseGet(() -> guessSlug(s.root(), dirs));
        for (Path d : s.rootEntries()) {
            String repo = LmsFiles.name(d);
            if (!LmsFiles.isDir(d)) {
                if (!repo.toLowerCase(Locale.ROOT).endsWith(".csv"))
                    s.warn(s.inputLabel() + ": " + repo + ": ignored: not a repository folder");
                continue;
            }
            String login = resolveLogin(repo, slug, roster);
            String student = Optional.ofNullable(roster.nameByLogin().get(login.toLowerCase(Locale.ROOT))).orElse(login);
            Optional<String> lmsId = Optional.ofNullable(roster.idByLogin().get(login.toLowerCase(Locale.ROOT)));
            s.add(new Submission(login, student, d, new Submission.Identity("github-classroom",
                    lmsId.or(() -> Optional.of(login)), Optional.of(login), Optional.empty(), false, Optional.empty(), 1)));
        }
        return SubmissionFormat.GITHUB_CLASSROOM;
    }

    /**
     * The grades CSV's repository name first; then the longest roster login the repository name ends with
     * ({@code -<login>} or {@code -<login>-<n>}), which needs no slug; then the remainder after the slug.
     */
    static String resolveLogin(String repo, String slug, Roster roster) {
        String lower = repo.toLowerCase(Locale.ROOT);
        String byRepo = roster.loginByRepo().get(lower);
        if (byRepo != null) return byRepo;
        String best = null;
        for (String login : roster.nameByLogin().keySet()) {
            boolean fits = lower.equals(login) || lower.endsWith("-" + login)
                    || Pattern.compile("(^|-)" + Pattern.quote(login) + "-\\d+$").matcher(lower).find();
            if (fits && (best == null || login.length() > best.length())) best = login;
        }
        if (best != null) return roster.originalLogin().getOrDefault(best, best);
        return !slug.isEmpty() && repo.startsWith(slug + "-") && repo.length() > slug.length() + 1
                ? repo.substring(slug.length() + 1) : repo;
    }

    /**
     * {@code <slug>-submissions} folder name, else the longest common {@code -}-terminated prefix of 3+ repos (with
     * two, {@code hw-sean-a}/{@code hw-sean-b} would lose part of the logins).
     */
    static String guessSlug(Path root, List<Path> dirs) {
        String rootName = root.getFileName() == null ? "" : root.getFileName().toString();
        if (rootName.endsWith("-submissions") && rootName.length() > "-submissions".length())
            return rootName.substring(0, rootName.length() - "-submissions".length());
        if (dirs.size() < 3) return "";
        String prefix = LmsFiles.name(dirs.get(0));
        for (Path d : dirs) {
            String n = LmsFiles.name(d);
            int i = 0;
            while (i < prefix.length() && i < n.length() && prefix.charAt(i) == n.charAt(i)) i++;
            prefix = prefix.substring(0, i);
        }
        int dash = prefix.lastIndexOf('-');
        return dash > 0 ? prefix.substring(0, dash) : "";
    }

    private static void readCsv(Path csv, Roster roster, ImportSession s) throws IOException, InvalidInputException {
        if (!Files.isRegularFile(csv)) throw new InvalidInputException(csv, "roster file not found");
        List<List<String>> rows = LmsFiles.readCsv(csv);
        if (rows.isEmpty()) return;
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int login = header.indexOf("github_username");
        if (login < 0) {
            s.warn(csv.getFileName() + ": ignored: no github_username column");
            return;
        }
        int name = header.indexOf("name");
        int ident = header.indexOf("identifier");
        if (ident < 0) ident = header.indexOf("roster_identifier");
        int gid = header.indexOf("github_id");
        int repo = header.indexOf("student_repository_name");
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String l = cell(row, login);
            if (l.isEmpty()) continue; // roster entry not linked to a GitHub account yet
            String key = l.toLowerCase(Locale.ROOT);
            roster.originalLogin().put(key, l);
            String display = cell(row, name).isEmpty() ? cell(row, ident) : cell(row, name);
            if (!display.isEmpty()) roster.nameByLogin().put(key, display);
            else roster.nameByLogin().putIfAbsent(key, l);
            if (!cell(row, gid).isEmpty()) roster.idByLogin().put(key, cell(row, gid));
            if (!cell(row, repo).isEmpty()) roster.loginByRepo().put(cell(row, repo).toLowerCase(Locale.ROOT), l);
        }
    }

    private static String cell(List<String> row, int i) {
        return i >= 0 && i < row.size() ? row.get(i).strip() : "";
    }
}
