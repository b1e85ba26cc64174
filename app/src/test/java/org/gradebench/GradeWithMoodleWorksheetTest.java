package org.gradebench;

import org.gradebench.cli.GradebenchCommand;
import org.gradebench.io.importing.TestArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `gradebench grade --lms-worksheet` end to end (bwrap, the Python sample): Moodle's zip does not say who was late,
 * the worksheet does, and the JSON report carries it.
 */
class GradeWithMoodleWorksheetTest {
    @TempDir
    Path tmp;

    static Path root() {
        return Path.of(System.getProperty("gradebench.projectRoot", "..")).toAbsolutePath().normalize();
    }

    @Test
    void lateFlagsAndEmailsFromTheWorksheetReachTheReport() throws Exception {
        Path sample = root().resolve("sample-assignments/python-word-frequency");
        Path profiles = root().resolve("sandbox-profiles");
        try (AppServices services = new AppServices(new AppServices.Options(Optional.of(tmp.resolve("probe")), Optional.of(profiles), 1))) {
            SandboxAssumptions.bwrapOrSkip(services);
        }
        Path zip = TestArchives.zip()
                .file("Zoë Lefèvre_1834521_assignsubmission_file/main.py",
                        Files.readAllBytes(sample.resolve("submissions/Zoë_Lefèvre/main.py")))
                .file("Seán OConnor_1834533_assignsubmission_file/main.py",
                        Files.readAllBytes(sample.resolve("submissions/alice-nguyen/main.py")))
                .write(tmp.resolve("CS101-Lab 4-4821.zip"));
        Path sheet = Files.writeString(tmp.resolve("worksheet.csv"), "\uFEFFIdentifier,\"Full name\",\"Email address\",Status,Grade\n"
                + "\"Participant 1834521\",\"Zoë Lefèvre\",zoe@example.edu,\"Submitted for grading\",\n"
                + "\"Participant 1834533\",\"Seán O'Connor, Jr\",sean@example.edu,\"Submitted for grading - 1 day 2 hours late\",\n",
                StandardCharsets.UTF_8);
        Path report = tmp.resolve("report.json");
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            exit = new CommandLine(new GradebenchCommand()).execute("grade", "--db", tmp.resolve("history").toString(),
                    "--profiles", profiles.toString(), "--backend", "bwrap", "-q", "--assignment", sample.toString(),
                    "--submissions", zip.toString(), "--lms-worksheet", sheet.toString(), "--tests", "01-sample",
                    "--report", report.toString());
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String json = Files.readString(report).replaceAll("\\s+", "");
        assertThat(json).contains("\"id\":\"1834533\",\"student\":\"SeánO'Connor,Jr\"");
        int sean = json.indexOf("\"id\":\"1834533\"");
        int zoe = json.indexOf("\"id\":\"1834521\"");
        assertThat(json.substring(sean, sean + 400)).contains("\"late\":true").contains("sean@example.edu");
        assertThat(json.substring(zoe, zoe + 400)).contains("\"late\":false");

        Path missing = tmp.resolve("nope.csv");
        int bad = new CommandLine(new GradebenchCommand()).execute("grade", "--db", tmp.resolve("history").toString(),
                "--profiles", profiles.toString(), "--backend", "bwrap", "-q", "--assignment", sample.toString(),
                "--submissions", zip.toString(), "--lms-worksheet", missing.toString());
        assertThat(bad).isEqualTo(2);
    }
}
