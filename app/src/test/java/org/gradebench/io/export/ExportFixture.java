package org.gradebench.io.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.Review;
import org.gradebench.core.history.SessionInfo;
import org.gradebench.core.history.SessionState;
import org.gradebench.core.history.StoredSession;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.submission.Submission;
import org.gradebench.store.h2.H2RunHistory;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real stored session (H2RunHistory on disk) with students whose names hurt, graded against a 3-test assignment
 * (two visible tests of weight 1, one hidden of weight 2, max 10), plus reviews.
 */
final class ExportFixture {
    static final Instant NOW = Instant.parse("2026-11-21T22:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String LONG_NAME = "Maximiliana " + "Wolfeschlegelsteinhausenbergerdorff".repeat(8) + " Jr";
    static final String EXPECTED_T2 = "1\n2\n3\nsecret-visible-expected\n";
    static final String HIDDEN_EXPECTED = "TOP-SECRET-HIDDEN-ANSWER\n";
    static final String HIDDEN_INPUT = "TOP-SECRET-HIDDEN-INPUT\n";

    /** One student: what the importer recorded and how the run went. */
    record Student(String id, String name, Optional<String> lmsId, Optional<String> login, Optional<String> email,
                   boolean late, Verdict compile, Map<String, Verdict> tests, String t2Output, String stderr) {
    }

    final Path dir;
    final Assignment assignment;
    final List<Student> students = new ArrayList<>();
    final Map<String, Review> reviews = new LinkedHashMap<>();
    String source = "moodle";

    ExportFixture(Path dir) throws IOException {
        this.dir = dir;
        Path a = Files.createDirectories(dir.resolve("assignment"));
        Files.writeString(a.resolve("t1.in"), "5\n");
        Files.writeString(a.resolve("t1.out"), "25\n");
        Files.writeString(a.resolve("t2.in"), "3\n");
        Files.writeString(a.resolve("t2.out"), EXPECTED_T2);
        Files.writeString(a.resolve("t3.in"), HIDDEN_INPUT);
        Files.writeString(a.resolve("t3.out"), HIDDEN_EXPECTED);
        assignment = new Assignment("Lab 3: Squares", a, Assignment.Format.NATIVE, Optional.empty(), Set.of(),
                ResourceLimits.DEFAULTS, CheckerSpec.tokens(), new Scoring(Scoring.Mode.SUM, 10), List.of(
                new TestCase("t1", a.resolve("t1.in"), a.resolve("t1.out"), 1, "", false, Optional.empty()),
                new TestCase("t2", a.resolve("t2.in"), a.resolve("t2.out"), 1, "", false, Optional.empty()),
                new TestCase("secret/t3", a.resolve("t3.in"), a.resolve("t3.out"), 2, "", true, Optional.empty())));
    }

    /** The standard cast: every score from 0 to 10, an override, hostile names and output. */
    static ExportFixture standard(Path dir) throws IOException {
        ExportFixture f = new ExportFixture(dir);
        f.add("1834521", "Zoë Ångström", "1834521", "zangstrom", "zoe.angstrom@example.edu", false, Verdict.AC,
                Verdict.AC, Verdict.AC, Verdict.AC, "1\n2\n3\nsecret-visible-expected\n", "");
        f.add("1834533", "Seán O'Connor", "1834533", "s_oconnor", "sean.oconnor@example.edu", true, Verdict.AC,
                Verdict.AC, Verdict.WA, Verdict.AC, "1\n2\n<script>alert('x')</script>\n\u001b[2Jgone\n", "");
        f.add("1834540", "Smith, John \"JJ\"", "1834540", "jsmith", "jj@example.edu", false, Verdict.CE,
                Verdict.CE, Verdict.CE, Verdict.CE, "", "");
        f.add("1834541", "12345", "1834541", "u12345", null, false, Verdict.AC,
                Verdict.AC, Verdict.RE, Verdict.WA, "", "Exception in thread \"main\" <b>boom</b>");
        f.add("1834550", LONG_NAME, "1834550", "mwolfe", "mw@example.edu", false, Verdict.AC,
                Verdict.WA, Verdict.WA, Verdict.AC, "", "");
        f.add("1834560", "=HYPERLINK(\"http://evil\",\"x\")", "1834560", "evil", "-2+3@example.edu", false, Verdict.AC,
                Verdict.AC, Verdict.AC, Verdict.WA, "1\n2\n3\nsecret-visible-expected\n", "");
        f.reviews.put("1834540", new Review("1834540", Optional.of(6.5), "Good effort; \"compiles\" on <b>my</b> machine.",
                Map.of("t1", "Read the <script>spec</script> again")));
        f.reviews.put("1834533", new Review("1834533", Optional.empty(), "Late, but fine.", Map.of("t2", "Off by one")));
        return f;
    }

    void add(String id, String name, String lmsId, String login, String email, boolean late, Verdict compile,
             Verdict t1, Verdict t2, Verdict t3, String t2Output, String stderr) {
        students.add(new Student(id, name, Optional.ofNullable(lmsId), Optional.ofNullable(login), Optional.ofNullable(email),
                late, compile, Map.of("t1", t1, "t2", t2, "secret/t3", t3), t2Output, stderr));
    }

    /** Records everything in a fresh H2 history and reads it back, as the export command does. */
    GradeBook book() {
        return book(true);
    }

    /** @param withAssignment false: as when the assignment folder is gone (no maximum, no hidden flags) */
    GradeBook book(boolean withAssignment) {
        return book(withAssignment, Map.of());
    }

    /** @param attempts attempt number per submission id (default 1) */
    GradeBook book(boolean withAssignment, Map<String, Integer> attempts) {
        try (H2RunHistory h = H2RunHistory.open(dir.resolve("h-" + System.nanoTime()), CLOCK)) {
            long sid = record(h, attempts);
            StoredSession stored = h.load(sid).orElseThrow();
            return GradeBook.of(stored, h.reviews(sid), withAssignment ? Optional.of(assignment) : Optional.empty());
        }
    }

    long record(H2RunHistory h) {
        return record(h, Map.of());
    }

    long record(H2RunHistory h, Map<String, Integer> attempts) {
        long sid = h.startSession(new SessionInfo(NOW, assignment.title(), assignment.root().toString(), "hash", "tokens",
                dir.resolve("subs.zip").toString(), "bwrap", Map.of("java", "21"), 2, false));
        for (Student s : students) {
            Submission sub = new Submission(s.id(), s.name(), dir.resolve("subs").resolve(s.id()),
                    new Submission.Identity(source, s.lmsId(), s.login(), s.email(), s.late(),
                            Optional.of(Instant.parse("2026-11-20T13:05:00Z")), attempts.getOrDefault(s.id(), 1)));
            h.recordSubmission(sid, sub, "files-" + s.id());
            h.recordCompile(sid, s.id(), new CompileResult(s.compile(), "java",
                    s.compile() == Verdict.CE ? "Main.java:3: error: ';' expected <img src=x onerror=alert(1)>" : "",
                    Optional.empty()));
            if (s.compile() != Verdict.AC) continue;
            int i = 0;
            for (String t : List.of("t1", "t2", "secret/t3")) {
                Verdict v = s.tests().get(t);
                String out = t.equals("t2") ? s.t2Output() : t.equals("secret/t3") && v == Verdict.WA ? "wrong hidden\n" : "25\n";
                RunResult run = new RunResult(RunResult.Outcome.EXITED, v == Verdict.RE ? 1 : 0, 0, 12, 15, 20480, false, 0,
                        new CapturedOutput(out.getBytes(StandardCharsets.UTF_8), false),
                        new CapturedOutput(s.stderr().getBytes(StandardCharsets.UTF_8), false), Map.of(), "");
                h.recordTest(sid, s.id(), i++, new TestResult(t, v, run,
                        v == Verdict.AC ? "ok" : t.equals("secret/t3") ? "expected TOP-SECRET-HIDDEN-ANSWER, got wrong" : "line 3 differs"));
            }
        }
        reviews.values().forEach(r -> h.saveReview(sid, r));
        h.finishSession(sid, SessionState.COMPLETED);
        return sid;
    }

    static ExportOptions options() {
        return ExportOptions.defaults().withClock(CLOCK, ZoneId.of("UTC"));
    }

    // ---- reading back, with an independent RFC 4180 parser (commons-csv) ----

    static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    static boolean hasBom(Path p) throws IOException {
        byte[] b = bytes(p);
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    static String text(Path p) throws IOException {
        byte[] b = bytes(p);
        int off = hasBom(p) ? 3 : 0;
        return new String(Arrays.copyOfRange(b, off, b.length), StandardCharsets.UTF_8);
    }

    static List<List<String>> parse(Path p) throws IOException {
        return parse(p, ',');
    }

    static List<List<String>> parse(Path p, char delimiter) throws IOException {
        CSVFormat fmt = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        List<List<String>> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text(p)), fmt)) {
            for (CSVRecord r : parser) out.add(r.toList());
        }
        return out;
    }

    static Map<String, String> row(List<List<String>> table, int column, String key) {
        List<String> header = table.get(0);
        for (List<String> r : table.subList(1, table.size())) {
            if (r.get(column).equals(key)) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) m.put(header.get(i), r.get(i));
                return m;
            }
        }
        throw new AssertionError("no row with " + key + " in column " + column);
    }
}
