package org.gradebench.core.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ExactCheckerTest {
    private static byte[] b(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t").replace("\\0", "\0")
                .getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "[{index}] {0} | answer={1} output={2}")
    @CsvSource(delimiter = '|', value = {
            "AC | 42\\n | 42\\n",
            "AC | 42\\n | 42",
            "AC | 42 | 42\\n",
            "AC | 42\\r\\n | 42",
            "AC | a\\nb\\n | a\\r\\nb\\r\\n",
            "AC | a\\r\\nb | a\\nb\\n",
            "AC | '' | ''",
            "AC | '' | \\n",
            "WA | 42\\n | 42\\n\\n",
            "WA | 42 | ' 42'",
            "WA | 42 | '42 '",
            "WA | Yes | yes",
            "WA | a\\nb | a\\rb",
            "WA | a b | a  b",
            "WA | 1 2 | 1\\t2",
            "WA | a\\nb\\n | a\\n",
            "WA | a\\n | a\\nb\\n",
            "WA | '' | x",
            "WA | a\\0 | a",
            "AC | a\\0b | a\\0b",
    })
    void verdicts(String verdict, String answer, String output) {
        CheckResult r = new ExactChecker().compare(b(answer), b(output));
        assertThat(r.status()).as(r.message()).isEqualTo(verdict.equals("AC") ? CheckResult.Status.ACCEPTED : CheckResult.Status.WRONG);
    }

    @Test
    void messagesNameLineAndColumn() {
        ExactChecker c = new ExactChecker();
        assertThat(c.compare(b("a\nhello world\n"), b("a\nhello  world\n")).message())
                .isEqualTo("line 2, column 7: expected 'hello world' but got 'hello  world'");
        assertThat(c.compare(b("a\nb\nc\n"), b("a\nb\n")).message()).isEqualTo("line 3: output ends early; expected 'c'");
        assertThat(c.compare(b("a\n"), b("a\nzzz\n")).message()).isEqualTo("line 2: extra output 'zzz'");
        assertThat(c.compare(new byte[] {'o', 'k'}, new byte[] {'o', (byte) 0xc3}).message()).contains("'o\\xc3'");
    }

    @Test
    void largeOutputsAreLinear() {
        byte[] a = new byte[32 << 20];
        for (int i = 0; i < a.length; i++) a[i] = (byte) (i % 10 == 9 ? '\n' : '0' + i % 10);
        long t0 = System.nanoTime();
        assertThat(new ExactChecker().compare(a, a.clone()).status()).isEqualTo(CheckResult.Status.ACCEPTED);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(20_000);
    }
}
