package org.gradebench.io.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gradebench.core.assignment.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {
    @TempDir
    Path tmp;

    static final List<String> HURTING = List.of("Zoë Ångström", "O'Connor, Seán", "say \"hi\"", "12345", "",
            "line1\nline2", "crlf\r\nend", " leading space", "tab\there", "semi;colon", "back\\slash",
            "x".repeat(5000), "=1+1", "😀 emoji");

    @Test
    void writerRoundTripsThroughAnIndependentParserInEveryDialect() throws Exception {
        for (CsvDialect d : List.of(CsvDialect.rfc4180(false), new CsvDialect(',', CsvDialect.Quoting.PHP, true, "\n"),
                new CsvDialect(',', CsvDialect.Quoting.ALL, false, "\r\n"), new CsvDialect(';', CsvDialect.Quoting.MINIMAL, false, "\r\n"),
                new CsvDialect('\t', CsvDialect.Quoting.MINIMAL, false, "\n"))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (CsvWriter w = new CsvWriter(bytes, d)) {
                w.row(HURTING);
                w.row(List.of("a", "b"));
            }
            byte[] b = bytes.toByteArray();
            int off = d.bom() ? 3 : 0;
            if (d.bom()) assertThat(new byte[]{b[0], b[1], b[2]}).containsExactly(0xEF, 0xBB, 0xBF);
            String text = new String(b, off, b.length - off, StandardCharsets.UTF_8);
            List<List<String>> parsed = new ArrayList<>();
            try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setDelimiter(d.delimiter()).get())) {
                for (CSVRecord r : p) parsed.add(r.toList());
            }
            assertThat(parsed).as(d.toString()).containsExactly(HURTING, List.of("a", "b"));
            // and our own reader agrees
            CsvTable t = CsvTable.parse(tmp.resolve("x.csv"), text, d.bom());
            assertThat(t.header()).isEqualTo(HURTING);
            assertThat(t.dialect().delimiter()).isEqualTo(d.delimiter());
            assertThat(t.rows().get(0).subList(0, 2)).containsExactly("a", "b");
        }
    }

    @Test
    void readerAcceptsBomCrlfSemicolonsAndMultilineCells() throws Exception {
        Path f = tmp.resolve("w.csv");
        Files.write(f, ("\uFEFFIdentifier;\"Full name\";Grade\r\n\"Participant 1\";\"Ann\r\nB\";\"7,50\"\r\n\r\n\"Participant 2\";x;\r\n")
                .getBytes(StandardCharsets.UTF_8));
        CsvTable t = CsvTable.read(f);
        assertThat(t.dialect().bom()).isTrue();
        assertThat(t.dialect().delimiter()).isEqualTo(';');
        assertThat(t.dialect().lineEnding()).isEqualTo("\r\n");
        assertThat(t.header()).containsExactly("Identifier", "Full name", "Grade");
        assertThat(t.rows()).containsExactly(List.of("Participant 1", "Ann\r\nB", "7,50"), List.of("Participant 2", "x", ""));
        assertThat(t.lines()).containsExactly(2, 5);
        assertThat(t.column("full NAME")).isEqualTo(1);
    }

    @Test
    void badFilesAreRejectedWithLineNumbers() throws Exception {
        Path open = tmp.resolve("open.csv");
        Files.writeString(open, "a,b\n1,\"unterminated\n2,3\n");
        assertThatThrownBy(() -> CsvTable.read(open)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("open.csv:2").hasMessageContaining("never closed");
        Path wide = tmp.resolve("wide.csv");
        Files.writeString(wide, "a,b\n1,2\n1,2,3\n");
        assertThatThrownBy(() -> CsvTable.read(wide)).isInstanceOf(InvalidInputException.class).hasMessageContaining("wide.csv:3");
        Path utf16 = tmp.resolve("gc.xls");
        Files.write(utf16, concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, "a\tb\n".getBytes(StandardCharsets.UTF_16LE)));
        assertThatThrownBy(() -> CsvTable.read(utf16)).isInstanceOf(InvalidInputException.class).hasMessageContaining("UTF-16");
        Path latin1 = tmp.resolve("l.csv");
        Files.write(latin1, "Name\nZo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CsvTable.read(latin1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("not UTF-8");
        Path empty = tmp.resolve("e.csv");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> CsvTable.read(empty)).isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }

    @Test
    void textHelpers() {
        assertThat(Texts.number(7.5, 2, '.')).isEqualTo("7.50");
        assertThat(Texts.number(2.675, 2, ',')).isEqualTo("2,68");
        assertThat(Texts.number(1e-9, 2, '.')).isEqualTo("0.00");
        assertThat(Texts.safeText("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(Texts.safeText("-3")).isEqualTo("-3");
        assertThat(Texts.safeText("@x")).isEqualTo("'@x");
        assertThat(Texts.nameKey("Ångström, Zoë")).isEqualTo(Texts.nameKey("Zoë Ångström"));
        assertThat(Texts.nameKey("Seán O'Connor")).isEqualTo(Texts.nameKey("Seán OConnor"));
        assertThat(Texts.nameKey("Mary_Ann Li")).isEqualTo(Texts.nameKey("Mary Ann Li"));
        assertThat(Texts.moodleCleanFilename("Tom's <b>\"notes\"</b>: a|b/c\\d&e`f")).isEqualTo("Toms bnotesb abcdef");
        assertThat(Texts.safeFileName("../../etc/passwd", 100)).doesNotContain("/").doesNotStartWith(".");
        assertThat(Texts.safeFileName("CON", 100)).isEqualTo("_CON");
        assertThat(Texts.safeFileName("x".repeat(300), 100)).hasSize(100);
        assertThat(Texts.html("<script>alert('x')</script>&\"")).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;");
        assertThat(Texts.visibleControls("a\u001b[2Jb\u0000c\n\td\u202e")).isEqualTo("a\\x1b[2Jb\\x00c\n\td\\u202e");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
