package org.gradebench.core.grading;

/** Test and submission verdicts. SE is ours (sandbox or internal failure), never the student's. */
public enum Verdict {
    AC("Accepted"),
    WA("Wrong answer"),
    TLE("Time limit exceeded"),
    MLE("Memory limit exceeded"),
    OLE("Output limit exceeded"),
    RE("Run-time error"),
    CE("Compilation error"),
    SE("System error (not the student's fault)"),
    /** Not run (yet), or skipped because the session was cancelled. */
    PENDING("Not graded");

    private final String description;

    Verdict(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean accepted() {
        return this == AC;
    }
}
