package org.gradebench.sandbox.docker;

/** Labels on every container Gradebench creates; {@link DockerReaper} finds leftovers by them. */
public final class DockerLabels {
    /** The session (one per {@code Sandbox.open}) that owns the container: a random UUID. */
    public static final String SESSION = "gradebench.session";
    /** What the container is for: {@link #KIND_RUN} for sandbox sessions. */
    public static final String KIND = "gradebench.kind";
    public static final String KIND_RUN = "run";
    /** The process that created it: {@code host:pid:startMillis}, so a reaper can tell a live owner from a crashed one. */
    public static final String OWNER = "gradebench.owner";
    /** A human hint (submission id), for {@code docker ps}. */
    public static final String LABEL = "gradebench.label";

    private DockerLabels() {
    }
}
