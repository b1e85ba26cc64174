package org.gradebench.io.export;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.AssignmentHashes;
import org.gradebench.core.assignment.AssignmentLoader;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.export.ExportRefusedException;
import org.gradebench.core.export.GradeExportService;
import org.gradebench.core.history.Review;
import org.gradebench.core.history.ReviewStore;
import org.gradebench.core.history.RunHistory;
import org.gradebench.core.history.SessionSummary;
import org.gradebench.core.history.StoredSession;
import org.gradebench.io.export.feedback.FeedbackWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link GradeExportService} over the history, the reviews and the assignment loader: what {@code gradebench
 * export} and the window's export dialog run. Checks everything it can before writing (template exists, feedback
 * folder empty, session and assignment readable), so a refused export leaves no file behind.
 */
public final class LmsGradeExportService implements GradeExportService {
    private final RunHistory history;
    private final ReviewStore reviews;
    private final AssignmentLoader assignments;
    private final Clock clock;

    public LmsGradeExportService(RunHistory history, ReviewStore reviews, AssignmentLoader assignments, Clock clock) {
        this.history = history;
        this.reviews = reviews;
        this.assignments = assignments;
        this.clock = clock;
    }

    @Override
    public Result export(Request request) throws ExportRefusedException, InvalidInputException, IOException {
        ExportFormat format = ExportFormat.valueOf(request.format().name());
        ExportOptions options = options(request);
        if (request.template().isPresent() && !Files.isRegularFile(request.template().get())) {
            throw new ExportRefusedException("The LMS grade file " + request.template().get() + " does not exist.");
        }
        if (request.out().toAbsolutePath().normalize().equals(request.template().map(p -> p.toAbsolutePath().normalize()).orElse(null))) {
            throw new ExportRefusedException("The output file is the LMS grade file itself; choose another name so the download is kept.");
        }
        Optional<Path> feedback = request.feedback();
        if (feedback.isPresent() && !feedback.get().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
                && Files.isDirectory(feedback.get())) {
            try (var list = Files.list(feedback.get())) {
                if (list.findAny().isPresent()) {
                    throw new ExportRefusedException("The feedback folder " + feedback.get()
                            + " is not empty; choose a new folder (or a .zip) so old feedback is not mixed in.");
                }
            }
        }
        StoredSession stored = history.load(request.sessionId()).orElseThrow(() ->
                new ExportRefusedException("There is no grading session " + request.sessionId() + " in the history."));
        SessionSummary s = stored.summary();
        List<String> warnings = new ArrayList<>();
        Path assignmentPath = request.assignmentFolder().map(p -> p.toAbsolutePath().normalize())
                .orElse(Path.of(s.info().assignmentPath()));
        Assignment a;
        try {
            a = assignments.load(assignmentPath);
        } catch (InvalidInputException | RuntimeException e) {
            throw new ExportRefusedException("Cannot load the assignment " + assignmentPath + ": " + e.getMessage()
                    + ". Scores are computed from the assignment's tests and weights; give its folder.", e);
        }
        try {
            if (!AssignmentHashes.testsHash(a).equals(s.info().testsHash())) {
                warnings.add("the assignment's tests changed since session " + s.id()
                        + " was graded; scores use the tests as they are now");
            }
        } catch (RuntimeException e) {
            warnings.add("cannot check whether the tests changed: " + e.getMessage());
        }
        Map<String, Review> byId = reviews.reviews(s.id());
        GradeBook book = GradeBook.of(stored, byId, Optional.of(a));
        if (book.rows().isEmpty()) warnings.add("session " + s.id() + " has no submissions");
        ExportReport report = GradeExporter.of(format).write(book, options, request.out());
        warnings.addAll(report.warnings());
        if (report.written() == 0 && !book.rows().isEmpty()) {
            warnings.add("no grade was written: check the skipped rows before uploading this file");
        }
        Optional<Feedback> fb = Optional.empty();
        if (feedback.isPresent()) {
            FeedbackWriter.Result r = new FeedbackWriter(clock).write(book, format, report.lmsMax(), report.decimal(), feedback.get());
            fb = Optional.of(new Feedback(r.target(), r.written(), skipped(r.skipped()), r.warnings()));
        }
        return new Result(request.format(), report.file(), report.written(), report.lmsMax(), report.overridden(),
                skipped(report.skipped()), warnings, fb);
    }

    private static List<Skipped> skipped(List<ExportReport.Skipped> in) {
        return in.stream().map(k -> new Skipped(k.submissionId(), k.student(), k.reason())).toList();
    }

    /** The request's choices as exporter options; a bad value (unknown zone, match key) is refused with its reason. */
    ExportOptions options(Request r) throws ExportRefusedException {
        try {
            ExportOptions o = ExportOptions.defaults().withClock(clock, r.zone().orElse(java.time.ZoneId.systemDefault()));
            if (r.column().isPresent()) o = o.withColumn(r.column().get());
            if (r.template().isPresent()) o = o.withTemplate(r.template().get());
            if (r.maxPoints().isPresent()) o = o.withMaxPoints(r.maxPoints().getAsDouble());
            if (r.decimalSeparator().isPresent()) o = o.withDecimalSeparator(r.decimalSeparator().get());
            if (r.bom().isPresent()) o = o.withBom(r.bom().get());
            if (!r.match().isEmpty()) o = o.withMatch(r.match().stream().map(MatchKey::parse).toList());
            return o.withComments(r.comments()).withOrgDefinedIdFromLmsId(r.orgDefinedIdFromLmsId());
        } catch (IllegalArgumentException e) {
            throw new ExportRefusedException(e.getMessage(), e);
        }
    }
}
