package org.gradebench.ui.main;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.history.SessionSummary;
import org.gradebench.ui.common.Styles;
import org.gradebench.ui.common.UiPreferences;
import org.gradebench.ui.common.UserMessage;
import org.gradebench.ui.detail.DetailPane;
import org.gradebench.ui.detail.DetailViewModel;
import org.gradebench.ui.history.CompareView;
import org.gradebench.ui.export.ExportDialog;
import org.gradebench.ui.importing.ImportPreviewDialog;
import org.gradebench.ui.matrix.MatrixModel;
import org.gradebench.ui.matrix.ResultMatrix;
import org.gradebench.ui.matrix.VerdictPalette;
import org.gradebench.ui.status.ComponentsView;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The main window, built in code: toolbar, assignments and sessions on the left, the results matrix (and the
 * students and tests tables) above the detail pane, a status bar below. Forwards every action to the ViewModels.
 */
public final class MainWindow {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);

    private final MainViewModel vm;
    private final DetailViewModel detail;
    private final Stage stage;
    private final UiPreferences prefs;
    private final Consumer<Boolean> applyTheme;
    private final BorderPane root = new BorderPane();
    private final ResultMatrix matrix;
    /** Built after the first frame (or on first use): RichTextFX's classes and CSS cost a second on a busy machine. */
    private DetailPane detailPane;
    private final StackPane detailSlot = new StackPane();
    private final SplitPane horizontal = new SplitPane();
    private final SplitPane vertical = new SplitPane();
    private final TabPane centerTabs = new TabPane();
    private final StackPane center = new StackPane();
    // AtlantaFX's own field: ControlsFX's clearable field ships a stylesheet of Modena look-ups
    // (-fx-text-inner-color...) that AtlantaFX does not define, which logged CSS warnings at every start
    private final TextField search = clearableField();
    private final ListView<AssignmentEntry> assignmentList = new ListView<>();
    private final ListView<SessionSummary> sessionList = new ListView<>();
    private final TableView<StudentRow> studentsTable = new TableView<>();
    private final TableView<TestCase> testsTable = new TableView<>();
    private final HBox banner = new HBox(10);
    private final VBox emptyState;
    private final BarChart<String, Number> chart;
    private final XYChart.Series<String, Number> chartSeries = new XYChart.Series<>();
    private final Label acceptedLabel = new Label();
    private final HBox verdictChips = new HBox(6);
    private final CheckMenuItem darkItem = new CheckMenuItem("Dark theme");
    private Scene scene;
    private boolean closeConfirmed;

    public MainWindow(Stage stage, MainViewModel vm, DetailViewModel detail, Consumer<Boolean> applyTheme) {
        this.stage = stage;
        this.vm = vm;
        this.detail = detail;
        this.prefs = vm.preferences();
        this.applyTheme = applyTheme;
        this.matrix = new ResultMatrix(vm.matrix());
        this.chart = scoreChart();
        this.emptyState = emptyState();
        build();
        bind();
    }

    public Scene scene() {
        return scene;
    }

    public ResultMatrix matrixView() {
        return matrix;
    }

    /** The detail pane, built now if it was not yet (see {@link #buildDeferredViews()}). */
    public DetailPane detailPane() {
        if (detailPane == null) {
            detailPane = new DetailPane(detail);
            detailSlot.getChildren().setAll(detailPane);
        }
        return detailPane;
    }

    /**
     * Builds the parts the first frame does not need (the detail pane with its code views): call once the first
     * frame is on screen, so the window appears sooner and is complete before anyone selects a cell.
     */
    public void buildDeferredViews() {
        detailPane();
    }

    public TableView<StudentRow> studentsTable() {
        return studentsTable;
    }

    public TabPane centerTabs() {
        return centerTabs;
    }

    public ListView<SessionSummary> sessionList() {
        return sessionList;
    }

    // ---------------------------------------------------------------- layout

    private void build() {
        root.getStyleClass().add("gb-root");
        VBox top = new VBox(menuBar(), toolBar());
        root.setTop(top);

        VBox side = sidebar();
        Tab matrixTab = new Tab("Matrix", matrix);
        matrixTab.setId("tab-matrix");
        Tab studentsTab = new Tab("Students", studentsPane());
        studentsTab.setId("tab-students");
        Tab testsTab = new Tab("Tests", testsPane());
        testsTab.setId("tab-tests");
        centerTabs.getTabs().addAll(matrixTab, studentsTab, testsTab);
        centerTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centerTabs.getStyleClass().add("gb-center-tabs");

        VBox upper = new VBox(summaryStrip(), centerTabs);
        VBox.setVgrow(centerTabs, Priority.ALWAYS);
        vertical.setOrientation(Orientation.VERTICAL);
        detailSlot.getStyleClass().add("gb-detail");
        vertical.getItems().addAll(upper, detailSlot);
        vertical.setDividerPositions(prefs.getDouble("split.vertical", 0.56));

        banner.getStyleClass().add(Styles.BANNER);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8, 12, 8, 12));
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setVisible(false);
        VBox work = new VBox(banner, readOnlyBar(), vertical);
        VBox.setVgrow(vertical, Priority.ALWAYS);
        center.getChildren().addAll(work, emptyState);

        horizontal.getItems().addAll(side, center);
        horizontal.setDividerPositions(prefs.getDouble("split.horizontal", 0.19));
        SplitPane.setResizableWithParent(side, false);
        root.setCenter(horizontal);
        root.setBottom(statusBar());

        scene = new Scene(root, prefs.getDouble("window.width", 1440), prefs.getDouble("window.height", 900));
        scene.getStylesheets().add(MainWindow.class.getResource("/org/gradebench/ui/app.css").toExternalForm());
        installDragAndDrop();
        installKeys();
        stage.setScene(scene);
        stage.setTitle("Gradebench");
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        double x = prefs.getDouble("window.x", Double.NaN);
        double y = prefs.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setOnCloseRequest(e -> {
            if (vm.isGrading() && !closeConfirmed) {
                e.consume();
                confirmClose();
                return;
            }
            saveLayout();
        });
        setDark(prefs.darkTheme());
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open assignment\u2026", "mdi2f-folder-open-outline", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseAssignment);
        MenuItem importFolder = item("Import submissions folder\u2026", "mdi2i-import", new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), this::chooseSubmissionsFolder);
        MenuItem importArchive = item("Import submissions archive (zip, tar)\u2026", null, new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::chooseSubmissionsArchive);
        MenuItem quit = item("Quit", null, new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            if (vm.isGrading()) confirmClose();
            else {
                saveLayout();
                stage.close();
            }
        });
        MenuItem exportGrades = item("Export grades\u2026", "mdi2f-file-export-outline", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                () -> vm.exportGrades().ifPresent(e -> ExportDialog.show(stage, e)));
        exportGrades.setId("menu-export-grades");
        Menu file = new Menu("File", null, open, importFolder, importArchive, new SeparatorMenuItem(), exportGrades,
                new SeparatorMenuItem(), quit);

        MenuItem gradeAll = item("Grade all", "mdi2p-play", new KeyCodeCombination(KeyCode.F5), vm::gradeAll);
        MenuItem gradeSelected = item("Grade selected student", null, new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN), vm::gradeSelected);
        MenuItem regradeFailed = item("Regrade failed", "mdi2r-replay", new KeyCodeCombination(KeyCode.F6), vm::regradeFailed);
        MenuItem regradeCell = item("Regrade selected cell", null, new KeyCodeCombination(KeyCode.R), guarded(vm::regradeSelection));
        MenuItem cancel = item("Cancel grading", "mdi2s-stop", new KeyCodeCombination(KeyCode.ESCAPE), vm::cancel);
        cancel.disableProperty().bind(vm.gradingProperty().not());
        Menu grade = new Menu("Grade", null, gradeAll, gradeSelected, regradeFailed, regradeCell, new SeparatorMenuItem(), cancel);

        MenuItem nextFail = item("Next failing cell", null, new KeyCodeCombination(KeyCode.J), guarded(() -> vm.nextFailing(true)));
        MenuItem prevFail = item("Previous failing cell", null, new KeyCodeCombination(KeyCode.K), guarded(() -> vm.nextFailing(false)));
        MenuItem nextStudent = item("Next student", null, new KeyCodeCombination(KeyCode.N), guarded(vm::nextStudent));
        MenuItem find = item("Find student", "mdi2m-magnify", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            search.requestFocus();
            search.selectAll();
        });
        MenuItem nextDiff = item("Next difference", null, new KeyCodeCombination(KeyCode.D), guarded(() -> detailPane().diffView().lookupAll("#diff-next").forEach(n -> ((Button) n).fire())));
        Menu nav = new Menu("Navigate", null, nextFail, prevFail, nextStudent, nextDiff, new SeparatorMenuItem(), find);

        darkItem.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        darkItem.setOnAction(e -> setDark(darkItem.isSelected()));
        MenuItem components = item("Components\u2026", "mdi2s-shield-check-outline", null, this::showComponents);
        Menu view = new Menu("View", null, darkItem, components);

        MenuItem logFile = item("Show log file location", null, null, () -> vm.messageProperty().set(
                UserMessage.info("The log file is " + vm.workbench().logFile())));
        MenuItem keys = item("Keyboard shortcuts", null, new KeyCodeCombination(KeyCode.F1), () -> vm.messageProperty().set(UserMessage.info(
                "J / K next / previous failing cell, N next student, D next difference, R regrade the cell, F5 grade all, "
                        + "F6 regrade failed, Esc cancel, Ctrl+O open, Ctrl+I import, Ctrl+E export grades, Ctrl+F find.")));
        Menu help = new Menu("Help", null, keys, logFile);
        MenuBar bar = new MenuBar(file, grade, nav, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** Single-letter shortcuts must not fire while the user types in a text field. */
    private Runnable guarded(Runnable r) {
        return () -> {
            if (scene != null && scene.getFocusOwner() instanceof TextInputControl) return;
            r.run();
        };
    }

    private static TextField clearableField() {
        atlantafx.base.controls.CustomTextField f = new atlantafx.base.controls.CustomTextField();
        Button clear = new Button(null, new FontIcon("mdi2c-close-circle-outline"));
        clear.setId("search-clear");
        clear.getStyleClass().addAll("flat", "gb-field-clear");
        clear.setFocusTraversable(false);
        clear.setCursor(javafx.scene.Cursor.DEFAULT);
        clear.visibleProperty().bind(f.textProperty().isNotEmpty());
        clear.setOnAction(e -> {
            f.clear();
            f.requestFocus();
        });
        f.setLeft(new FontIcon("mdi2m-magnify"));
        f.setRight(clear);
        return f;
    }

    private static MenuItem item(String text, String icon, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (icon != null) m.setGraphic(new FontIcon(icon));
        if (key != null) m.setAccelerator(key);
        m.setOnAction(e -> action.run());
        return m;
    }

    private ToolBar toolBar() {
        MenuButton open = new MenuButton("Open", new FontIcon("mdi2f-folder-open-outline"));
        open.setId("open-menu");
        open.setOnShowing(e -> fillOpenMenu(open));
        fillOpenMenu(open);

        Button importBtn = button("Import submissions", "mdi2t-tray-arrow-down", "Read a folder or an LMS export (Ctrl+I); you can also drop it on the window", this::chooseSubmissionsFolder);
        importBtn.setId("import-button");
        importBtn.disableProperty().bind(vm.assignmentProperty().isNull());
        Button gradeAll = button("Grade all", "mdi2p-play", "Grade every submission on every test (F5)", vm::gradeAll);
        gradeAll.setId("grade-all");
        gradeAll.getStyleClass().add("accent");
        gradeAll.disableProperty().bind(vm.gradingProperty().or(vm.submissionsProperty().isNull().and(vm.readOnlyProperty().not())));
        Button regrade = button("Regrade failed", "mdi2r-replay", "Run the failing cells again (F6)", vm::regradeFailed);
        regrade.setId("regrade-failed");
        regrade.disableProperty().bind(vm.gradingProperty().or(vm.submissionsProperty().isNull()));
        Button cancel = button("Cancel", "mdi2s-stop", "Stop grading; finished results are kept (Esc)", vm::cancel);
        cancel.setId("cancel");
        cancel.getStyleClass().add("danger");
        cancel.disableProperty().bind(vm.gradingProperty().not().or(vm.cancellingProperty()));

        Spinner<Integer> jobs = new Spinner<>(1, Math.max(16, Runtime.getRuntime().availableProcessors() * 2), vm.jobsProperty().get());
        jobs.setId("jobs");
        jobs.setPrefWidth(72);
        jobs.setEditable(true);
        jobs.valueProperty().addListener((o, a, b) -> vm.jobsProperty().set(b));
        jobs.setTooltip(new Tooltip("Runs in parallel (default: number of cores)"));
        jobs.disableProperty().bind(vm.gradingProperty());
        Label jobsLabel = new Label("jobs");
        jobsLabel.getStyleClass().add(Styles.MUTED);

        ComboBox<String> backend = new ComboBox<>();
        backend.setId("backend");
        backend.getItems().setAll(vm.workbench().backends());
        backend.valueProperty().bindBidirectional(vm.backendProperty());
        backend.setTooltip(new Tooltip("Sandbox: auto picks bwrap when usable, else Docker"));
        backend.disableProperty().bind(vm.gradingProperty());
        Label sandboxLabel = new Label("sandbox");
        sandboxLabel.getStyleClass().add(Styles.MUTED);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty().greaterThan(0).or(vm.gradingProperty()));
        spinner.setTooltip(new Tooltip("Working in the background"));

        search.setPromptText("Search students (Ctrl+F)");
        search.setId("search");
        search.setPrefWidth(240);
        search.textProperty().bindBidirectional(vm.searchProperty());

        Button theme = new Button();
        theme.setId("theme-toggle");
        theme.setGraphic(new FontIcon("mdi2t-theme-light-dark"));
        theme.setTooltip(new Tooltip("Light / dark theme (Ctrl+Shift+T)"));
        theme.setOnAction(e -> setDark(!darkItem.isSelected()));
        theme.getStyleClass().add("flat");

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ToolBar bar = new ToolBar(open, importBtn, new Separator(Orientation.VERTICAL), gradeAll, regrade, cancel,
                new Separator(Orientation.VERTICAL), jobsLabel, jobs, sandboxLabel, backend, spinner, grow, search, theme);
        bar.getStyleClass().add(Styles.TOOLBAR);
        return bar;
    }

    private void fillOpenMenu(MenuButton open) {
        List<MenuItem> items = new ArrayList<>();
        items.add(item("Assignment folder or problem package\u2026", "mdi2f-folder-outline", null, this::chooseAssignment));
        List<AssignmentEntry> entries = new ArrayList<>(vm.assignments());
        if (!entries.isEmpty()) {
            items.add(new SeparatorMenuItem());
            for (AssignmentEntry e : entries) {
                items.add(item(e.title() + (e.sample() ? "   (sample)" : ""), null, null, () -> vm.openAssignment(e.folder())));
            }
        }
        open.getItems().setAll(items);
    }

    private static Button button(String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private VBox sidebar() {
        Label aTitle = new Label("ASSIGNMENTS");
        aTitle.getStyleClass().add(Styles.SECTION_TITLE);
        assignmentList.setId("assignments");
        assignmentList.setItems(vm.assignments());
        assignmentList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AssignmentEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label t = new Label(e.title());
                t.getStyleClass().add("gb-list-title");
                Label s = new Label(e.sample() ? "sample \u00B7 " + e.folder().getFileName() : e.folder().toString());
                s.getStyleClass().add(Styles.MUTED);
                VBox box = new VBox(1, t, s);
                setText(null);
                setGraphic(box);
                Assignment cur = vm.assignmentProperty().get();
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"),
                        cur != null && cur.root().toAbsolutePath().normalize().equals(e.folder()));
            }
        });
        assignmentList.setOnMouseClicked(e -> {
            AssignmentEntry sel = assignmentList.getSelectionModel().getSelectedItem();
            if (sel != null && e.getClickCount() >= 1) {
                Assignment cur = vm.assignmentProperty().get();
                if (cur == null || !cur.root().toAbsolutePath().normalize().equals(sel.folder())) vm.openAssignment(sel.folder());
            }
        });
        assignmentList.setPlaceholder(new Label("No assignments yet"));
        VBox.setVgrow(assignmentList, Priority.ALWAYS);

        Label sTitle = new Label();
        sTitle.getStyleClass().add(Styles.SECTION_TITLE);
        sTitle.textProperty().bind(Bindings.createStringBinding(() -> "SESSIONS" + (vm.assignmentProperty().get() == null ? ""
                : "  (" + vm.sessions().size() + ")"), vm.assignmentProperty(), vm.sessions()));
        sessionList.setId("sessions");
        sessionList.setItems(vm.sessions());
        sessionList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        sessionList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SessionSummary s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label t = new Label(SessionFormat.line(s));
                t.getStyleClass().add("gb-list-title");
                Label d = new Label(SessionFormat.detail(s));
                d.getStyleClass().add(Styles.MUTED);
                setText(null);
                setGraphic(new VBox(1, t, d));
            }
        });
        sessionList.setPlaceholder(new Label("Graded sessions appear here"));
        sessionList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) openSelectedSession();
        });
        VBox.setVgrow(sessionList, Priority.ALWAYS);
        Button openSession = new Button("Open");
        openSession.setId("open-session");
        openSession.setTooltip(new Tooltip("Show this session's results, read-only"));
        openSession.disableProperty().bind(Bindings.size(sessionList.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        openSession.setOnAction(e -> openSelectedSession());
        Button compare = new Button("Compare");
        compare.setId("compare-sessions");
        compare.setTooltip(new Tooltip("Select two sessions (Ctrl+click) to see who changed and why"));
        compare.disableProperty().bind(Bindings.size(sessionList.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        compare.setOnAction(e -> {
            List<SessionSummary> two = new ArrayList<>(sessionList.getSelectionModel().getSelectedItems());
            if (two.size() == 2) vm.compare(two.get(0), two.get(1));
        });
        Label hint = new Label("Ctrl+click two sessions to compare");
        hint.getStyleClass().addAll(Styles.MUTED, "gb-hint");
        HBox buttons = new HBox(6, openSession, compare);
        VBox side = new VBox(6, aTitle, assignmentList, new Separator(), sTitle, sessionList, buttons, hint);
        side.getStyleClass().add(Styles.SIDEBAR);
        side.setPadding(new Insets(10, 8, 10, 10));
        side.setMinWidth(200);
        return side;
    }

    private void openSelectedSession() {
        SessionSummary s = sessionList.getSelectionModel().getSelectedItem();
        if (s != null) vm.openSession(s);
    }

    private HBox readOnlyBar() {
        Label text = new Label();
        text.textProperty().bind(vm.readOnlyLabelProperty());
        Button back = new Button("Back to current submissions");
        back.setOnAction(e -> vm.backToCurrent());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, new FontIcon("mdi2h-history"), text, grow, back);
        bar.setId("readonly-bar");
        bar.getStyleClass().add(Styles.READ_ONLY_BANNER);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.visibleProperty().bind(vm.readOnlyProperty());
        bar.managedProperty().bind(vm.readOnlyProperty());
        return bar;
    }

    private HBox summaryStrip() {
        acceptedLabel.getStyleClass().add("gb-summary-big");
        acceptedLabel.setId("summary-accepted");
        Label title = new Label();
        title.getStyleClass().add("gb-assignment-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Assignment a = vm.assignmentProperty().get();
            return a == null ? "" : a.title();
        }, vm.assignmentProperty()));
        Label sub = new Label();
        sub.getStyleClass().add(Styles.MUTED);
        sub.textProperty().bind(Bindings.createStringBinding(() -> {
            Assignment a = vm.assignmentProperty().get();
            if (a == null) return "";
            String subs = vm.submissionsProperty().get() == null ? "no submissions loaded"
                    : vm.submissionsProperty().get().submissions().size() + " submissions (" + vm.submissionsProperty().get().format() + ")";
            return a.tests().size() + " tests \u00B7 " + a.checker().describe() + " checker \u00B7 " + subs;
        }, vm.assignmentProperty(), vm.submissionsProperty()));
        VBox left = new VBox(2, title, sub);
        left.setMinWidth(260);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        VBox acc = new VBox(0, acceptedLabel, verdictChips);
        acc.setAlignment(Pos.CENTER_RIGHT);
        HBox strip = new HBox(18, left, grow, acc, chart);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.getStyleClass().add(Styles.SUMMARY_STRIP);
        strip.setPadding(new Insets(6, 12, 6, 12));
        return strip;
    }

    private BarChart<String, Number> scoreChart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setTickLabelsVisible(false);
        y.setTickMarkVisible(false);
        y.setMinorTickVisible(false);
        x.setTickLabelFont(javafx.scene.text.Font.font(9));
        x.setTickMarkVisible(false);
        BarChart<String, Number> c = new BarChart<>(x, y);
        c.setId("score-chart");
        c.setLegendVisible(false);
        c.setAnimated(false);
        c.setHorizontalGridLinesVisible(false);
        c.setVerticalGridLinesVisible(false);
        c.setCategoryGap(2);
        c.setBarGap(0);
        c.setPrefSize(260, 74);
        c.setMinSize(220, 74);
        c.setMaxHeight(74);
        c.getStyleClass().add("gb-score-chart");
        c.getData().add(chartSeries);
        for (int i = 0; i < 10; i++) chartSeries.getData().add(new XYChart.Data<>(bucketLabel(i), 0));
        Tooltip.install(c, new Tooltip("Score distribution of graded submissions (percent of the maximum)"));
        return c;
    }

    private static String bucketLabel(int i) {
        return i == 9 ? "90+" : (i * 10) + "";
    }

    private VBox studentsPane() {
        FilteredList<StudentRow> filtered = new FilteredList<>(vm.students());
        CheckComboBox<Verdict> verdicts = new CheckComboBox<>();
        verdicts.getItems().addAll(Verdict.values());
        verdicts.setTitle("All verdicts");
        verdicts.setId("verdict-filter");
        Runnable refilter = () -> {
            String q = vm.searchProperty().get() == null ? "" : vm.searchProperty().get().strip().toLowerCase(Locale.ROOT);
            Set<Verdict> want = verdicts.getCheckModel().getCheckedItems().isEmpty() ? EnumSet.allOf(Verdict.class)
                    : EnumSet.copyOf(verdicts.getCheckModel().getCheckedItems());
            verdicts.setTitle(verdicts.getCheckModel().getCheckedItems().isEmpty() ? "All verdicts"
                    : String.join(", ", verdicts.getCheckModel().getCheckedItems().stream().map(Verdict::name).toList()));
            filtered.setPredicate(r -> want.contains(r.verdict()) && (q.isEmpty()
                    || r.student().toLowerCase(Locale.ROOT).contains(q) || r.lmsId().toLowerCase(Locale.ROOT).contains(q)));
        };
        vm.searchProperty().addListener((o, a, b) -> refilter.run());
        verdicts.getCheckModel().getCheckedItems().addListener((ListChangeListener<Verdict>) c -> refilter.run());
        SortedList<StudentRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(studentsTable.comparatorProperty());
        studentsTable.setItems(sorted);
        studentsTable.setId("students-table");
        studentsTable.getColumns().add(textCol("Student", 220, StudentRow::student));
        studentsTable.getColumns().add(textCol("LMS id", 110, StudentRow::lmsId));
        studentsTable.getColumns().add(textCol("Language", 90, StudentRow::language));
        TableColumn<StudentRow, Double> score = new TableColumn<>("Score");
        score.setPrefWidth(90);
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score()));
        score.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                StudentRow r = empty ? null : getTableRow().getItem();
                setText(r == null ? null : r.verdict() == Verdict.PENDING && r.maxScore() == 0 ? "-"
                        : fmt(r.score()) + " / " + fmt(r.maxScore()));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        studentsTable.getColumns().add(score);
        TableColumn<StudentRow, Verdict> verdict = new TableColumn<>("Verdict");
        verdict.setPrefWidth(110);
        verdict.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().verdict()));
        verdict.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Verdict v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeIf(s -> s.startsWith("verdict-"));
                if (empty || v == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label badge = new Label(v == Verdict.PENDING ? "pending" : v.name());
                badge.getStyleClass().addAll(Styles.VERDICT_BADGE, Styles.verdict(v));
                setGraphic(badge);
                setText(null);
            }
        });
        studentsTable.getColumns().add(verdict);
        studentsTable.getColumns().add(textCol("Passed", 80, r -> r.passed() + " / " + r.tests()));
        TableColumn<StudentRow, String> late = textCol("Late", 60, r -> r.late() ? "LATE" : "");
        studentsTable.getColumns().add(late);
        studentsTable.getColumns().add(textCol("Last graded", 130, r -> r.lastGraded()
                .map(t -> WHEN.format(t.atZone(ZoneId.systemDefault()))).orElse("")));
        studentsTable.setPlaceholder(new Label("No students to show"));
        studentsTable.setFixedCellSize(28);
        studentsTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                MatrixModel.Cell cur = vm.selectedCellProperty().get();
                if (cur == null || cur.row() != b.row()) {
                    int test = 0;
                    for (int t = 0; t < vm.matrix().testCount(); t++) {
                        if (MatrixModel.failing(vm.matrix().verdict(b.row(), t))) {
                            test = t;
                            break;
                        }
                    }
                    if (vm.matrix().testCount() > 0) vm.select(new MatrixModel.Cell(b.row(), test));
                }
            }
        });
        Label count = new Label();
        count.getStyleClass().add(Styles.MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> filtered.size() + " of " + vm.students().size() + " students",
                filtered, vm.students()));
        Label hint = new Label("Search in the toolbar filters by name or LMS id.");
        hint.getStyleClass().add(Styles.MUTED);
        HBox bar = new HBox(10, new Label("Show"), verdicts, count, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        VBox box = new VBox(bar, studentsTable);
        VBox.setVgrow(studentsTable, Priority.ALWAYS);
        return box;
    }

    private VBox testsPane() {
        testsTable.setId("tests-table");
        testsTable.getColumns().add(testCol("#", 50, t -> String.valueOf(indexOfTest(t) + 1)));
        testsTable.getColumns().add(testCol("Test", 220, TestCase::name));
        testsTable.getColumns().add(testCol("Group", 90, TestCase::group));
        testsTable.getColumns().add(testCol("Weight", 70, t -> fmt(t.weight())));
        testsTable.getColumns().add(testCol("Hidden", 70, t -> t.hidden() ? "hidden" : ""));
        testsTable.getColumns().add(testCol("Passed", 110, t -> {
            int i = indexOfTest(t);
            if (i < 0 || i >= vm.matrix().testCount()) return "";
            int g = vm.matrix().gradedCount(i);
            return g == 0 ? "-" : vm.matrix().passCount(i) + " / " + g + String.format(Locale.ROOT, "  (%.0f%%)", 100.0 * vm.matrix().passCount(i) / g);
        }));
        testsTable.getColumns().add(testCol("Checker", 200, t -> t.checker().map(c -> c.describe()).orElse("(assignment default)")));
        testsTable.setPlaceholder(new Label("Open an assignment to see its tests"));
        testsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox box = new VBox(testsTable);
        VBox.setVgrow(testsTable, Priority.ALWAYS);
        return box;
    }

    private int indexOfTest(TestCase t) {
        Assignment a = vm.assignmentProperty().get();
        return a == null ? -1 : a.tests().indexOf(t);
    }

    private static <T> TableColumn<T, String> testCol(String name, double w, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }

    private static TableColumn<StudentRow, String> textCol(String name, double w, Function<StudentRow, String> f) {
        return testCol(name, w, f);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private HBox statusBar() {
        ProgressBar bar = new ProgressBar();
        bar.setId("progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressFractionProperty());
        bar.visibleProperty().bind(vm.gradingProperty().or(vm.progressTextProperty().isNotEmpty()));
        Label progress = new Label();
        progress.setId("progress-text");
        progress.textProperty().bind(vm.progressTextProperty());
        Label db = new Label();
        db.getStyleClass().add(Styles.MUTED);
        db.textProperty().bind(vm.databaseStatusProperty());
        Hyperlink sandbox = new Hyperlink();
        sandbox.setId("sandbox-status");
        sandbox.textProperty().bind(vm.sandboxStatusProperty());
        FontIcon dot = new FontIcon("mdi2c-circle");
        dot.getStyleClass().add("gb-status-dot");
        vm.sandboxReadyProperty().addListener((o, a, b) -> dot.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("ready"), b));
        sandbox.setGraphic(dot);
        sandbox.setOnAction(e -> showComponents());
        sandbox.setTooltip(new Tooltip("Open the components dashboard"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox s = new HBox(12, bar, progress, grow, db, sandbox);
        s.setAlignment(Pos.CENTER_LEFT);
        s.getStyleClass().add(Styles.STATUS_BAR);
        s.setPadding(new Insets(3, 10, 3, 10));
        return s;
    }

    private VBox emptyState() {
        Label hello = new Label("Grade a batch of programs in a few clicks");
        hello.getStyleClass().add("gb-empty-title");
        Label sub = new Label("Gradebench compiles and runs every submission against every test in a sandbox, and shows why each one failed.");
        sub.getStyleClass().add(Styles.MUTED);
        sub.setWrapText(true);
        Node sample = card("mdi2s-school-outline", "Open a sample assignment",
                "A bundled assignment with its tests and a dozen student submissions, ready to grade.", "open-sample", () -> {
                    List<AssignmentEntry> samples = vm.assignments().stream().filter(AssignmentEntry::sample).toList();
                    if (samples.isEmpty()) {
                        vm.messageProperty().set(UserMessage.warning("No sample assignments were found next to the program.",
                                "Open your own assignment folder instead."));
                    } else {
                        vm.openAssignment(samples.get(0).folder());
                    }
                });
        Node folder = card("mdi2f-folder-open-outline", "Open an assignment folder or problem package",
                "assignment.yaml with tests/, or an ICPC / Kattis problem package (problem.yaml, data/).", "open-folder", this::chooseAssignment);
        Node drop = card("mdi2t-tray-arrow-down", "Drop an LMS export here",
                "A Moodle, Canvas or plain zip of submissions, or a folder with one entry per student. Open an assignment first.",
                "drop-card", this::chooseSubmissionsArchive);
        HBox cards = new HBox(16, sample, folder, drop);
        cards.setAlignment(Pos.CENTER);
        VBox box = new VBox(14, hello, sub, cards);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(940);
        VBox outer = new VBox(box);
        outer.setAlignment(Pos.CENTER);
        outer.getStyleClass().add(Styles.EMPTY_STATE);
        outer.setId("empty-state");
        return outer;
    }

    private Node card(String icon, String title, String text, String id, Runnable action) {
        FontIcon i = new FontIcon(icon);
        i.getStyleClass().add("gb-card-icon");
        Label t = new Label(title);
        t.getStyleClass().add(Styles.CARD_TITLE);
        t.setWrapText(true);
        Label d = new Label(text);
        d.getStyleClass().add(Styles.MUTED);
        d.setWrapText(true);
        VBox c = new VBox(10, i, t, d);
        c.getStyleClass().add(Styles.CARD);
        c.setId(id);
        c.setPadding(new Insets(20));
        c.setPrefWidth(290);
        c.setMinWidth(240);
        c.setMinHeight(190);
        t.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        d.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        c.setOnMouseClicked(e -> action.run());
        return c;
    }

    // ---------------------------------------------------------------- bindings

    private void bind() {
        matrix.setOnSelect(vm::select);
        vm.selectedCellProperty().addListener((o, a, b) -> {
            matrix.setSelected(b);
            detail.show(context(b));
        });
        vm.matrixRevisionProperty().addListener((o, a, b) -> {
            MatrixModel.Cell c = vm.selectedCellProperty().get();
            // a live result for the selected cell: show it
            if (c != null && detail.contextProperty().get() != null && c.row() < vm.matrix().rowCount()) {
                DetailViewModel.Context cur = detail.contextProperty().get();
                Optional<org.gradebench.core.grading.TestResult> now = vm.matrix().row(c.row()).result(c.test());
                if (!now.equals(cur.result())) detail.show(context(c));
            }
            testsTable.refresh();
        });
        vm.assignmentProperty().addListener((o, a, b) -> {
            testsTable.getItems().setAll(b == null ? List.of() : b.tests());
            assignmentList.refresh();
        });
        emptyState.visibleProperty().bind(vm.assignmentProperty().isNull());
        vm.summaryProperty().addListener((o, a, b) -> showSummary(b));
        showSummary(vm.summaryProperty().get());
        vm.messageProperty().addListener((o, a, b) -> showMessage(b));
        vm.importPreviewProperty().addListener((o, a, b) -> {
            if (b == null) return;
            // after the current event: a modal dialog must not open inside a property change
            new org.gradebench.ui.common.FxThread().later(() -> {
                Optional<ButtonType> choice = ImportPreviewDialog.show(stage, b);
                if (choice.isPresent() && choice.get() == ImportPreviewDialog.GRADE_NOW) vm.acceptImport(true);
                else if (choice.isPresent() && choice.get() == ImportPreviewDialog.LOAD) vm.acceptImport(false);
                else vm.discardImport();
            });
        });
        vm.comparisonProperty().addListener((o, a, b) -> {
            if (b != null) CompareView.show(stage, b);
        });
    }

    private Optional<DetailViewModel.Context> context(MatrixModel.Cell c) {
        Assignment a = vm.assignmentProperty().get();
        if (c == null || a == null || c.row() >= vm.matrix().rowCount() || c.test() >= a.tests().size()) return Optional.empty();
        MatrixModel.Row row = vm.matrix().row(c.row());
        return Optional.of(new DetailViewModel.Context(a, row.submission(), c.test(), row.result(c.test()), row.compile(),
                Optional.ofNullable(vm.sessionIdProperty().get()), row.score(), row.maxScore()));
    }

    private void showSummary(Summary s) {
        acceptedLabel.setText(s.submissions() == 0 ? "" : s.accepted() + " / " + s.submissions() + " accepted");
        verdictChips.getChildren().clear();
        for (Verdict v : Verdict.values()) {
            Integer n = s.verdicts().get(v);
            if (n == null || n == 0 || v == Verdict.AC) continue;
            Label chip = new Label(v.name() + " " + n);
            chip.getStyleClass().addAll(Styles.VERDICT_BADGE, Styles.verdict(v), "gb-chip");
            chip.setTooltip(new Tooltip(n + " submissions: " + v.description()));
            verdictChips.getChildren().add(chip);
        }
        verdictChips.setAlignment(Pos.CENTER_RIGHT);
        for (int i = 0; i < 10; i++) chartSeries.getData().get(i).setYValue(s.buckets()[i]);
        chart.setVisible(s.graded() > 0);
    }

    private void showMessage(UserMessage m) {
        banner.getChildren().clear();
        banner.getStyleClass().removeIf(c -> c.startsWith("gb-banner-"));
        if (m == null) {
            banner.setVisible(false);
            return;
        }
        String icon = switch (m.severity()) {
            case INFO -> "mdi2i-information-outline";
            case SUCCESS -> "mdi2c-check-circle-outline";
            case WARNING -> "mdi2a-alert-outline";
            case ERROR -> "mdi2a-alert-circle-outline";
        };
        banner.getStyleClass().add("gb-banner-" + m.severity().name().toLowerCase(Locale.ROOT));
        Label text = new Label(m.text());
        text.setId("banner-text");
        text.setWrapText(true);
        text.getStyleClass().add("gb-banner-text");
        Label action = new Label(m.action());
        action.setWrapText(true);
        action.getStyleClass().add("gb-banner-action");
        VBox words = new VBox(2, text);
        if (!m.action().isEmpty()) words.getChildren().add(action);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.getStyleClass().add("flat");
        close.setOnAction(e -> vm.messageProperty().set(null));
        banner.getChildren().addAll(new FontIcon(icon), words, close);
        banner.setVisible(true);
    }

    // ---------------------------------------------------------------- actions

    private void chooseAssignment() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open an assignment folder or problem package");
        File f = dc.showDialog(stage);
        if (f != null) vm.openAssignment(f.toPath());
    }

    private void chooseSubmissionsFolder() {
        if (vm.assignmentProperty().get() == null) {
            vm.requestImport(Path.of("."));
            return;
        }
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Import submissions: a folder with one subfolder or file per student");
        File f = dc.showDialog(stage);
        if (f != null) vm.requestImport(f.toPath());
    }

    private void chooseSubmissionsArchive() {
        if (vm.assignmentProperty().get() == null) {
            vm.requestImport(Path.of("."));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Import submissions: an LMS export or an archive");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Archives", "*.zip", "*.tar", "*.tar.gz", "*.tgz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(stage);
        if (f != null) vm.requestImport(f.toPath());
    }

    private void installDragAndDrop() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), true);
            }
            e.consume();
        });
        scene.setOnDragExited(e -> root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), false));
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) vm.dropped(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void installKeys() {
        // Single-letter shortcuts are handled here, before the menu accelerators (which only display them), and
        // never while the user types in a text field.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            if (e.getCode() == KeyCode.ESCAPE && vm.isGrading() && !typing) {
                vm.cancel();
                e.consume();
                return;
            }
            if (typing || e.isControlDown() || e.isShortcutDown() || e.isAltDown() || e.isMetaDown() || e.isShiftDown()) return;
            Runnable action = switch (e.getCode()) {
                case J -> () -> vm.nextFailing(true);
                case K -> () -> vm.nextFailing(false);
                case N -> vm::nextStudent;
                case R -> vm::regradeSelection;
                case D -> () -> detailPane().diffView().lookupAll("#diff-next").forEach(n -> ((Button) n).fire());
                default -> null;
            };
            if (action != null) {
                action.run();
                e.consume();
            }
        });
    }

    private void showComponents() {
        vm.refreshComponents();
        javafx.scene.control.Dialog<Void> d = new javafx.scene.control.Dialog<>();
        d.initOwner(stage);
        d.setTitle("Components");
        d.setResizable(true);
        ComponentsView view = new ComponentsView(vm);
        d.getDialogPane().setContent(view);
        d.getDialogPane().setPrefSize(900, 620);
        d.getDialogPane().setMinSize(900, 620);
        org.gradebench.ui.common.DialogTheme.apply(d, stage);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
    }

    private void confirmClose() {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Grading is still running. Results finished so far are saved; the rest will not be graded.",
                new ButtonType("Stop grading and close", javafx.scene.control.ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        a.initOwner(stage);
        org.gradebench.ui.common.DialogTheme.apply(a, stage);
        a.setHeaderText("Stop grading and close Gradebench?");
        a.showAndWait().filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).ifPresent(b -> {
            closeConfirmed = true;
            vm.cancel();
            saveLayout();
            stage.close();
        });
    }

    public void setDark(boolean dark) {
        darkItem.setSelected(dark);
        applyTheme.accept(dark);
        root.getStyleClass().remove("dark");
        if (dark) root.getStyleClass().add("dark");
        matrix.setPalette(dark ? VerdictPalette.dark() : VerdictPalette.light());
        prefs.setDarkTheme(dark);
    }

    public void saveLayout() {
        if (!stage.isMaximized() && !stage.isIconified()) {
            prefs.putDouble("window.width", stage.getWidth());
            prefs.putDouble("window.height", stage.getHeight());
            prefs.putDouble("window.x", stage.getX());
            prefs.putDouble("window.y", stage.getY());
        }
        if (horizontal.getDividerPositions().length > 0) prefs.putDouble("split.horizontal", horizontal.getDividerPositions()[0]);
        if (vertical.getDividerPositions().length > 0) prefs.putDouble("split.vertical", vertical.getDividerPositions()[0]);
        prefs.save();
    }

    public Parent root() {
        return root;
    }
}
