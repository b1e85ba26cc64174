package org.gradebench.core.check;

import org.gradebench.core.assignment.CheckerSpec;

import java.util.Objects;

/** Turns a {@link CheckerSpec} (data) into a {@link Checker}. */
public final class Checkers {
    private Checkers() {
    }

    /**
     * @param custom builds checkers for {@link CheckerSpec.Type#CUSTOM} specs (a sandbox-backed
     *               {@link SandboxCustomCheckerRunner}, or {@link CustomCheckerRunner#unavailable} when no sandbox
     *               can be used, which turns every custom check into an ERROR with the reason)
     */
    public static Checker create(CheckerSpec spec, CustomCheckerRunner custom) {
        Objects.requireNonNull(spec, "spec");
        return switch (spec.type()) {
            case EXACT -> new ExactChecker();
            case TOKENS -> new TokenChecker(spec.caseSensitive(), spec.spaceChangeSensitive(), spec.absoluteTolerance(),
                    spec.relativeTolerance());
            case CUSTOM -> Objects.requireNonNull(custom, "custom checker runner").checker(spec.program().orElseThrow(), spec.flags());
        };
    }
}
