package org.gradebench.ui.history;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.SessionComparison;
import org.gradebench.ui.common.DialogTheme;
import org.gradebench.ui.common.Styles;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which students changed between two sessions, and why. */
public final class CompareView {
    private CompareView() {
    }

    public static TableView<SessionComparison.Change> table(SessionComparison.Result r) {
        TableView<SessionComparison.Change> t = new TableView<>();
        t.setId("compare-table");
        t.getColumns().add(col("Student", 170, SessionComparison.Change::student));
        t.getColumns().add(verdictCol("Before", c -> c.before(), SessionComparison.Change::scoreBefore));
        t.getColumns().add(verdictCol("After", c -> c.after(), SessionComparison.Change::scoreAfter));
        t.getColumns().add(col("Why", 300, SessionComparison.Change::explanation));
        t.getColumns().add(col("Tests that changed", 320, c -> String.join(", ", c.changedTests())));
        t.getItems().setAll(r.changes());
        t.setPlaceholder(new Label("No student changed verdict or score."));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    public static void show(Window owner, SessionComparison.Result r) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        DialogTheme.apply(d, owner);
        d.setResizable(true);
        d.setTitle("Compare sessions");
        d.setHeaderText("Session #" + r.olderId() + " \u2192 #" + r.newerId() + ":  " + r.changes().size()
                + (r.changes().size() == 1 ? " student changed" : " students changed") + ", " + r.unchanged() + " unchanged"
                + (r.onlyOlder().isEmpty() ? "" : ", " + r.onlyOlder().size() + " not regraded")
                + (r.onlyNewer().isEmpty() ? "" : ", " + r.onlyNewer().size() + " new"));
        Label wide = new Label(r.sessionWide().isEmpty() ? "Same tests, checker and sandbox in both sessions."
                : "Between the sessions: " + r.sessionWide().stream().sorted().map(SessionComparison.Reason::label)
                .collect(Collectors.joining(", ")) + ".");
        wide.getStyleClass().add(Styles.MUTED);
        TableView<SessionComparison.Change> table = table(r);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        VBox box = new VBox(8, wide, table);
        if (!r.onlyOlder().isEmpty()) {
            Label only = new Label("Only in #" + r.olderId() + " (not graded in #" + r.newerId() + "): " + String.join(", ", r.onlyOlder()));
            only.setWrapText(true);
            only.getStyleClass().add(Styles.MUTED);
            box.getChildren().add(only);
        }
        if (!r.onlyNewer().isEmpty()) {
            Label only = new Label("Only in #" + r.newerId() + ": " + String.join(", ", r.onlyNewer()));
            only.setWrapText(true);
            only.getStyleClass().add(Styles.MUTED);
            box.getChildren().add(only);
        }
        box.setPadding(new Insets(10, 14, 6, 14));
        d.getDialogPane().setPrefSize(980, 480);
        d.getDialogPane().setMinSize(980, 480);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
    }

    private static String score(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.2f", s);
    }

    /** Verdict as a badge (coloured by the theme, like everywhere else) and the score next to it. */
    private static TableColumn<SessionComparison.Change, SessionComparison.Change> verdictCol(
            String name, Function<SessionComparison.Change, java.util.Optional<Verdict>> verdict,
            java.util.function.ToDoubleFunction<SessionComparison.Change> score) {
        TableColumn<SessionComparison.Change, SessionComparison.Change> c = new TableColumn<>(name);
        c.setPrefWidth(120);
        c.setCellValueFactory(x -> new javafx.beans.property.ReadOnlyObjectWrapper<>(x.getValue()));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final Label badge = new Label();
            private final Label points = new Label();
            private final javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(8, badge, points);

            {
                badge.getStyleClass().add(Styles.VERDICT_BADGE);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(SessionComparison.Change item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                badge.getStyleClass().removeIf(s -> s.startsWith("verdict-"));
                java.util.Optional<Verdict> v = verdict.apply(item);
                badge.setText(v.map(Verdict::name).orElse("-"));
                v.ifPresent(x -> badge.getStyleClass().add(Styles.verdict(x)));
                badge.setVisible(v.isPresent());
                points.setText(v.isPresent() ? score(score.applyAsDouble(item)) : "not graded");
                setGraphic(box);
            }
        });
        return c;
    }

    private static TableColumn<SessionComparison.Change, String> col(String name, double w,
                                                                     Function<SessionComparison.Change, String> f) {
        TableColumn<SessionComparison.Change, String> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }
}
