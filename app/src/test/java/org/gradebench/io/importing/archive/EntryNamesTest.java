package org.gradebench.io.importing.archive;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "..\\..\\x", "a\\..\\..\\x", "/etc/passwd", "\\\\server\\share\\x",
            "C:\\Windows\\x", "c:/x", "a/\u0000../x/..", ".."})
    void refusesNamesThatLeaveTheRoot(String raw) {
        assertThatThrownBy(() -> EntryNames.parse(raw, 200, 1024))
                .isInstanceOf(EntryNames.UnsafeNameException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "src/Main.java|src/Main.java",
            "./src//Main.java|src/Main.java",
            "src\\win\\Main.java|src/win/Main.java",
            "a/./b/|a/b",
            "..a/b..|..a/b..",
            "Zoë Ångström, Jr./it's.py|Zoë Ångström, Jr./it's.py"})
    void keepsOrdinaryNames(String raw, String expected) throws Exception {
        assertThat(EntryNames.parse(raw, 200, 1024).joined()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0001b", "tab\there", "del\u007f", "c1\u0085"})
    void replacesControlCharacters(String raw) throws Exception {
        EntryNames.EntryPath p = EntryNames.parse(raw, 200, 1024);
        assertThat(p.renamed()).isTrue();
        assertThat(p.joined()).doesNotContainPattern("\\p{Cntrl}").contains("_");
    }

    @ParameterizedTest
    @ValueSource(strings = {"__MACOSX/a.py", "x/.DS_Store", "THUMBS.DB", "Desktop.ini", "src/._Main.java"})
    void recognisesJunk(String raw) throws Exception {
        assertThat(EntryNames.isJunk(EntryNames.parse(raw, 200, 1024).segments())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"main.py", ".gitignore", ".git/config", "MACOSX.txt"})
    void keepsNonJunk(String raw) throws Exception {
        assertThat(EntryNames.isJunk(EntryNames.parse(raw, 200, 1024).segments())).isFalse();
    }

    @org.junit.jupiter.api.Test
    void longNamesStayDistinctAndKeepTheirExtension() {
        String a = EntryNames.cleanSegment("a".repeat(300) + "1.java", 100);
        String b = EntryNames.cleanSegment("a".repeat(300) + "2.java", 100);
        assertThat(List.of(a, b)).allSatisfy(s -> assertThat(s).endsWith(".java").hasSizeLessThanOrEqualTo(100));
        assertThat(a).isNotEqualTo(b);
        assertThat(EntryNames.display("x\ny")).isEqualTo("x\\x0ay");
    }
}
