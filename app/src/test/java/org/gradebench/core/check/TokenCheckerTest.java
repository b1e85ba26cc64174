package org.gradebench.core.check;

import org.gradebench.core.assignment.CheckerSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCheckerTest {

    /** flags: c = case_sensitive, s = space_change_sensitive, a=X absolute, r=X relative (comma-free, ';'-separated). */
    private static TokenChecker checker(String flags) {
        boolean cs = false;
        boolean sc = false;
        Optional<Double> abs = Optional.empty();
        Optional<Double> rel = Optional.empty();
        if (flags != null) {
            for (String f : flags.split(";")) {
                f = f.trim();
                if (f.equals("c")) cs = true;
                else if (f.equals("s")) sc = true;
                else if (f.startsWith("a=")) abs = Optional.of(Double.parseDouble(f.substring(2)));
                else if (f.startsWith("r=")) rel = Optional.of(Double.parseDouble(f.substring(2)));
                else if (f.startsWith("t=")) {
                    abs = Optional.of(Double.parseDouble(f.substring(2)));
                    rel = abs;
                } else if (!f.isEmpty()) throw new IllegalArgumentException(f);
            }
        }
        return new TokenChecker(cs, sc, abs, rel);
    }

    private static byte[] b(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t").replace("\\0", "\0")
                .getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "[{index}] {0} | answer={1} output={2} flags={3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // verdict | answer | output | flags
            "AC | 1 2 3\\n | 1 2 3\\n | ",
            "AC | 1 2 3\\n | 1   2\\n\\n3 | ",
            "AC | 1 2 3\\n | '  1 2 3  \\n\\n' | ",
            "AC | 1 2 3 | 1 2 3\\n | ",
            "AC | 1 2 3\\n | 1 2 3 | ",
            "AC | a\\r\\nb\\r\\n | a\\nb\\n | ",
            "AC | a\\nb\\n | a\\r\\nb\\r\\n | ",
            "AC | '' | '' | ",
            "AC | '' | ' \\n\\t ' | ",
            "WA | '' | x | ",
            "WA | 7\\n | '' | ",
            "WA | 7\\n | -7\\n | ",
            "WA | 1 2 3\\n | 1 2\\n | ",
            "WA | 1 2\\n | 1 2 3\\n | ",
            // case
            "AC | Yes\\n | YES\\n | ",
            "AC | Yes\\n | yes\\n | ",
            "WA | Yes\\n | YES\\n | c",
            "AC | Yes\\n | Yes\\n | c",
            // non-ASCII letters are not case-folded (C locale strcasecmp)
            "WA | ÄBC\\n | äbc\\n | ",
            "AC | ÄBC\\n | Äbc\\n | ",
            // space change sensitive
            "AC | 1 2\\n3\\n | 1 2\\n3\\n | s",
            "WA | 1 2\\n3\\n | 1  2\\n3\\n | s",
            "WA | 1 2\\n3\\n | 1 2 3\\n | s",
            "WA | 1 2\\n3\\n | 1 2\\n3 | s",
            "WA | 1 2\\n3\\n | 1 2\\n3\\n\\n | s",
            "WA | 1 2\\n3\\n | ' 1 2\\n3\\n' | s",
            "WA | a\\nb\\n | a\\r\\nb\\r\\n | s",
            "AC | a\\r\\nb\\r\\n | a\\r\\nb\\r\\n | s",
            "WA | Yes\\n | yes \\n | s",
            "AC | Yes\\n | yes\\n | s",
            // no float tolerance: numbers are strings
            "WA | 1.0\\n | 1\\n | ",
            "WA | 0\\n | -0\\n | ",
            "AC | 0.5\\n | 0.5\\n | ",
            // absolute tolerance
            "AC | 1.0\\n | 1\\n | a=1e-6",
            "AC | 0.1\\n | 0.100001\\n | a=1e-6",
            "WA | 0.1\\n | 0.1000011\\n | a=1e-6",
            "AC | 0.1\\n | 0.0999990\\n | a=1e-6",
            "WA | 0.1\\n | 0.099998\\n | a=1e-6",
            "AC | 0\\n | -0\\n | a=1e-6",
            "AC | -0\\n | 0.0000000\\n | a=1e-6",
            "AC | 1e-7\\n | 0\\n | a=1e-6",
            "AC | 1.5e3\\n | 1500.0000001\\n | a=1e-6",
            "AC | 1500\\n | 1.5E+3\\n | a=1e-6",
            "AC | 1500\\n | +1.5e3\\n | a=1e-6",
            "AC | .5\\n | 0.5\\n | a=1e-6",
            "AC | 0.5\\n | 5.e-1\\n | a=1e-6",
            "AC | 8\\n | 0x1p3\\n | a=1e-6",
            "AC | 0x10\\n | 16\\n | a=1e-6",
            "WA | 1\\n | one\\n | a=1e-6",
            "WA | 1\\n | 1e\\n | a=1e-6",
            "WA | 1\\n | 1.0.0\\n | a=1e-6",
            "WA | 1\\n | 1d\\n | a=1e-6",
            "WA | 1\\n | 0x\\n | a=1e-6",
            // relative tolerance
            "AC | 1000000\\n | 1000001\\n | r=1e-6",
            "WA | 1000000\\n | 1000002\\n | r=1e-6",
            "WA | 0\\n | 1e-300\\n | r=1e-6",
            "AC | 0\\n | 0.0\\n | r=1e-6",
            // relative is against the ANSWER
            "WA | 1\\n | 2\\n | r=0.6",
            "AC | 2\\n | 1\\n | r=0.6",
            // float_tolerance sets both
            "AC | 1000000\\n | 1000001\\n | t=1e-6",
            "AC | 0\\n | 0.000001\\n | t=1e-6",
            "WA | 0\\n | 0.0000011\\n | t=1e-6",
            // NaN and infinities
            "AC | nan\\n | NaN\\n | t=1e-6",
            "WA | nan\\n | 0\\n | t=1e-6",
            "WA | 0\\n | nan\\n | t=1e-6",
            "AC | inf\\n | Infinity\\n | t=1e-6",
            "AC | -inf\\n | -INF\\n | t=1e-6",
            "WA | inf\\n | -inf\\n | t=1e-6",
            "WA | inf\\n | 1e308\\n | t=1e-6",
            "WA | 1e308\\n | inf\\n | t=1e-6",
            "AC | 1e400\\n | 1e400\\n | t=1e-6",
            // non-float answer tokens are compared as strings, case per the flag
            "AC | Case 1: 0.5\\n | case 1: 0.5000001\\n | t=1e-6",
            "WA | Case 1: 0.5\\n | case 1: 0.5000001\\n | c;t=1e-6",
            "AC | Case 1: 0.5\\n | Case 1: 0.5000001\\n | c;t=1e-6",
            // NUL bytes and control characters are token bytes
            "AC | a\\0b\\n | a\\0b\\n | ",
            "WA | ab\\n | a\\0b\\n | ",
            "WA | ab\\n | a b\\n | ",
    })
    void verdicts(String verdict, String answer, String output, String flags) {
        CheckResult r = checker(flags).compare(b(answer), b(output));
        assertThat(r.status()).as(r.message()).isEqualTo(verdict.equals("AC") ? CheckResult.Status.ACCEPTED : CheckResult.Status.WRONG);
        if (verdict.equals("WA")) assertThat(r.message()).isNotBlank();
    }

    @Test
    void messagesNameTheLineAndTheTokens() {
        TokenChecker c = checker(null);
        assertThat(c.compare(b("1\n2\n7\n"), b("1\n2\n-7\n")).message()).isEqualTo("line 3: expected '7' but got '-7'");
        assertThat(c.compare(b("1 2 3 4 5 6 7 8 9 10 11 12 13\n"), b("1 2 3 4 5 6 7 8 9 10 11 12\n")).message())
                .startsWith("output ends early after token 12").contains("expected '13'");
        assertThat(c.compare(b("1\n"), b("1\n\nextra\n")).message()).isEqualTo("line 3: extra output after the 1 expected token(s): 'extra'");
        assertThat(checker("a=1e-6").compare(b("0.1"), b("0.2")).message())
                .isEqualTo("line 1: expected '0.1' but got '0.2' (difference 0.1 exceeds absolute tolerance 1.0E-6)");
        assertThat(checker("s").compare(b("1 2\n"), b("1\t2\n")).message()).contains("expected a space but got a tab");
    }

    @Test
    void invalidUtf8AndNulAreShownEscapedAndComparedAsBytes() {
        byte[] answer = {'o', 'k', '\n'};
        byte[] output = {'o', (byte) 0xff, 0, '\n'};
        CheckResult r = checker(null).compare(answer, output);
        assertThat(r.status()).isEqualTo(CheckResult.Status.WRONG);
        assertThat(r.message()).isEqualTo("line 1: expected 'ok' but got 'o\\xff\\0'");
        assertThat(checker(null).compare(output, output.clone()).status()).isEqualTo(CheckResult.Status.ACCEPTED);
    }

    @Test
    void longTokensAreCutInMessages() {
        String longToken = "x".repeat(10_000);
        CheckResult r = checker(null).compare(b(longToken), b(longToken + "y"));
        assertThat(r.message()).hasSizeLessThan(200).contains("...");
    }

    /** Bounds are loose on purpose (shared, loaded machines); they catch quadratic behaviour, not slowness. */
    @Test
    void hugeOutputsAreLinear() {
        // 64 MiB-class inputs: 8M tokens of "123 " against the same with CRLF line breaks; must finish fast.
        int n = 4_000_000;
        byte[] answer = new byte[n * 4];
        byte[] output = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            System.arraycopy(new byte[] {'1', '2', '3', '\n'}, 0, answer, i * 4, 4);
            System.arraycopy(new byte[] {'1', '2', '3', (byte) (i % 2 == 0 ? ' ' : '\n')}, 0, output, i * 4, 4);
        }
        long t0 = System.nanoTime();
        assertThat(checker(null).compare(answer, output).status()).isEqualTo(CheckResult.Status.ACCEPTED);
        assertThat(checker("t=1e-6").compare(answer, output).status()).isEqualTo(CheckResult.Status.ACCEPTED);
        output[output.length - 2] = '4';
        assertThat(checker(null).compare(answer, output).message()).contains("expected '123' but got '124'");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms for 3 x 16 MiB").isLessThan(30_000);
    }

    @Test
    void aMillionDifferentlyWrittenFloats() {
        StringBuilder a = new StringBuilder();
        StringBuilder o = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) {
            a.append(i).append(".5\n");
            o.append(i).append(".5000001 ");
        }
        long t0 = System.nanoTime();
        assertThat(checker("t=1e-6").compare(b(a.toString()), b(o.toString())).status()).isEqualTo(CheckResult.Status.ACCEPTED);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms for 1M float comparisons").isLessThan(20_000);
    }

    @Test
    void oneTokenOf16MiBWithoutWhitespace() {
        byte[] big = new byte[16 << 20];
        Arrays.fill(big, (byte) '9');
        assertThat(checker("t=1e-6").compare(big, big.clone()).status()).isEqualTo(CheckResult.Status.ACCEPTED);
    }

    @Test
    void readsTheExpectedFile(@TempDir Path dir) throws Exception {
        Path ans = Files.writeString(dir.resolve("1.ans"), "42\n");
        Checker c = Checkers.create(CheckerSpec.tokens(), CustomCheckerRunner.unavailable("test"));
        assertThat(c.check(dir.resolve("1.in"), ans, b("42")).status()).isEqualTo(CheckResult.Status.ACCEPTED);
        assertThat(c.check(dir.resolve("1.in"), dir.resolve("missing.ans"), b("42")).status()).isEqualTo(CheckResult.Status.ERROR);
        Checker f = Checkers.create(CheckerSpec.floats(1e-6, 1e-6), null);
        assertThat(f.check(dir.resolve("1.in"), ans, b("42.0000001")).status()).isEqualTo(CheckResult.Status.ACCEPTED);
        assertThat(List.of(Checkers.create(CheckerSpec.exact(), null))).first().isInstanceOf(ExactChecker.class);
    }
}
