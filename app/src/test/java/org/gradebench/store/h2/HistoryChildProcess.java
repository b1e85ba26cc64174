package org.gradebench.store.h2;

import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A second JVM for the crash and lock tests. Talks to the test over stdout with prefixed lines (logging may also
 * write there):
 * <ul>
 *   <li>{@code record DB}: starts a session, then records test results one by one forever, printing
 *       {@code COMMITTED <session> <index>} after each write returned; the test kills it.</li>
 *   <li>{@code hold DB}: opens the history, prints {@code READY <pid>}, and keeps it open until stdin closes.</li>
 * </ul>
 */
public final class HistoryChildProcess {

    private HistoryChildProcess() {
    }

    /** The stdout of test {@code i}: binary on purpose (NUL, invalid UTF-8) and distinct per index. */
    static byte[] stdoutOf(int i) {
        byte[] text = ("result " + i + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 3];
        System.arraycopy(text, 0, out, 0, text.length);
        out[text.length] = 0;
        out[text.length + 1] = (byte) 0xFF;
        out[text.length + 2] = (byte) i;
        return out;
    }

    static TestResult resultOf(int i) {
        RunResult run = new RunResult(RunResult.Outcome.EXITED, i % 3, 0, i, i + 1, 1000 + i, false, 0,
                new CapturedOutput(stdoutOf(i), i % 2 == 0), CapturedOutput.EMPTY, Map.of(), "");
        return new TestResult("test-" + i, i % 3 == 0 ? Verdict.AC : Verdict.RE, run, "message " + i);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path db = Path.of(args[1]);
        switch (args[0]) {
            case "record" -> {
                // deliberately never closed: the test kills this process
                H2RunHistory history = H2RunHistory.open(db);
                long session = history.startSession(HistoryFixtures.session());
                history.recordSubmission(session, HistoryFixtures.plain("victim"), "h");
                out.println("SESSION " + session);
                for (int i = 0; ; i++) {
                    history.recordTest(session, "victim", i, resultOf(i));
                    out.println("COMMITTED " + session + " " + i);
                }
            }
            case "hold" -> {
                try (H2RunHistory history = H2RunHistory.open(db)) {
                    out.println("READY " + ProcessHandle.current().pid() + " " + history.schemaVersion());
                    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    while (in.readLine() != null) {
                        // wait for the test to close stdin
                    }
                }
                out.println("CLOSED");
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
