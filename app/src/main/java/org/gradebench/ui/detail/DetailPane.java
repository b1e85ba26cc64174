package org.gradebench.ui.detail;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.gradebench.core.grading.Verdict;
import org.gradebench.ui.common.Styles;

import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lower pane: who, which test, what verdict, how long, how much memory, how it ended; then the evidence. */
public final class DetailPane extends BorderPane {
    private static final Pattern SYNTAX = Pattern.compile(
            "(?<COMMENT>//[^\n]*|#(?!include|define|if|endif|pragma)[^\n]*|/\\*(.|\\R)*?\\*/)"
                    + "|(?<STRING>\"([^\"\\\\\n]|\\\\.)*\"|'([^'\\\\\n]|\\\\.)*')"
                    + "|(?<KEYWORD>\\b(?:def|class|return|if|elif|else|for|while|in|import|from|as|with|try|except|finally|raise|"
                    + "lambda|pass|break|continue|and|or|not|is|None|True|False|yield|global|public|private|protected|static|"
                    + "final|void|int|long|double|float|char|bool|boolean|new|this|package|struct|const|auto|using|namespace|"
                    + "include|template|typename|switch|case|default|do|throw|throws|extends|implements|interface|enum|"
                    + "std|string|fn|let|mut|var|func|println|printf|print|main)\\b)"
                    + "|(?<NUMBER>\\b\\d+(\\.\\d+)?\\b)"
                    + "|(?<HEADER>^// ===== .* =====$)", Pattern.MULTILINE);

    private final DetailViewModel vm;
    private final Label title = new Label();
    private final Label verdict = new Label();
    private final Label facts = new Label();
    private final Label reason = new Label();
    private final TabPane tabs = new TabPane();
    private final DiffView diff;

    public DetailPane(DetailViewModel vm) {
        this.vm = vm;
        getStyleClass().add("gb-detail");
        diff = new DiffView(vm);

        title.getStyleClass().add("gb-detail-title");
        title.textProperty().bind(vm.titleProperty());
        verdict.getStyleClass().add(Styles.VERDICT_BADGE);
        verdict.setId("detail-verdict");
        facts.getStyleClass().add("gb-detail-facts");
        facts.textProperty().bind(vm.factsProperty());
        reason.getStyleClass().add(Styles.MUTED);
        reason.textProperty().bind(vm.reasonProperty());
        reason.setMaxWidth(520);
        vm.verdictProperty().addListener((o, a, b) -> showVerdict(b));
        showVerdict(vm.verdictProperty().get());
        HBox header = new HBox(10, verdict, title, facts, reason);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.DETAIL_HEADER);
        header.setPadding(new Insets(8, 12, 8, 12));
        HBox.setHgrow(reason, Priority.ALWAYS);

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                new Tab("Diff", diff),
                new Tab("Input", textView(vm.inputProperty(), false)),
                new Tab("Stderr", textView(vm.stderrProperty(), false)),
                new Tab("Compile log", textView(vm.compileLogProperty(), false)),
                new Tab("Source", textView(vm.sourceProperty(), true)),
                new Tab("Review", new javafx.scene.layout.StackPane(review())));
        tabs.getTabs().forEach(t -> t.setId("tab-" + t.getText().toLowerCase(java.util.Locale.ROOT).replace(' ', '-')));

        Label empty = new Label("Select a cell in the matrix to see expected and actual output, input, stderr, the compile log and the source.\n"
                + "J / K jump to the next / previous failing cell.");
        empty.getStyleClass().add(Styles.MUTED);
        empty.setWrapText(true);
        VBox emptyBox = new VBox(empty);
        emptyBox.setAlignment(Pos.CENTER);
        emptyBox.setPadding(new Insets(20));

        setTop(header);
        vm.contextProperty().addListener((o, a, b) -> {
            setCenter(b == null ? emptyBox : tabs);
            header.setVisible(b != null);
            header.setManaged(b != null);
        });
        setCenter(emptyBox);
        header.setVisible(false);
        header.setManaged(false);
    }

    public TabPane tabs() {
        return tabs;
    }

    public DiffView diffView() {
        return diff;
    }

    private void showVerdict(Verdict v) {
        verdict.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
        if (v == null) {
            verdict.setText("");
            return;
        }
        verdict.setText(v == Verdict.PENDING ? "\u00B7 pending" : v.name() + "  " + v.description());
        verdict.getStyleClass().add(Styles.verdict(v));
    }

    private VirtualizedScrollPane<CodeArea> textView(javafx.beans.property.StringProperty text, boolean highlight) {
        CodeArea area = new CodeArea();
        area.setEditable(false);
        area.getStyleClass().add("gb-code");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        Runnable update = () -> {
            String t = text.get() == null ? "" : text.get();
            area.replaceText(t);
            if (highlight && !t.isEmpty() && t.length() < 400_000) area.setStyleSpans(0, highlight(t));
            area.moveTo(0);
            area.showParagraphAtTop(0);
        };
        text.addListener((o, a, b) -> update.run());
        update.run();
        return new VirtualizedScrollPane<>(area);
    }

    static StyleSpans<Collection<String>> highlight(String text) {
        Matcher m = SYNTAX.matcher(text);
        int last = 0;
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        while (m.find()) {
            String cls = m.group("HEADER") != null ? "syn-header" : m.group("COMMENT") != null ? "syn-comment"
                    : m.group("STRING") != null ? "syn-string" : m.group("KEYWORD") != null ? "syn-keyword" : "syn-number";
            b.add(Collections.emptyList(), m.start() - last);
            b.add(Collections.singleton(cls), m.end() - m.start());
            last = m.end();
        }
        b.add(Collections.emptyList(), text.length() - last);
        return b.create();
    }

    private VBox review() {
        Label computed = new Label();
        computed.textProperty().bind(vm.computedScoreProperty());
        TextField override = new TextField();
        override.setPromptText("e.g. 85 (empty: use the computed score)");
        override.setId("review-override");
        override.textProperty().bindBidirectional(vm.scoreOverrideProperty());
        TextArea comment = new TextArea();
        comment.setPromptText("Feedback for the whole submission");
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(vm.commentProperty());
        TextArea testComment = new TextArea();
        testComment.setPromptText("Feedback on this test");
        testComment.setPrefRowCount(2);
        testComment.setWrapText(true);
        testComment.textProperty().bindBidirectional(vm.testCommentProperty());
        Button save = new Button("Save review");
        save.setId("review-save");
        save.setDefaultButton(false);
        save.setOnAction(e -> vm.saveReview());
        save.disableProperty().bind(vm.reviewableProperty().not());
        Label status = new Label();
        status.textProperty().bind(vm.reviewStatusProperty());
        status.getStyleClass().add(Styles.MUTED);

        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        g.addRow(0, new Label("Computed score"), computed);
        g.addRow(1, new Label("Score override"), override);
        g.addRow(2, new Label("Submission comment"), comment);
        g.addRow(3, new Label("Comment on this test"), testComment);
        GridPane.setHgrow(comment, Priority.ALWAYS);
        HBox actions = new HBox(10, save, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(12, g, actions);
        box.setPadding(new Insets(12));
        box.disableProperty().bind(vm.reviewableProperty().not());
        return box;
    }
}
