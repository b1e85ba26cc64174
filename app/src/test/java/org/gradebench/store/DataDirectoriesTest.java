package org.gradebench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoriesTest {

    @ParameterizedTest(name = "{0} XDG_DATA_HOME={1} APPDATA={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "Linux,      -,              -,                   /home/ta/.local/share/gradebench",
            "Linux,      /data/xdg,      -,                   /data/xdg/gradebench",
            "Linux,      '  ',           -,                   /home/ta/.local/share/gradebench",
            // the XDG spec: a relative XDG_DATA_HOME is invalid and ignored
            "Linux,      relative/dir,   -,                   /home/ta/.local/share/gradebench",
            "FreeBSD,    /data/xdg,      -,                   /data/xdg/gradebench",
            "Mac OS X,   /data/xdg,      -,                   '/home/ta/Library/Application Support/Gradebench'",
            "Windows 11, -,              /roaming,            /roaming/Gradebench",
            "Windows 10, -,              -,                   /home/ta/AppData/Roaming/Gradebench",
    })
    void followsEachPlatformsConvention(String os, String xdg, String appData, String expected) {
        Map<String, String> env = new HashMap<>();
        if (xdg != null) env.put("XDG_DATA_HOME", xdg);
        if (appData != null) env.put("APPDATA", appData);
        DataDirectories dirs = new DataDirectories(os, env, Path.of("/home/ta"));
        assertThat(dirs.dataDirectory()).isEqualTo(Path.of(expected));
        assertThat(dirs.historyDatabase()).isEqualTo(Path.of(expected, "history"));
    }

    @Test
    void forCurrentUserLivesUnderAnAbsoluteDirectory() {
        assertThat(DataDirectories.forCurrentUser().dataDirectory()).isAbsolute();
    }
}
