package org.gradebench.io.importing.lms;

import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource.ImportResult;
import org.gradebench.io.importing.AutoDetectingSubmissionSource;
import org.gradebench.io.importing.TestArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gradebench.io.importing.lms.MoodleImporterTest.byId;

class GradescopeImporterTest {

    @TempDir
    Path temp;

    static final String METADATA = """
            submission_409194023:
              :submitters:
              - :name: Zoë Ångström
                :sid: '20240017'
                :email: zoe.angstrom@example.edu
              :created_at: 2024-04-26 17:34:00.861687000 Z
              :score: 2.0
              :results:
                score: 2.0
                output: "line one
            line two with a closing quote in column 0
            "
                tests:
                - name: test_parse
                  status: passed
              :history: []
            ...
            submission_500000001:
              :submitters:
              - :name: Alice A
                :sid: 111
              - :name: O'Brien, Bob
                :sid: '222'
              :created_at: 2024-04-27 09:00:00 +0200
            submission_500000002:
              :submitters: []
              :created_at: 2024-04-27 10:00:00.000000000 Z
            """;

    @Test
    void exportWithQuirkyMetadataGroupsAndEmptySubmitters() throws Exception {
        Path zip = TestArchives.zip()
                .file("assignment_3715820_export/submission_metadata.yml", METADATA)
                .file("assignment_3715820_export/submission_409194023/main.py", "print(1)")
                .file("assignment_3715820_export/submission_409194023/tests/test_main.py", "t")
                .file("assignment_3715820_export/submission_500000001/team.py", "g")
                .file("assignment_3715820_export/submission_500000002/x.py", "x")
                .file("assignment_3715820_export/submission_600000000/y.py", "not in metadata")
                .write(temp.resolve("assignment_3715820_export.zip"));

        ImportResult r = new AutoDetectingSubmissionSource().load(zip, temp.resolve("ws"));

        assertThat(r.format()).isEqualTo("gradescope");
        Map<String, Submission> s = byId(r);
        assertThat(s).containsOnlyKeys("20240017", "111", "submission_500000002", "submission_600000000");
        Submission zoe = s.get("20240017");
        assertThat(zoe.student()).isEqualTo("Zoë Ångström");
        assertThat(zoe.identity().email()).contains("zoe.angstrom@example.edu");
        assertThat(zoe.identity().lmsId()).contains("409194023");
        assertThat(zoe.identity().submittedAt()).contains(Instant.parse("2024-04-26T17:34:00.861687Z"));
        assertThat(TestArchives.tree(zoe.folder())).containsExactly("main.py", "tests", "tests/test_main.py");
        assertThat(s.get("111").student()).isEqualTo("Alice A, O'Brien, Bob");
        assertThat(s.get("111").identity().submittedAt()).contains(Instant.parse("2024-04-27T07:00:00Z"));
        assertThat(r.warnings()).singleElement().asString().contains("submission_600000000", "not in");
    }
}
