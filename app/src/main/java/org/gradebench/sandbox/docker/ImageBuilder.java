package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.gradebench.core.run.SandboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gradebench images build}: makes each profile's image from the toolchains installed on this machine, with
 * no registry. It tars a trimmed set of host paths ({@link ImageRecipes}), adds every shared library they need (found
 * with {@code ldd}), every symlink target, the merged-/usr links, a minimal /etc/passwd, and imports the tar with the
 * engine's import API ({@code docker import}), tagged {@code gradebench/<profile>:local}.
 * <p>
 * Linux/glibc hosts only (it reads the host's /usr). Offline users get images that match the bwrap backend's
 * toolchains exactly; online users can instead pull an official image ({@link ImageRecipes#officialImage}).
 */
public final class ImageBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ImageBuilder.class);
    private static final Pattern LDD_PATH = Pattern.compile("(?:=>\\s*)?(/[^\\s()]+)\\s*\\(0x");
    private static final int LDD_BATCH = 64;

    /** What one build produced. */
    public record Result(String profile, String image, String imageId, long files, long tarBytes, Duration took,
                         List<String> missing) {
        public Result {
            missing = List.copyOf(missing);
        }
    }

    private final DockerClient docker;
    private final Path hostRoot;
    private final Path workDir;

    /**
     * @param hostRoot the filesystem to take toolchains from ("/" normally; a test may point elsewhere)
     * @param workDir  where the temporary tar is written (it can be a few hundred MB for Java)
     */
    public ImageBuilder(DockerClient docker, Path hostRoot, Path workDir) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.hostRoot = Objects.requireNonNull(hostRoot, "hostRoot");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /** Builds the image of one known profile ({@link ImageRecipes#profiles()}). */
    public Result build(String profile) throws SandboxException {
        List<String> recipe = ImageRecipes.recipe(profile)
                .orElseThrow(() -> new SandboxException("no image recipe for profile " + profile + " (known: "
                        + String.join(", ", ImageRecipes.profiles()) + ")"));
        String binary = ImageRecipes.toolchainBinary(profile).orElseThrow();
        if (!Files.exists(hostRoot.resolve(binary.substring(1)))) {
            throw new SandboxException("the " + profile + " toolchain is not installed on this machine (" + binary
                    + " is missing): install it, or pull " + ImageRecipes.officialImage(profile)
                    + " and set the profile's docker.image");
        }
        return build(profile, ImageRecipes.localImage(profile), recipe);
    }

    /** Builds an image from host paths (globs allowed in the last component) and tags it {@code image}. */
    public Result build(String profile, String image, List<String> paths) throws SandboxException {
        long start = System.nanoTime();
        Closure closure = new Closure();
        List<String> missing = new ArrayList<>();
        try {
            for (String p : paths) {
                if (p.startsWith("!/")) closure.excluded.add(p.substring(2));
            }
            for (String p : paths) {
                if (p.startsWith("!")) continue;
                List<Path> hits = expand(p);
                if (hits.isEmpty()) missing.add(p);
                for (Path h : hits) closure.add(h);
            }
            closure.addLibraries();
        } catch (IOException e) {
            throw new SandboxException("cannot collect the files for " + image + ": " + e.getMessage(), e);
        }
        if (closure.entries.isEmpty()) throw new SandboxException("nothing to put into " + image + ": " + missing);

        Path tar;
        long size;
        try {
            Files.createDirectories(workDir);
            tar = Files.createTempFile(workDir, "gradebench-image-", ".tar");
        } catch (IOException e) {
            throw new SandboxException("cannot create a temporary file in " + workDir + ": " + e.getMessage(), e);
        }
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tar), 1 << 16)) {
                closure.write(out);
            }
            size = Files.size(tar);
            int colon = image.lastIndexOf(':');
            String repo = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
            String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
            String id = importTar(tar, repo, tag);
            if (id.isEmpty()) {
                id = Objects.toString(docker.inspectImageCmd(image).exec().getId(), "");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("built {} from {} host files ({} MB tar) in {} ms; not found on this host: {}", image,
                    closure.entries.size(), size >> 20, took.toMillis(), missing);
            return new Result(profile, image, id, closure.entries.size(), size, took, missing);
        } catch (IOException e) {
            throw new SandboxException("cannot build " + image + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw DockerErrors.wrap("importing " + image, e, DockerEndpoint.of(DockerEndpoint.DEFAULT_SOCKET));
        } finally {
            try {
                if (!Boolean.getBoolean("gradebench.keepImageTar")) Files.deleteIfExists(tar);
            } catch (IOException e) {
                LOG.warn("could not delete {}", tar);
            }
        }
    }

    /**
     * POST /images/create?fromSrc=- with the tar as the body. Not docker-java's createImageCmd: 3.7.1 hands the
     * InputStream to Jackson as an object to serialize, so the engine receives "{}" and fails with "unexpected EOF".
     *
     * @return the new image id, or "" when the engine did not say
     */
    private String importTar(Path tar, String repo, String tag) throws IOException {
        if (!(docker instanceof DockerClientImpl impl)) {
            throw new IOException("importing needs the client from DockerClientFactory");
        }
        DockerHttpClient http = impl.getHttpClient();
        String path = "/images/create?fromSrc=-&repo=" + URLEncoder.encode(repo, StandardCharsets.UTF_8)
                + "&tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
        try (InputStream body = Files.newInputStream(tar);
             DockerHttpClient.Response r = http.execute(new DockerHttpClient.Request.Builder()
                     .method(DockerHttpClient.Request.Method.POST).path(path)
                     .putHeader("Content-Type", "application/x-tar").body(body).build())) {
            String answer = new String(r.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (r.getStatusCode() / 100 != 2 || answer.contains("\"error\"")) {
                throw new IOException("the engine refused the image (HTTP " + r.getStatusCode() + "): "
                        + DockerErrors.firstLine(answer));
            }
            Matcher m = Pattern.compile("sha256:[0-9a-f]{64}").matcher(answer);
            return m.find() ? m.group() : "";
        }
    }

    private List<Path> expand(String pattern) throws IOException {
        Path p = hostRoot.resolve(pattern.startsWith("/") ? pattern.substring(1) : pattern);
        String last = p.getFileName().toString();
        if (!last.contains("*")) return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? List.of(p) : List.of();
        Path dir = p.getParent();
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, last)) {
            for (Path c : ds) out.add(c);
        }
        out.sort(null);
        return out;
    }

    /** The set of tar entries, closed over symlink targets, parent folders and shared libraries. */
    private final class Closure {
        /** Entry name (relative, no leading slash) -> host path; sorted so parents come first. */
        final Map<String, Path> entries = new TreeMap<>();
        final Deque<Path> elfs = new ArrayDeque<>();
        final Set<String> lddDone = new java.util.HashSet<>();
        /** Paths add() has handled (entries also holds parent folders that were never expanded). */
        final Set<String> visited = new java.util.HashSet<>();
        final List<String> excluded = new ArrayList<>();

        void add(Path hostPath) throws IOException {
            Path parent = hostPath.getParent();
            Path canonicalParent;
            try {
                canonicalParent = parent == null ? hostRoot : parent.toRealPath();
            } catch (NoSuchFileException e) {
                return;
            }
            addParentLinks(parent);
            Path p = hostPath.getFileName() == null ? canonicalParent : canonicalParent.resolve(hostPath.getFileName());
            String name = name(p);
            if (name.isEmpty() || !visited.add(name) || isExcluded(name)) return;
            PosixFileAttributes a;
            try {
                a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return;
            }
            entries.put(name, p);
            addParents(canonicalParent);
            if (a.isSymbolicLink()) {
                Path target = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
                if (!target.startsWith(hostRoot)) return;
                if (Files.isDirectory(target)) {
                    // a link to a folder (/bin -> usr/bin) needs the folder to exist, not everything in it
                    addLinkChainOnly(target);
                } else {
                    add(target);
                }
            } else if (a.isDirectory()) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                    List<Path> children = new ArrayList<>();
                    for (Path c : ds) children.add(c);
                    for (Path c : children) add(c);
                }
            } else if (a.isRegularFile() && isElf(p, a)) {
                elfs.add(p);
            }
        }

        private boolean isExcluded(String name) {
            for (String x : excluded) {
                if (name.equals(x) || name.startsWith(x + "/")) return true;
            }
            return false;
        }

        private void addLinkChainOnly(Path target) throws IOException {
            Path parent = target.getParent();
            if (parent == null) return;
            addParentLinks(parent);
            Path p = parent.toRealPath().resolve(target.getFileName());
            String name = name(p);
            if (name.isEmpty() || entries.containsKey(name)) return;
            entries.put(name, p);
            addParents(p.getParent());
            if (Files.isSymbolicLink(p)) {
                Path next = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
                if (next.startsWith(hostRoot)) addLinkChainOnly(next);
            }
        }

        /** A path like /lib/x86_64-linux-gnu/... goes through the /lib -> usr/lib link: keep that link too. */
        private void addParentLinks(Path parent) throws IOException {
            for (Path q = parent; q != null && !q.equals(hostRoot); q = q.getParent()) {
                if (Files.isSymbolicLink(q)) add(q);
            }
        }

        private void addParents(Path dir) {
            for (Path q = dir; q != null && !q.equals(hostRoot) && q.startsWith(hostRoot); q = q.getParent()) {
                entries.putIfAbsent(name(q), q);
            }
        }

        void addLibraries() throws IOException {
            while (!elfs.isEmpty()) {
                List<Path> batch = new ArrayList<>();
                while (!elfs.isEmpty() && batch.size() < LDD_BATCH) {
                    Path e = elfs.poll();
                    if (lddDone.add(e.toString())) batch.add(e);
                }
                if (batch.isEmpty()) continue;
                for (String lib : ldd(batch)) add(hostRoot.resolve(lib.substring(1)));
            }
        }

        void write(OutputStream out) throws IOException {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Map<String, byte[]> generated = generatedFiles();
            for (Map.Entry<String, Path> e : entries.entrySet()) {
                if (generated.containsKey(e.getKey())) continue;
                Path p = e.getValue();
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                TarArchiveEntry t;
                if (a.isSymbolicLink()) {
                    t = new TarArchiveEntry(e.getKey(), TarArchiveEntry.LF_SYMLINK);
                    t.setLinkName(Files.readSymbolicLink(p).toString());
                } else if (a.isDirectory()) {
                    t = new TarArchiveEntry(e.getKey() + "/");
                } else if (a.isRegularFile()) {
                    t = new TarArchiveEntry(e.getKey());
                    t.setSize(a.size());
                } else {
                    continue;
                }
                t.setMode((t.isSymbolicLink() ? 0120000 : a.isDirectory() ? 040000 : 0100000) | mode(a.permissions()));
                t.setUserId(0);
                t.setGroupId(0);
                t.setModTime(a.lastModifiedTime().toMillis());
                tar.putArchiveEntry(t);
                if (a.isRegularFile()) {
                    try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                        in.transferTo(tar);
                    }
                }
                tar.closeArchiveEntry();
            }
            for (String dir : List.of("tmp", "box", "box/prog", "box/run", "box/out", ".sbx", "etc")) {
                if (entries.containsKey(dir)) continue;
                TarArchiveEntry t = new TarArchiveEntry(dir + "/");
                t.setMode(040000 | (dir.equals("tmp") ? 01777 : 0755));
                tar.putArchiveEntry(t);
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, byte[]> g : generated.entrySet()) {
                TarArchiveEntry t = new TarArchiveEntry(g.getKey());
                t.setMode(0100644);
                t.setSize(g.getValue().length);
                tar.putArchiveEntry(t);
                tar.write(g.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        }

        private Map<String, byte[]> generatedFiles() {
            Map<String, byte[]> g = new LinkedHashMap<>();
            // No passwd/group, like the bwrap sandbox: numeric uids work, and there is nothing to read.
            return g;
        }

        private String name(Path p) {
            return hostRoot.relativize(p).toString();
        }
    }

    private static boolean isElf(Path p, PosixFileAttributes a) {
        boolean candidate = a.permissions().contains(PosixFilePermission.OWNER_EXECUTE)
                || p.getFileName().toString().contains(".so");
        if (!candidate || a.size() < 64) return false;
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 0x7f && m[1] == 'E' && m[2] == 'L' && m[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    /** Shared libraries (absolute host paths) the given ELF files load, as the host's ldd resolves them. */
    private List<String> ldd(List<Path> files) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("ldd");
        for (Path f : files) cmd.add(f.toString());
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(new java.io.File("/dev/null"))
                .start();
        String text;
        try (InputStream in = proc.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!proc.waitFor(60, TimeUnit.SECONDS)) proc.destroyForcibly();
        } catch (InterruptedException e) {
            proc.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running ldd", e);
        }
        List<String> libs = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LDD_PATH.matcher(line);
            if (m.find()) libs.add(m.group(1));
        }
        return libs;
    }

    private static int mode(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) {
            m |= switch (p) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return m;
    }
}
