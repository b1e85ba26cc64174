package org.gradebench.sandbox.docker;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Docker engine is and how to talk to it, resolved from the usual environment variables
 * ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}).
 *
 * @param host        e.g. {@code unix:///var/run/docker.sock} or {@code tcp://build-box:2376}
 * @param tlsVerify   verify the daemon's certificate (tcp only)
 * @param certPath    folder with ca.pem, cert.pem, key.pem (tcp + TLS only)
 * @param hostProblem why the DOCKER_HOST it was read from names no Docker host; {@link #host} is then a socket that
 *                    does not exist, so nothing can reach another engine by mistake (see {@link #problem()})
 */
public record DockerEndpoint(URI host, boolean tlsVerify, Optional<Path> certPath, Optional<String> hostProblem) {

    public static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";
    /** Where an endpoint with a {@link #hostProblem} points: nowhere. */
    static final String NO_ENGINE = "unix:///nonexistent/gradebench-invalid-docker-host.sock";

    public DockerEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(certPath, "certPath");
        Objects.requireNonNull(hostProblem, "hostProblem");
        String scheme = host.getScheme() == null ? "" : host.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("unix") && !scheme.equals("tcp") && !scheme.equals("npipe")) {
            throw new IllegalArgumentException("unsupported Docker host " + host + " (expected unix://, tcp:// or npipe://)");
        }
    }

    public DockerEndpoint(URI host, boolean tlsVerify, Optional<Path> certPath) {
        this(host, tlsVerify, certPath, Optional.empty());
    }

    public static DockerEndpoint of(String host) {
        return new DockerEndpoint(URI.create(host), false, Optional.empty());
    }

    /**
     * Reads {@code DOCKER_HOST} (default: the local socket), {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}.
     * Never throws: a DOCKER_HOST that names no Docker host gives an endpoint whose {@link #problem()} says so, so a
     * typo there makes Docker unusable with a reason instead of stopping every command.
     */
    public static DockerEndpoint fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("DOCKER_HOST", "").trim();
        if (host.isEmpty()) host = DEFAULT_SOCKET;
        String verify = env.getOrDefault("DOCKER_TLS_VERIFY", "").trim();
        // The docker CLI treats any non-empty value as "on" (even "0"), so do the same.
        boolean tls = !verify.isEmpty();
        String cert = env.getOrDefault("DOCKER_CERT_PATH", "").trim();
        Optional<Path> certPath = cert.isEmpty()
                ? (tls ? Optional.of(Path.of(System.getProperty("user.home"), ".docker")) : Optional.empty())
                : Optional.of(Path.of(cert));
        try {
            return new DockerEndpoint(URI.create(host), tls, certPath);
        } catch (IllegalArgumentException e) {
            return new DockerEndpoint(URI.create(NO_ENGINE), false, Optional.empty(),
                    Optional.of("DOCKER_HOST=" + host + " is not a Docker host: " + e.getMessage()));
        }
    }

    /**
     * What makes this endpoint unusable before any engine is asked: a DOCKER_HOST that names no Docker host, or TLS
     * verification on without the certificate folder docker and docker-java need ({@code ca.pem}, {@code cert.pem},
     * {@code key.pem}). Empty when it looks usable.
     */
    public Optional<String> problem() {
        if (hostProblem.isPresent()) return hostProblem;
        if (!tlsVerify || !"tcp".equalsIgnoreCase(host.getScheme())) return Optional.empty();
        String where = "DOCKER_TLS_VERIFY is set for " + host + " but DOCKER_CERT_PATH ";
        if (certPath.isEmpty()) return Optional.of(where + "is not set (a folder with ca.pem, cert.pem and key.pem)");
        Path dir = certPath.get();
        if (!java.nio.file.Files.isDirectory(dir)) {
            return Optional.of(where + "(" + dir + ") does not exist: it must hold ca.pem, cert.pem and key.pem");
        }
        java.util.List<String> missing = java.util.stream.Stream.of("ca.pem", "cert.pem", "key.pem")
                .filter(f -> !java.nio.file.Files.isReadable(dir.resolve(f))).toList();
        if (!missing.isEmpty()) {
            return Optional.of(where + "(" + dir + ") lacks " + String.join(", ", missing)
                    + ": it must hold ca.pem, cert.pem and key.pem");
        }
        return Optional.empty();
    }

    /**
     * True when the engine runs on this machine and shares its filesystem, so bind mounts of host folders work.
     * A tcp engine may be on another machine (or in a VM, like Docker Desktop's), where host paths mean nothing.
     */
    public boolean sharesHostFilesystem() {
        return "unix".equalsIgnoreCase(host.getScheme());
    }

    /** The unix socket file, for unix:// hosts. */
    public Optional<Path> socketPath() {
        return sharesHostFilesystem() ? Optional.of(Path.of(host.getPath())) : Optional.empty();
    }

    @Override
    public String toString() {
        return host.toString();
    }
}
