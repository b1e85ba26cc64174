package org.gradebench.core.check;

import java.nio.file.Path;
import java.util.List;

/**
 * Provides checkers for custom output validators (programs speaking the ICPC 42/43 protocol). The sandbox-backed
 * implementation is {@link SandboxCustomCheckerRunner}; closing the runner releases every sandbox session it opened.
 */
public interface CustomCheckerRunner extends AutoCloseable {

    /**
     * A checker running the validator whose sources are in {@code program} with the extra {@code flags}. Cheap to
     * call repeatedly: the validator is compiled at most once per runner (lazily, on the first check).
     */
    Checker checker(Path program, List<String> flags);

    @Override
    void close();

    /** A runner for when custom validators cannot run (no sandbox): every check is an ERROR naming the reason. */
    static CustomCheckerRunner unavailable(String reason) {
        return new CustomCheckerRunner() {
            @Override
            public Checker checker(Path program, List<String> flags) {
                return (input, expected, output) -> CheckResult.error("custom output validator "
                        + program.getFileName() + " cannot run: " + reason);
            }

            @Override
            public void close() {
            }
        };
    }
}
