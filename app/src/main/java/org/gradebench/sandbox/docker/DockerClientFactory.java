package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds the one {@link DockerClient} the application shares (the composition root calls {@link #create} once and
 * hands the client to {@link DockerSandbox}, {@link DockerProbe}, {@link ImageBuilder} and {@link DockerReaper}).
 * <p>
 * No API version is pinned: docker-java then sends unversioned paths and the daemon answers in its own version.
 * A pin breaks either old engines (20.10 stops at API 1.41) or new ones (Docker 29 refuses anything below 1.44).
 * Nothing is read from ~/.docker contexts: the endpoint is exactly what {@link DockerEndpoint} says.
 */
public final class DockerClientFactory {

    /** Connecting should be instant on a local socket; a tcp engine gets a little longer. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * A socket read timeout, so it must exceed the longest silent call: an exec that streams nothing until the program
     * ends (bounded by the wall limit, which the session enforces itself) or an image import.
     */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(10);

    private final Duration connectTimeout;
    private final Duration responseTimeout;

    public DockerClientFactory() {
        this(CONNECT_TIMEOUT, RESPONSE_TIMEOUT);
    }

    public DockerClientFactory(Duration connectTimeout, Duration responseTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /**
     * A client for the engine; creating it does not contact the engine (use {@link DockerProbe} for that) and never
     * fails: an endpoint with a {@link DockerEndpoint#problem()} (missing TLS certificates) gets a client without TLS,
     * which nothing uses, because the probe reports the problem and the sandbox is then not usable.
     */
    public DockerClient create(DockerEndpoint endpoint) {
        boolean tls = endpoint.tlsVerify() && endpoint.problem().isEmpty();
        // A bare builder, not createDefaultConfigBuilder(): that one parses the process's own DOCKER_HOST (and
        // ~/.docker-java.properties) first and throws on a malformed value the endpoint has already reported.
        DefaultDockerClientConfig.Builder builder = new DefaultDockerClientConfig.Builder()
                .withDockerHost(endpoint.host().toString())
                .withDockerTlsVerify(tls);
        if (tls) endpoint.certPath().ifPresent(p -> builder.withDockerCertPath(p.toString()));
        DockerClientConfig config = builder.build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                // Every container's runner holds one hijacked connection for the container's life (jobs x 2 at
                // most: the current container and the one started ahead); the pool must never run dry of them.
                .maxConnections(256)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
