package org.gradebench.ui.common;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.export.GradeExportService;
import org.gradebench.core.grading.GradingEngine;
import org.gradebench.core.grading.GradingListener;
import org.gradebench.core.history.ReviewStore;
import org.gradebench.core.history.RunHistory;
import org.gradebench.core.submission.Submission;
import org.gradebench.core.submission.SubmissionSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the window needs from the rest of the application, in the window's terms. The composition root implements
 * it over {@code AppServices}; ViewModels depend on this interface only, so the UI never touches the store or the
 * sandbox packages. Every method may block (disk, database, process probes): call it off the FX thread.
 */
public interface Workbench {

    /** @throws InvalidInputException naming the file and line when the folder is not a valid assignment */
    Assignment loadAssignment(Path folder) throws InvalidInputException, UserError;

    /** Reads (and extracts, for archives) submissions into a fresh workspace. */
    SubmissionSource.ImportResult importSubmissions(Path input) throws IOException, InvalidInputException, UserError;

    /** Starts grading in the background; probing the backend may take a moment. */
    GradingEngine.GradingHandle startGrading(GradingJob job, GradingListener listener) throws UserError;

    RunHistory history() throws UserError;

    ReviewStore reviews() throws UserError;

    /**
     * Grade and feedback export (the File menu's "Export grades" dialog), the same service as {@code gradebench
     * export}.
     */
    GradeExportService gradeExport() throws UserError;

    /** Probes every component (sandboxes, toolchains, database, log); may take a few seconds. */
    List<Component> components();

    /** The bundled sample assignments folder, when this is a source checkout or an installed copy that has one. */
    Optional<Path> samplesFolder();

    /** Where the log file is written. */
    Path logFile();

    /** Backend choices for the selector, "auto" first. */
    default List<String> backends() {
        return List.of("auto", "bwrap", "docker");
    }

    /**
     * One grading run requested from the window.
     *
     * @param backend   "auto", "bwrap" or "docker"
     * @param jobs      parallel runs
     * @param onlyTests run only these tests (empty = all)
     */
    record GradingJob(Assignment assignment, List<Submission> submissions, String submissionsSource, String backend,
                      int jobs, Set<String> onlyTests) {
        public GradingJob {
            Objects.requireNonNull(assignment, "assignment");
            submissions = List.copyOf(submissions);
            Objects.requireNonNull(submissionsSource, "submissionsSource");
            Objects.requireNonNull(backend, "backend");
            onlyTests = Set.copyOf(onlyTests);
        }
    }

    /**
     * One line of the components dashboard.
     *
     * @param fix what to do when the state is not OK ("" when nothing is needed)
     */
    record Component(String group, String name, State state, String detail, String fix) {
        public enum State { OK, WARNING, MISSING, INFO }

        public Component {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(fix, "fix");
        }
    }
}
