package org.gradebench.sandbox.launcher;

import org.gradebench.core.run.SandboxException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The {@code gb-launch} binary on the host, ready to be mounted read-only into a sandbox.
 * <p>
 * The build (app/src/main/c/build-launcher.sh) puts it on the classpath at {@value #RESOURCE}. {@link #extract}
 * copies it to {@code <runtime root>/launcher-<sha256 prefix>/gb-launch} (0755, parents 0711, so a sandbox uid other
 * than ours can execute it) and verifies the hash of an existing copy before reusing it, so a stale or tampered
 * file is replaced rather than trusted.
 */
public final class LauncherBinary {
    public static final String RESOURCE = "/org/gradebench/sandbox/launcher/gb-launch";

    private final Path path;
    private final String sha256;

    private LauncherBinary(Path path, String sha256) {
        this.path = path;
        this.sha256 = sha256;
    }

    /** Extracts the classpath launcher under {@link RuntimeDirs#userRoot()}. */
    public static LauncherBinary extract() throws SandboxException {
        return extract(RuntimeDirs.userRoot());
    }

    /** Extracts the classpath launcher under {@code runtimeRoot} (which must exist and be ours). */
    public static LauncherBinary extract(Path runtimeRoot) throws SandboxException {
        byte[] bytes;
        try (InputStream in = LauncherBinary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new SandboxException("the sandbox launcher is missing from the classpath (" + RESOURCE
                        + "); build it with app/src/main/c/build-launcher.sh (needs gcc and the static libc)");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new SandboxException("cannot read the launcher resource: " + e.getMessage(), e);
        }
        String hash = sha256(bytes);
        Path dir = RuntimeDirs.ensureDir(runtimeRoot.resolve("launcher-" + hash.substring(0, 16)),
                RuntimeDirs.TRAVERSABLE);
        Path target = dir.resolve("gb-launch");
        try {
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    && (Integer) Files.getAttribute(target, "unix:uid", LinkOption.NOFOLLOW_LINKS) == RuntimeDirs.currentUid()
                    && hash.equals(sha256(Files.readAllBytes(target)))) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                return new LauncherBinary(target, hash);
            }
            Path tmp = Files.createTempFile(dir, "gb-launch", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp, LinkOption.NOFOLLOW_LINKS)) {
                    out.write(bytes);
                }
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return new LauncherBinary(target, hash);
        } catch (IOException e) {
            throw new SandboxException("cannot extract the launcher to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Uses an existing launcher file as is (e.g. a system-wide install); verified to be a regular executable file. */
    public static LauncherBinary at(Path file) throws SandboxException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.isExecutable(file)) {
            throw new SandboxException("launcher " + file + " is not an executable regular file");
        }
        try {
            return new LauncherBinary(file.toAbsolutePath(), sha256(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new SandboxException("cannot read launcher " + file + ": " + e.getMessage(), e);
        }
    }

    /** Absolute host path of the binary. */
    public Path path() {
        return path;
    }

    /** Hex SHA-256 of the binary. */
    public String sha256() {
        return sha256;
    }

    @Override
    public String toString() {
        return "LauncherBinary[" + path + ", sha256=" + sha256.substring(0, 16) + "]";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
