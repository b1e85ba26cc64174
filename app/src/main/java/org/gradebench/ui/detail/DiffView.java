package org.gradebench.ui.detail;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.gradebench.ui.common.Styles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Expected and actual output side by side. Rows are aligned by {@link OutputDiff}, so the two panes always show the
 * same row range and scroll as one; changed rows are tinted and the differing characters marked.
 */
public final class DiffView extends BorderPane {
    private static final int MAX_ROW_STYLES = 5_000;

    private final DetailViewModel vm;
    private final StyleClassedTextArea left = area();
    private final StyleClassedTextArea right = area();
    private final Label leftTitle = new Label("Expected output");
    private final Label rightTitle = new Label("Actual output");
    private final Label summary = new Label();
    private final Label notes = new Label();
    private final Button first = new Button("First difference");
    private final Button next = new Button("Next difference");
    private List<Integer> hunks = List.of();
    private int hunk = -1;
    private boolean syncing;

    public DiffView(DetailViewModel vm) {
        this.vm = vm;
        getStyleClass().add(Styles.DIFF_AREA);
        CheckBox showWs = new CheckBox("Show whitespace");
        showWs.selectedProperty().bindBidirectional(vm.showWhitespaceProperty());
        CheckBox ignoreWs = new CheckBox("Ignore whitespace");
        ignoreWs.selectedProperty().bindBidirectional(vm.ignoreWhitespaceProperty());
        first.setOnAction(e -> jump(0));
        next.setOnAction(e -> jump(hunks.isEmpty() ? 0 : (hunk + 1) % hunks.size()));
        first.setId("diff-first");
        next.setId("diff-next");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        summary.getStyleClass().add("gb-diff-summary");
        HBox bar = new HBox(8, summary, spacer, showWs, ignoreWs, first, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        notes.getStyleClass().add(Styles.DIFF_NOTE);
        notes.setWrapText(true);
        notes.managedProperty().bind(notes.visibleProperty());
        notes.setVisible(false);

        VirtualizedScrollPane<StyleClassedTextArea> lp = new VirtualizedScrollPane<>(left);
        VirtualizedScrollPane<StyleClassedTextArea> rp = new VirtualizedScrollPane<>(right);
        leftTitle.getStyleClass().add("gb-pane-title");
        rightTitle.getStyleClass().add("gb-pane-title");
        VBox lbox = new VBox(leftTitle, lp);
        VBox rbox = new VBox(rightTitle, rp);
        VBox.setVgrow(lp, Priority.ALWAYS);
        VBox.setVgrow(rp, Priority.ALWAYS);
        HBox sides = new HBox(lbox, rbox);
        HBox.setHgrow(lbox, Priority.ALWAYS);
        HBox.setHgrow(rbox, Priority.ALWAYS);
        lbox.setPrefWidth(100);
        rbox.setPrefWidth(100);
        sides.getStyleClass().add("gb-diff-sides");
        setTop(new VBox(bar, notes));
        setCenter(sides);

        // synchronized scrolling, both ways, without feedback loops
        left.estimatedScrollYProperty().addListener((o, a, b) -> sync(left, right));
        right.estimatedScrollYProperty().addListener((o, a, b) -> sync(right, left));
        left.estimatedScrollXProperty().addListener((o, a, b) -> syncX(left, right));
        right.estimatedScrollXProperty().addListener((o, a, b) -> syncX(right, left));

        vm.diffProperty().addListener((o, a, b) -> render(b));
        vm.computingProperty().addListener((o, a, b) -> {
            if (b && vm.diffProperty().get() == null) summary.setText("Comparing...");
        });
        render(vm.diffProperty().get());
    }

    private void sync(StyleClassedTextArea from, StyleClassedTextArea to) {
        if (syncing) return;
        syncing = true;
        try {
            to.estimatedScrollYProperty().setValue(from.estimatedScrollYProperty().getValue());
        } finally {
            syncing = false;
        }
    }

    private void syncX(StyleClassedTextArea from, StyleClassedTextArea to) {
        if (syncing) return;
        syncing = true;
        try {
            to.estimatedScrollXProperty().setValue(from.estimatedScrollXProperty().getValue());
        } finally {
            syncing = false;
        }
    }

    private static StyleClassedTextArea area() {
        StyleClassedTextArea a = new StyleClassedTextArea();
        a.setEditable(false);
        a.setWrapText(false);
        a.getStyleClass().add("gb-code");
        return a;
    }

    /** Shown when there is no output to compare (not run, compile error). */
    private void render(OutputDiff.Result r) {
        hunk = -1;
        if (r == null) {
            hunks = List.of();
            fill(left, List.of());
            fill(right, List.of());
            boolean pending = vm.contextProperty().get() != null && vm.computingProperty().get();
            summary.setText(vm.contextProperty().get() == null ? "Select a cell to see its output."
                    : pending ? "Comparing..." : "No output to compare: the test did not run.");
            notes.setVisible(false);
            first.setDisable(true);
            next.setDisable(true);
            return;
        }
        hunks = r.hunks();
        fill(left, r.expected());
        fill(right, r.actual());
        summary.setText(r.identical() ? "Outputs match" + (vm.ignoreWhitespaceProperty().get() ? " (ignoring whitespace)." : ".")
                : r.differingLines() + (r.differingLines() == 1 ? " line differs" : " lines differ") + " in "
                + hunks.size() + (hunks.size() == 1 ? " place" : " places") + " \u2013 first at expected line "
                + firstLine(r) + ".");
        summary.getStyleClass().removeAll("gb-diff-same", "gb-diff-different");
        summary.getStyleClass().add(r.identical() ? "gb-diff-same" : "gb-diff-different");
        notes.setText(String.join("  ", r.notes()));
        notes.setVisible(!r.notes().isEmpty());
        first.setDisable(hunks.isEmpty());
        next.setDisable(hunks.isEmpty());
        if (!hunks.isEmpty()) jump(0);
        else {
            left.showParagraphAtTop(0);
        }
    }

    private static int firstLine(OutputDiff.Result r) {
        int row = r.hunks().get(0);
        for (int i = row; i < r.expected().size(); i++) {
            if (r.expected().get(i).number() > 0) return r.expected().get(i).number();
        }
        return r.expected().isEmpty() ? 1 : r.expected().get(r.expected().size() - 1).number() + 1;
    }

    private void jump(int index) {
        if (hunks.isEmpty()) return;
        hunk = index;
        int row = hunks.get(index);
        int top = Math.max(0, row - 3);
        left.showParagraphAtTop(top);
        right.showParagraphAtTop(top);
        left.moveTo(Math.min(row, left.getParagraphs().size() - 1), 0);
        next.setText("Next difference (" + (index + 1) + "/" + hunks.size() + ")");
    }

    private static void fill(StyleClassedTextArea area, List<OutputDiff.Row> rows) {
        StringBuilder text = new StringBuilder();
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        boolean any = false;
        for (int i = 0; i < rows.size(); i++) {
            OutputDiff.Row row = rows.get(i);
            text.append(row.text());
            addRowSpans(spans, row);
            any = true;
            if (i < rows.size() - 1) {
                text.append('\n');
                spans.add(List.of(), 1);
            }
        }
        area.replaceText(text.toString());
        if (any && text.length() > 0) {
            StyleSpans<Collection<String>> built = spans.create();
            area.setStyleSpans(0, built);
        }
        int styled = 0;
        for (int i = 0; i < rows.size() && styled < MAX_ROW_STYLES; i++) {
            OutputDiff.Kind k = rows.get(i).kind();
            if (k == OutputDiff.Kind.SAME) continue;
            area.setParagraphStyle(i, List.of("row-" + k.name().toLowerCase(java.util.Locale.ROOT)));
            styled++;
        }
        area.setParagraphGraphicFactory(par -> lineNumber(rows, par));
    }

    private static Node lineNumber(List<OutputDiff.Row> rows, int par) {
        Label l = new Label(par < rows.size() && rows.get(par).number() > 0 ? String.valueOf(rows.get(par).number()) : "");
        l.getStyleClass().add("gb-lineno");
        l.setMinWidth(44);
        l.setAlignment(Pos.CENTER_RIGHT);
        return l;
    }

    private static void addRowSpans(StyleSpansBuilder<Collection<String>> out, OutputDiff.Row row) {
        int len = row.text().length();
        if (len == 0) {
            out.add(List.of(), 0);
            return;
        }
        if (row.spans().isEmpty()) {
            out.add(List.of(), len);
            return;
        }
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(len);
        for (OutputDiff.Span s : row.spans()) {
            cuts.add(Math.max(0, Math.min(len, s.start())));
            cuts.add(Math.max(0, Math.min(len, s.end())));
        }
        Integer prev = null;
        for (int c : cuts) {
            if (prev != null && c > prev) {
                List<String> classes = new ArrayList<>(2);
                for (OutputDiff.Span s : row.spans()) {
                    if (s.start() <= prev && s.end() >= c && !classes.contains(s.styleClass())) classes.add(s.styleClass());
                }
                out.add(classes, c - prev);
            }
            prev = c;
        }
    }

    public StyleClassedTextArea expectedArea() {
        return left;
    }

    public StyleClassedTextArea actualArea() {
        return right;
    }

    public Label summaryLabel() {
        return summary;
    }
}
