package org.gradebench;

import org.gradebench.core.run.Sandbox;
import org.gradebench.core.run.SandboxStatus;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/** Outside CI, tests that need a sandbox skip (saying why) where it is missing; under CI=true they fail instead. */
final class SandboxAssumptions {
    private SandboxAssumptions() {
    }

    static Sandbox bwrapOrSkip(AppServices services) {
        SandboxStatus s = services.bwrap().status();
        if (!s.usable()) {
            String why = "bubblewrap sandbox not usable: " + String.join("; ", s.details());
            if ("true".equals(System.getenv("CI"))) fail(why + " (CI=true: a missing sandbox is a failure)");
            Assumptions.abort(why);
        }
        return services.bwrap();
    }

    /** Docker with every image present (run-tests.sh starts a private engine and builds them). */
    static Sandbox dockerOrSkip(AppServices services) {
        var s = services.dockerStatus();
        boolean imagesMissing = s.images().stream().anyMatch(i -> !i.present()
                && java.util.List.of("python3", "c", "cpp", "java", "javascript").contains(i.profile()));
        if (!s.usable() || imagesMissing) {
            String why = "Docker not usable at " + s.endpoint() + ": " + String.join("; ", s.problems())
                    + (imagesMissing ? " (images missing: run `gradebench images build`)" : "");
            if ("true".equals(System.getenv("CI"))) fail(why + " (CI=true: a missing sandbox is a failure)");
            Assumptions.abort(why);
        }
        return services.docker();
    }
}
