package org.gradebench;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.gradebench.store.DataDirectories;
import org.gradebench.ui.common.FirstFrame;
import org.gradebench.ui.common.FxThread;
import org.gradebench.ui.common.UiPreferences;
import org.gradebench.ui.detail.DetailViewModel;
import org.gradebench.ui.main.MainViewModel;
import org.gradebench.ui.main.MainWindow;
import org.gradebench.ui.main.ScreenshotTour;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The JavaFX application: builds the services, the ViewModels and the main window; closes everything on exit.
 *
 * <p>Parameters: {@code --db=PATH} (history database), {@code --profiles=DIR}. System properties:
 * {@code gradebench.screenshots=DIR} runs the screenshot tour (open a sample, grade, select a failure, save PNGs)
 * and exits.</p>
 */
public final class GradebenchApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(GradebenchApp.class);

    private AppServices services;
    private Opened opened;

    /** Called by {@link Launcher} (and the CLI) to open the window. Blocks until the window is closed. */
    public static void launchApp(String[] args) {
        org.gradebench.ui.common.JavaFxLog.quietClasspathWarning();
        Application.launch(GradebenchApp.class, args);
    }

    /** Everything one window needs, built together; {@link #close()} releases the background threads. */
    public record Opened(MainViewModel viewModel, DetailViewModel detail, MainWindow window, ExecutorService background)
            implements AutoCloseable {
        @Override
        public void close() {
            window.saveLayout();
            background.shutdownNow();
            try {
                background.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Builds the window on {@code stage} over {@code services} and shows it (the TestFX flows use this with a
     * temporary database and preferences file). Call on the FX thread.
     */
    public static Opened open(Stage stage, AppServices services, UiPreferences prefs) {
        ExecutorService background = Executors.newFixedThreadPool(3, services.threads());
        AppWorkbench workbench = new AppWorkbench(services);
        FxThread fx = new FxThread();
        MainViewModel vm = new MainViewModel(workbench, prefs, fx, background, Clock.systemUTC());
        DetailViewModel detail = new DetailViewModel(workbench, fx, background);
        MainWindow window = new MainWindow(stage, vm, detail, GradebenchApp::applyTheme);
        stage.show();
        vm.start();
        // the detail pane and the component probes (bwrap, Docker, toolchain versions, database size) are not needed
        // for the first frame: they start once it is on screen instead of competing with it for the CPU
        // (queued after the pulse, so that the start-up log line of start() measures the first frame alone)
        FirstFrame.after(() -> fx.later(() -> {
            window.buildDeferredViews();
            vm.refreshComponents();
        }));
        return new Opened(vm, detail, window, background);
    }

    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void start(Stage stage) {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        log.info("toolkit up {} ms after the JVM started", System.currentTimeMillis() - jvmStart);
        applyTheme(false);
        List<String> raw = getParameters().getRaw();
        Optional<Path> db = option(raw, "--db").map(Path::of);
        Optional<Path> profiles = option(raw, "--profiles").map(Path::of);
        try {
            services = new AppServices(new AppServices.Options(db, profiles, 0));
        } catch (AppServices.StartupException e) {
            log.error("cannot start", e);
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage() + "\n\nDetails are in the log file "
                    + LogDirectory.path().resolve("gradebench.log") + ".");
            a.setHeaderText("Gradebench cannot start");
            a.showAndWait();
            Platform.exit();
            return;
        }
        log.info("services ready {} ms after the JVM started", System.currentTimeMillis() - jvmStart);
        Path prefsFile = Optional.ofNullable(System.getProperty("gradebench.uiPrefs")).map(Path::of)
                .orElseGet(() -> DataDirectories.forCurrentUser().dataDirectory().resolve("window.properties"));
        opened = open(stage, services, new UiPreferences(prefsFile));
        log.info("window built and shown {} ms after the JVM started", System.currentTimeMillis() - jvmStart);
        // the start-up figure in the README: JVM start to the first frame of the window on screen
        FirstFrame.after(() -> {
            // the process's CPU time says how much work start-up is, whatever else runs on the machine
            long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
            log.info("first frame shown {} ms after the JVM started (process CPU time {} ms)",
                    System.currentTimeMillis() - jvmStart, cpuMs);
            // -Dgradebench.startupProbe=true: measure start-up and quit (for the README figure)
            if (Boolean.getBoolean("gradebench.startupProbe")) Platform.exit();
        });
        String shots = System.getProperty("gradebench.screenshots");
        if (shots != null) {
            new ScreenshotTour(opened.viewModel(), opened.detail(), opened.window(), stage, Path.of(shots)).start();
        }
    }

    private static Optional<String> option(List<String> raw, String name) {
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            if (a.startsWith(name + "=")) return Optional.of(a.substring(name.length() + 1));
            if (a.equals(name) && i + 1 < raw.size()) return Optional.of(raw.get(i + 1));
        }
        return Optional.empty();
    }

    @Override
    public void stop() {
        if (opened != null) opened.close();
        if (services != null) services.close();
    }
}
