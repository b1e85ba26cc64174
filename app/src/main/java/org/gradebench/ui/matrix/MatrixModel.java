package org.gradebench.ui.matrix;

import org.gradebench.core.grading.CompileResult;
import org.gradebench.core.grading.SubmissionResult;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.submission.Submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The students x tests grid behind the matrix view and the students table: plain arrays, so a 1,000 x 50 session
 * costs a few hundred kilobytes beyond the results themselves and a repaint reads one byte per visible cell.
 *
 * <p>Not thread-safe: the ViewModel mutates it on the UI thread only. Rows are addressed by their model index
 * (import order); {@link #visibleRows()} maps the filtered view to model indices.</p>
 */
public final class MatrixModel {
    private static final Verdict[] VERDICTS = Verdict.values();

    /** A cell in model coordinates. */
    public record Cell(int row, int test) {
    }

    /** One student: the submission and its latest results. */
    public static final class Row {
        private final Submission submission;
        private final byte[] verdicts;
        private final TestResult[] results;
        private CompileResult compile;
        private Verdict overall = Verdict.PENDING;
        private double score;
        private double maxScore;
        private Instant lastGraded;
        private String language = "";

        Row(Submission submission, int tests) {
            this.submission = submission;
            this.verdicts = new byte[tests];
            this.results = new TestResult[tests];
            Arrays.fill(verdicts, (byte) Verdict.PENDING.ordinal());
        }

        public Submission submission() {
            return submission;
        }

        public Optional<CompileResult> compile() {
            return Optional.ofNullable(compile);
        }

        public Verdict overall() {
            return overall;
        }

        public double score() {
            return score;
        }

        public double maxScore() {
            return maxScore;
        }

        public Optional<Instant> lastGraded() {
            return Optional.ofNullable(lastGraded);
        }

        public String language() {
            return language;
        }

        public Verdict verdict(int test) {
            return VERDICTS[verdicts[test]];
        }

        public Optional<TestResult> result(int test) {
            return Optional.ofNullable(results[test]);
        }
    }

    private List<String> testNames = List.of();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Integer> rowById = new HashMap<>();
    private int[] passCount = new int[0];
    private int[] visible = new int[0];
    private String filter = "";
    private long revision;
    private final List<Runnable> listeners = new ArrayList<>();

    public void addListener(Runnable onChange) {
        listeners.add(onChange);
    }

    /** Replaces everything: every cell pending. */
    public void reset(List<String> tests, List<Submission> submissions) {
        testNames = List.copyOf(tests);
        rows.clear();
        rowById.clear();
        for (Submission s : submissions) {
            rowById.put(s.id(), rows.size());
            rows.add(new Row(s, testNames.size()));
        }
        passCount = new int[testNames.size()];
        refilter();
        changed();
    }

    public int rowCount() {
        return rows.size();
    }

    public int testCount() {
        return testNames.size();
    }

    public List<String> testNames() {
        return testNames;
    }

    public String testName(int test) {
        return testNames.get(test);
    }

    public Row row(int row) {
        return rows.get(row);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Optional<Integer> rowOf(String submissionId) {
        return Optional.ofNullable(rowById.get(submissionId));
    }

    public Verdict verdict(int row, int test) {
        return rows.get(row).verdict(test);
    }

    /** Number of AC cells in a test's column. */
    public int passCount(int test) {
        return passCount[test];
    }

    /** Number of rows whose cell in this column has a verdict (not pending). */
    public int gradedCount(int test) {
        int n = 0;
        for (Row r : rows) if (r.verdicts[test] != Verdict.PENDING.ordinal()) n++;
        return n;
    }

    /** Increases on every change; views repaint when it moves. */
    public long revision() {
        return revision;
    }

    // ---- updates ----

    public void applyTest(String submissionId, int test, TestResult result) {
        Integer r = rowById.get(submissionId);
        if (r == null || test < 0 || test >= testNames.size()) return;
        setCell(rows.get(r), test, result);
        changed();
    }

    /** A failed build fills the whole row at once, before the submission's other events arrive. */
    public void applyCompile(String submissionId, CompileResult compile) {
        Integer r = rowById.get(submissionId);
        if (r == null) return;
        Row row = rows.get(r);
        row.compile = compile;
        row.language = compile.language();
        if (compile.verdict() == Verdict.CE || compile.verdict() == Verdict.SE) {
            for (int t = 0; t < testNames.size(); t++) setVerdict(row, t, compile.verdict());
            row.overall = compile.verdict();
        }
        changed();
    }

    /**
     * Merges a finished submission: its tests (all of them, or the subset a regrade ran) replace the matching cells;
     * the overall verdict and score are recomputed by the caller from the merged row when only a subset ran.
     */
    public void applySubmission(SubmissionResult result, Instant when) {
        Integer r = rowById.get(result.submission().id());
        if (r == null) return;
        Row row = rows.get(r);
        row.compile = result.compile();
        if (!result.compile().language().isEmpty()) row.language = result.compile().language();
        for (TestResult t : result.tests()) {
            int col = testNames.indexOf(t.testName());
            if (col >= 0) setCell(row, col, t);
        }
        row.overall = result.verdict();
        row.score = result.score();
        row.maxScore = result.maxScore();
        row.lastGraded = when;
        changed();
    }

    /** Overrides overall verdict and score after a partial regrade (computed over the merged row). */
    public void setSummary(int row, Verdict overall, double score, double maxScore) {
        Row r = rows.get(row);
        r.overall = overall;
        r.score = score;
        r.maxScore = maxScore;
        changed();
    }

    /** Marks cells about to be regraded as pending, so the grid shows what is being redone. */
    public void markPending(List<Integer> rowIndices, List<Integer> tests) {
        for (int r : rowIndices) {
            Row row = rows.get(r);
            for (int t : tests) {
                setVerdict(row, t, Verdict.PENDING);
                row.results[t] = null;
            }
            row.overall = Verdict.PENDING;
        }
        changed();
    }

    private void setCell(Row row, int test, TestResult result) {
        setVerdict(row, test, result.verdict());
        row.results[test] = result;
    }

    private void setVerdict(Row row, int test, Verdict v) {
        boolean wasAc = row.verdicts[test] == Verdict.AC.ordinal();
        row.verdicts[test] = (byte) v.ordinal();
        if (wasAc && v != Verdict.AC) passCount[test]--;
        if (!wasAc && v == Verdict.AC) passCount[test]++;
    }

    private void changed() {
        revision++;
        for (Runnable l : listeners) l.run();
    }

    // ---- filtering ----

    /** Keeps rows whose student name or id contains the text (case-insensitive); "" shows every row. */
    public void setFilter(String text) {
        filter = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        refilter();
        changed();
    }

    public String filter() {
        return filter;
    }

    private void refilter() {
        int[] out = new int[rows.size()];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (matches(rows.get(i))) out[n++] = i;
        }
        visible = Arrays.copyOf(out, n);
    }

    private boolean matches(Row r) {
        if (filter.isEmpty()) return true;
        Submission s = r.submission;
        return s.student().toLowerCase(Locale.ROOT).contains(filter) || s.id().toLowerCase(Locale.ROOT).contains(filter)
                || s.identity().lmsId().map(x -> x.toLowerCase(Locale.ROOT).contains(filter)).orElse(false);
    }

    /** Model indices of the rows shown, in display order. */
    public int[] visibleRows() {
        return visible;
    }

    public int visibleCount() {
        return visible.length;
    }

    /** Display position of a model row, or -1 when filtered out. */
    public int displayIndexOf(int row) {
        for (int i = 0; i < visible.length; i++) if (visible[i] == row) return i;
        return -1;
    }

    // ---- navigation ----

    public static boolean failing(Verdict v) {
        return v != Verdict.AC && v != Verdict.PENDING;
    }

    /**
     * The next (or previous) failing cell after {@code from}, in reading order over the visible rows, wrapping around.
     * Empty when no visible cell fails.
     */
    public Optional<Cell> nextFailing(Optional<Cell> from, boolean forward) {
        int cols = testNames.size();
        int n = visible.length * cols;
        if (n == 0) return Optional.empty();
        int start;
        if (from.isPresent() && displayIndexOf(from.get().row()) >= 0) {
            start = displayIndexOf(from.get().row()) * cols + from.get().test();
        } else {
            start = forward ? -1 : n;
        }
        for (int step = 1; step <= n; step++) {
            int pos = Math.floorMod(start + (forward ? step : -step), n);
            int row = visible[pos / cols];
            int test = pos % cols;
            if (failing(verdict(row, test))) return Optional.of(new Cell(row, test));
        }
        return Optional.empty();
    }

    /** The first cell of the next visible student (wrapping), keeping the column; prefers a failing cell in that row. */
    public Optional<Cell> nextStudent(Optional<Cell> from) {
        if (visible.length == 0 || testNames.isEmpty()) return Optional.empty();
        int display = from.map(c -> displayIndexOf(c.row())).orElse(-1);
        int nextDisplay = (display + 1) % visible.length;
        int row = visible[nextDisplay];
        int col = from.map(Cell::test).orElse(0);
        for (int t = 0; t < testNames.size(); t++) {
            if (failing(verdict(row, t))) return Optional.of(new Cell(row, t));
        }
        return Optional.of(new Cell(row, Math.min(col, testNames.size() - 1)));
    }

    /** Verdict counts over every graded submission (overall verdicts). */
    public Map<Verdict, Integer> overallCounts() {
        Map<Verdict, Integer> m = new java.util.EnumMap<>(Verdict.class);
        for (Row r : rows) m.merge(r.overall, 1, Integer::sum);
        return m;
    }
}
