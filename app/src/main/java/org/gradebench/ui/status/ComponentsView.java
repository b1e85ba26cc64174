package org.gradebench.ui.status;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.gradebench.ui.common.Styles;
import org.gradebench.ui.common.Workbench;
import org.gradebench.ui.main.MainViewModel;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The components dashboard: every part Gradebench depends on, its state, and what fixes it. */
public final class ComponentsView extends VBox {
    private final MainViewModel vm;
    private final VBox groups = new VBox(16);

    public ComponentsView(MainViewModel vm) {
        this.vm = vm;
        getStyleClass().add("gb-components");
        setSpacing(12);
        setPadding(new Insets(16));
        Label title = new Label("Components");
        title.getStyleClass().add("gb-dialog-title");
        Label sub = new Label("What Gradebench needs to grade, and what to do when something is missing.");
        sub.getStyleClass().add(Styles.MUTED);
        Button refresh = new Button("Check again", new FontIcon("mdi2r-refresh"));
        refresh.setOnAction(e -> vm.refreshComponents());
        HBox head = new HBox(12, new VBox(2, title, sub), new javafx.scene.layout.Region(), refresh);
        HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);
        head.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(head, scroll);
        vm.components().addListener((ListChangeListener<Workbench.Component>) c -> render());
        render();
    }

    private void render() {
        groups.getChildren().clear();
        List<Workbench.Component> list = vm.components();
        if (list.isEmpty()) {
            groups.getChildren().add(new Label("Checking..."));
            return;
        }
        Map<String, GridPane> byGroup = new LinkedHashMap<>();
        for (Workbench.Component c : list) {
            GridPane g = byGroup.computeIfAbsent(c.group(), k -> {
                GridPane grid = new GridPane();
                grid.setHgap(12);
                grid.setVgap(6);
                Label h = new Label(k.toUpperCase(java.util.Locale.ROOT));
                h.getStyleClass().add(Styles.SECTION_TITLE);
                groups.getChildren().addAll(h, grid);
                return grid;
            });
            int row = g.getRowCount();
            FontIcon icon = new FontIcon(switch (c.state()) {
                case OK -> "mdi2c-check-circle";
                case WARNING -> "mdi2a-alert";
                case MISSING -> "mdi2c-close-circle";
                case INFO -> "mdi2i-information-outline";
            });
            icon.getStyleClass().add("gb-state-" + c.state().name().toLowerCase(java.util.Locale.ROOT));
            Label name = new Label(c.name());
            name.getStyleClass().add("gb-component-name");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label detail = new Label(c.detail());
            detail.setWrapText(true);
            VBox text = new VBox(2, detail);
            if (!c.fix().isEmpty()) {
                Label fix = new Label("\u2192 " + c.fix());
                fix.setWrapText(true);
                fix.getStyleClass().add("gb-fix");
                text.getChildren().add(fix);
            }
            GridPane.setHgrow(text, Priority.ALWAYS);
            g.addRow(row, icon, name, text);
        }
    }
}
