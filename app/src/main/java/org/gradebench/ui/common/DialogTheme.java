package org.gradebench.ui.common;

import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * Makes a dialog look like the window it belongs to: the app's stylesheet (verdict and diff colours are defined
 * there, per theme) and the owner's light or dark variant, kept in step while the dialog is open.
 *
 * <p>A dialog is a separate scene: without this it sees AtlantaFX's colours (set application-wide) but none of the
 * window's own look-ups, so badges, diff rows and syntax colours fall back to the light ones in a dark window.</p>
 */
public final class DialogTheme {
    public static final String DIALOG = "gb-dialog";
    public static final String DARK = "dark";
    private static final String CSS = "/org/gradebench/ui/app.css";

    private DialogTheme() {
    }

    /** Call after {@code initOwner}, before showing. */
    public static void apply(Dialog<?> dialog, Window owner) {
        DialogPane pane = dialog.getDialogPane();
        String css = DialogTheme.class.getResource(CSS).toExternalForm();
        if (!pane.getStylesheets().contains(css)) pane.getStylesheets().add(css);
        if (!pane.getStyleClass().contains(DIALOG)) pane.getStyleClass().add(DIALOG);
        Parent ownerRoot = owner == null || owner.getScene() == null ? null : owner.getScene().getRoot();
        if (ownerRoot == null) return;
        Runnable sync = () -> {
            boolean dark = ownerRoot.getStyleClass().contains(DARK);
            pane.getStyleClass().remove(DARK);
            if (dark) pane.getStyleClass().add(DARK);
        };
        sync.run();
        ListChangeListener<String> follow = c -> sync.run();
        ownerRoot.getStyleClass().addListener(follow);
        dialog.setOnHidden(e -> ownerRoot.getStyleClass().removeListener(follow));
    }

    /** True when the window's root is in the dark variant. */
    public static boolean isDark(Window w) {
        return w != null && w.getScene() != null && w.getScene().getRoot().getStyleClass().contains(DARK);
    }
}
