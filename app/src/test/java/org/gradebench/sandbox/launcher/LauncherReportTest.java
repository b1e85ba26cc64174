package org.gradebench.sandbox.launcher;

import org.gradebench.core.run.CapturedOutput;
import org.gradebench.core.run.RunResult;
import org.gradebench.core.run.SandboxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherReportTest {
    private static final String OK = "{\"exited\":true,\"code\":3,\"signal\":0,\"wall_timeout\":false,"
            + "\"cpu_timeout\":false,\"mem_killed\":false,\"cpu_ms\":120,\"wall_ms\":130,\"maxrss_kb\":9000,"
            + "\"exec_errno\":0,\"exec_stage\":\"\",\"killed_others\":2}\n";

    @Test
    void parsesAnExit() throws Exception {
        LauncherReport r = LauncherReport.parse(OK);
        assertThat(r).isEqualTo(new LauncherReport(true, 3, 0, false, false, false, 120, 130, 9000, 0, "", 2));
        CapturedOutput out = new CapturedOutput("x".getBytes(StandardCharsets.UTF_8), false);
        RunResult rr = r.toRunResult(out, CapturedOutput.EMPTY, Map.of());
        assertThat(rr.outcome()).isEqualTo(RunResult.Outcome.EXITED);
        assertThat(rr.exitCode()).isEqualTo(3);
        assertThat(rr.signal()).isZero();
        assertThat(rr.cpuMs()).isEqualTo(120);
        assertThat(rr.wallMs()).isEqualTo(130);
        assertThat(rr.peakMemoryKb()).isEqualTo(9000);
        assertThat(rr.stdout()).isEqualTo(out);
    }

    @Test
    void parsesASignalAndTimeouts() throws Exception {
        LauncherReport r = LauncherReport.parse("bwrap: noise\n{\"exited\":false,\"code\":-1,\"signal\":9,"
                + "\"wall_timeout\":true,\"cpu_timeout\":true,\"mem_killed\":true,\"cpu_ms\":1001,\"wall_ms\":2000,"
                + "\"maxrss_kb\":300000,\"exec_errno\":0,\"exec_stage\":\"\",\"killed_others\":0}\n\n");
        assertThat(r.wallTimeout()).isTrue();
        assertThat(r.cpuTimeout()).isTrue();
        assertThat(r.memKilled()).isTrue();
        RunResult rr = r.toRunResult(CapturedOutput.EMPTY, CapturedOutput.EMPTY, Map.of());
        assertThat(rr.outcome()).isEqualTo(RunResult.Outcome.SIGNALED);
        assertThat(rr.signal()).isEqualTo(9);
        assertThat(rr.exitCode()).isEqualTo(-1);
        assertThat(rr.wallTimedOut()).isTrue();
    }

    @Test
    void execFailureIsALaunchErrnoButSetupFailureIsASandboxError() throws Exception {
        String exec = OK.replace("\"code\":3", "\"code\":127").replace("\"exec_errno\":0", "\"exec_errno\":2")
                .replace("\"exec_stage\":\"\"", "\"exec_stage\":\"exec\"");
        RunResult rr = LauncherReport.parse(exec).toRunResult(CapturedOutput.EMPTY, CapturedOutput.EMPTY, Map.of());
        assertThat(rr.outcome()).isEqualTo(RunResult.Outcome.EXITED);
        assertThat(rr.launchErrno()).isEqualTo(2);

        String setup = exec.replace("\"exec_stage\":\"exec\"", "\"exec_stage\":\"stdout\"");
        LauncherReport lr = LauncherReport.parse(setup);
        assertThat(lr.setupFailed()).isTrue();
        RunResult se = lr.toRunResult(CapturedOutput.EMPTY, CapturedOutput.EMPTY, Map.of());
        assertThat(se.outcome()).isEqualTo(RunResult.Outcome.SANDBOX_ERROR);
        assertThat(se.diagnostics()).contains("stdout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "garbage", "{\"exited\":true", "[1,2]", "{}",
            "{\"exited\":\"yes\",\"code\":0,\"signal\":0,\"wall_timeout\":false,\"cpu_timeout\":false,"
                    + "\"mem_killed\":false,\"cpu_ms\":1,\"wall_ms\":1,\"maxrss_kb\":1,\"exec_errno\":0,"
                    + "\"killed_others\":0}",
            "{\"exited\":true,\"code\":0,\"signal\":0,\"wall_timeout\":false,\"cpu_timeout\":false,"
                    + "\"mem_killed\":false,\"cpu_ms\":1.5,\"wall_ms\":1,\"maxrss_kb\":1,\"exec_errno\":0,"
                    + "\"killed_others\":0}"})
    void garbageIsASandboxException(String text) {
        assertThatThrownBy(() -> LauncherReport.parse(text)).isInstanceOf(SandboxException.class);
    }

    @Test
    void aValidLineFollowedByGarbageIsRejected() {
        assertThatThrownBy(() -> LauncherReport.parse(OK + "{\"forged\":true}\n")).isInstanceOf(SandboxException.class);
    }
}
