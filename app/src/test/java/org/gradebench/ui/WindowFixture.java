package org.gradebench.ui;

import javafx.stage.Stage;
import org.gradebench.AppServices;
import org.gradebench.GradebenchApp;
import org.gradebench.ui.common.UiPreferences;
import org.gradebench.ui.main.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real workbench window for a TestFX flow: real services (bwrap, compilers, H2 in a fresh folder under target/),
 * light theme, a window that fits Monocle's 1280 x 800 headless screen. Open it in the test's {@code @Start}, close it
 * in {@code @AfterEach}.
 */
final class WindowFixture {
    final AppServices services;
    final GradebenchApp.Opened opened;
    final MainViewModel vm;

    private WindowFixture(AppServices services, GradebenchApp.Opened opened) {
        this.services = services;
        this.opened = opened;
        this.vm = opened.viewModel();
    }

    /** {@code name} labels the test's folder under target/. */
    static WindowFixture open(Stage stage, String name) throws Exception {
        GradebenchApp.applyTheme(false);
        Path here = Path.of("target", name + "-" + System.nanoTime()).toAbsolutePath();
        AppServices services = new AppServices(new AppServices.Options(Optional.of(here.resolve("history")),
                Optional.empty(), 2));
        UiPreferences prefs = new UiPreferences(here.resolve("window.properties"));
        // the Monocle headless screen is 1280 x 800: a window larger than the screen breaks its framebuffer
        prefs.putDouble("window.width", 1260);
        prefs.putDouble("window.height", 780);
        prefs.putDouble("window.x", 0);
        prefs.putDouble("window.y", 0);
        return new WindowFixture(services, GradebenchApp.open(stage, services, prefs));
    }

    /** Cancels a running session, waits until the window has left "grading", closes the window and the services. */
    void close(FxRobot robot, Runnable alsoOnFx) throws Exception {
        robot.interact(() -> {
            if (vm.isGrading()) vm.cancel();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !onFx(vm::isGrading));
        robot.interact(() -> {
            alsoOnFx.run();
            opened.close();
        });
        services.close();
    }

    static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    static void waitFor(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
