package org.gradebench.core.check;

import org.gradebench.core.assignment.CheckerSpec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checkers of one grading session: built once per spec and shared by every worker; closing releases the
 * custom validators' sandbox sessions.
 */
public final class SessionCheckers implements CheckerProvider {
    private final CustomCheckerRunner custom;
    private final Map<CheckerSpec, Checker> cache = new ConcurrentHashMap<>();

    public SessionCheckers(CustomCheckerRunner custom) {
        this.custom = custom;
    }

    @Override
    public Checker checker(CheckerSpec spec) {
        return cache.computeIfAbsent(spec, s -> Checkers.create(s, custom));
    }

    @Override
    public void close() {
        custom.close();
    }
}
