package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import org.gradebench.core.run.SandboxException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

/** Turns docker-java's exceptions into messages that say what to do. */
final class DockerErrors {
    private DockerErrors() {
    }

    static String unreachable(DockerEndpoint endpoint) {
        return "Docker engine not reachable at " + endpoint + ": start Docker or set DOCKER_HOST";
    }

    /**
     * A TLS engine that dropped the handshake: most often a client certificate its CA did not sign, or a CA that did
     * not sign the engine's. The engine only says so by closing the connection.
     */
    static boolean isTlsRefusal(Throwable e, DockerEndpoint endpoint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) return true;
            if (endpoint.tlsVerify() && t instanceof java.net.SocketException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    static String tlsRefused(DockerEndpoint endpoint, Throwable e) {
        return "Docker engine at " + endpoint + " refused the TLS connection: check that "
                + endpoint.certPath().map(Object::toString).orElse("DOCKER_CERT_PATH")
                + " holds ca.pem, cert.pem and key.pem issued by the engine's CA (" + firstLine(rootMessage(e)) + ")";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return String.valueOf(t.getMessage());
    }

    static String imageMissing(String image, String profile) {
        return "image " + image + " not found: run `gradebench images build` (offline) or `docker pull "
                + ImageRecipes.officialImage(profile) + "` and set the profile's image";
    }

    /** True when the exception means the engine could not be contacted at all. */
    static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof java.nio.file.NoSuchFileException) return true;
            if (t instanceof IOException && t.getMessage() != null
                    && (t.getMessage().contains("No such file") || t.getMessage().contains("Connection refused")
                    || t.getMessage().contains("connect"))) return true;
            if (t.getClass().getName().contains("LastErrorException")) return true;
        }
        return false;
    }

    /**
     * True when a failed call was cut short by an interrupt (a cancel) rather than by the engine: docker-java's
     * transports close their channel on interrupt and surface it as a plain RuntimeException.
     */
    static boolean isInterrupt(Throwable e) {
        if (Thread.currentThread().isInterrupted()) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedByInterruptException || t instanceof InterruptedException
                    || t instanceof java.io.InterruptedIOException && !(t instanceof SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    static SandboxException wrap(String what, RuntimeException e, DockerEndpoint endpoint) {
        if (e instanceof NotFoundException) return new SandboxException(what + ": " + firstLine(e.getMessage()), e);
        if (isUnreachable(e)) return new SandboxException(unreachable(endpoint) + " (" + what + ")", e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return new SandboxException(what + ": the Docker engine at " + endpoint + " did not answer in time", e);
            }
        }
        if (e instanceof DockerException) return new SandboxException(what + ": " + firstLine(e.getMessage()), e);
        return new SandboxException(what + " failed: " + e, e);
    }

    static String firstLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
