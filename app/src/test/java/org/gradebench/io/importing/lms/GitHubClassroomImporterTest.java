package org.gradebench.io.importing.lms;

import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource.ImportResult;
import org.gradebench.io.importing.AutoDetectingSubmissionSource;
import org.gradebench.io.importing.ImportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gradebench.io.importing.lms.MoodleImporterTest.byId;

class GitHubClassroomImporterTest {

    @TempDir
    Path temp;

    private Path repo(Path root, String name, String file) throws Exception {
        Path r = Files.createDirectories(root.resolve(name));
        Files.createDirectories(r.resolve(".git/refs"));
        Files.writeString(r.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(r.resolve("src"));
        Files.writeString(r.resolve("src/" + file), "// " + name);
        return r;
    }

    @Test
    void clonesResolvedAgainstTheRoster() throws Exception {
        Path root = Files.createDirectories(temp.resolve("hw-01-submissions"));
        repo(root, "hw-01-zangstrom", "Main.java");
        repo(root, "hw-01-sean-oconnor", "Main.java");
        repo(root, "hw-01-bob-2", "Main.java");
        repo(root, "hw-01-team-rocket", "Main.java");
        Path roster = Files.writeString(temp.resolve("classroom_roster.csv"), "\uFEFF\"identifier\",\"github_username\","
                + "\"github_id\",\"name\"\r\n\"Ångström, Zoë (CS101-01)\",\"zangstrom\",\"40261856\",\"\"\r\n"
                + "\"20240033\",\"sean-oconnor\",\"\",\"Seán O'Connor\"\r\n\"bob\",\"bob-2\",\"7\",\"Bob, the 2nd\"\r\n"
                + "\"unlinked student\",\"\",\"\",\"\"\r\n");

        ImportResult r = new AutoDetectingSubmissionSource(ImportOptions.defaults().withGithubRoster(roster))
                .load(root, temp.resolve("ws"));

        assertThat(r.format()).isEqualTo("github-classroom");
        Map<String, Submission> s = byId(r);
        assertThat(s).containsOnlyKeys("zangstrom", "sean-oconnor", "bob-2", "team-rocket");
        assertThat(s.get("zangstrom").student()).isEqualTo("Ångström, Zoë (CS101-01)");
        assertThat(s.get("zangstrom").identity().lmsId()).contains("40261856");
        assertThat(s.get("zangstrom").identity().login()).contains("zangstrom");
        assertThat(s.get("sean-oconnor").student()).isEqualTo("Seán O'Connor");
        assertThat(s.get("bob-2").student()).isEqualTo("Bob, the 2nd");
        assertThat(s.get("team-rocket").student()).isEqualTo("team-rocket");
        assertThat(s.get("zangstrom").folder()).isEqualTo(root.resolve("hw-01-zangstrom").toRealPath()); // in place
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void collisionSuffixAndGradesCsvInTheRoot() throws Exception {
        Path root = Files.createDirectories(temp.resolve("clones"));
        repo(root, "hw-01-sean-oconnor", "a.py");
        repo(root, "hw-01-sean-oconnor-1", "b.py");
        repo(root, "hw-01-amy", "c.py");
        Files.writeString(root.resolve("grades.csv"), "assignment_name,assignment_url,starter_code_url,github_username,"
                + "roster_identifier,student_repository_name,student_repository_url,submission_timestamp,points_awarded,"
                + "points_available\nhw-01,u,u,amy,\"Lee, Amy\",hw-01-amy,u,,1,2\n"
                + "hw-01,u,u,sean-oconnor,Seán,hw-01-sean-oconnor,u,,1,2\n");
        ImportResult r = new AutoDetectingSubmissionSource().load(root, temp.resolve("ws"));
        Map<String, Submission> s = byId(r);
        assertThat(s).containsOnlyKeys("amy", "sean-oconnor", "sean-oconnor#2");
        assertThat(s.get("amy").student()).isEqualTo("Lee, Amy");
        assertThat(r.warnings()).singleElement().asString().contains("same id");
    }

    @Test
    void rosterLoginsNeedNoSlug() throws Exception {
        Path root = Files.createDirectories(temp.resolve("clones"));
        repo(root, "hw-sean-a", "a.py");
        repo(root, "hw-sean-b", "b.py");
        Path roster = Files.writeString(temp.resolve("r.csv"),
                "identifier;github_username;github_id;name\nA;sean-a;1;Sean A\nB;sean-b;2;\n");
        ImportResult r = new AutoDetectingSubmissionSource(ImportOptions.defaults().withGithubRoster(roster))
                .load(root, temp.resolve("ws"));
        assertThat(byId(r)).containsOnlyKeys("sean-a", "sean-b");
        assertThat(byId(r).get("sean-b").student()).isEqualTo("B");
        ImportResult noRoster = new AutoDetectingSubmissionSource().load(root, temp.resolve("ws2"));
        assertThat(byId(noRoster)).containsOnlyKeys("hw-sean-a", "hw-sean-b"); // two repos: no guessed slug
        ImportResult slug = new AutoDetectingSubmissionSource(ImportOptions.defaults().withGithubAssignmentSlug("hw"))
                .load(root, temp.resolve("ws3"));
        assertThat(byId(slug)).containsOnlyKeys("sean-a", "sean-b");
    }
}
