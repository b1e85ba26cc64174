package org.gradebench.sandbox.docker;

/** How files get into and out of a container. */
public enum TransferMode {
    /** Bind-mount per-session host folders: fastest, needs an engine that shares this machine's filesystem. */
    BIND,
    /**
     * Copy with the archive API into an anonymous volume: works with a remote engine (tcp://, Docker Desktop's VM),
     * where host paths mean nothing. Costs a few archive calls per run.
     */
    COPY,
    /** BIND for a unix-socket engine, COPY for anything else. */
    AUTO;

    public TransferMode resolve(DockerEndpoint endpoint) {
        if (this != AUTO) return this;
        return endpoint.sharesHostFilesystem() ? BIND : COPY;
    }
}
