package org.gradebench.io.export;

import org.gradebench.core.grading.Verdict;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in sub-packages build the fixture sessions. */
public final class ExportFixtureAccess {
    private ExportFixtureAccess() {
    }

    public static GradeBook standard(Path dir, boolean withAssignment) throws IOException {
        return ExportFixture.standard(dir).book(withAssignment);
    }

    public static final class Builder {
        private final ExportFixture f;

        public Builder(Path dir) throws IOException {
            f = new ExportFixture(dir);
            f.source = "folder";
        }

        public GradeBook folderStudent(String id, String name) {
            f.add(id, name, null, null, null, false, Verdict.AC, Verdict.AC, Verdict.AC, Verdict.AC, "", "");
            return f.book();
        }
    }
}
