package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import org.gradebench.core.run.RunLimits;
import org.gradebench.core.run.RunSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The container settings, without an engine: every security-relevant field is pinned here. */
class ContainerSpecBuilderTest {
    static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(1), Duration.ofSeconds(3), 256 * 1024, 0, 16,
            64 * 1024, 64 * 1024, 1 << 20, 64, 16L << 20);
    static final ContainerSpecBuilder.BindPaths PATHS = new ContainerSpecBuilder.BindPaths(Path.of("/h/launch"),
            Path.of("/h/prog"), Path.of("/h/run"), Path.of("/h/out/stdout"), Path.of("/h/out/stderr"));

    static RunSpec spec(boolean compile) {
        return new RunSpec(List.of("x"), compile, Map.of(), Optional.empty(), LIMITS, Map.of(), List.of());
    }

    static ContainerSpec build(boolean compile) {
        return new ContainerSpecBuilder("gradebench/c:local", ContainerShape.of(spec(compile)))
                .session("sess-1", "host:42:1000", "alice").bind(PATHS).build();
    }

    @Test
    void limitsAreSetAndSwapEqualsMemory() {
        HostConfig h = build(false).hostConfig();
        long mem = 256L * 1024 * 1024;
        assertThat(h.getMemory()).isEqualTo(mem + mem / 4 + ContainerShape.OWN_MEMORY + (16L << 20));
        assertThat(h.getMemorySwap()).as("no swap").isEqualTo(h.getMemory());
        assertThat(h.getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(h.getPidsLimit()).isEqualTo(16L + ContainerShape.OWN_PROCESSES);
        assertThat(h.getOomScoreAdj()).isEqualTo(1000);
        Map<String, Ulimit> ulimits = Arrays.stream(h.getUlimits()).collect(Collectors.toMap(Ulimit::getName, u -> u));
        assertThat(ulimits.get("core").getHardLong()).isZero();
        assertThat(ulimits.get("fsize").getHardLong()).isEqualTo(1 << 20);
        assertThat(ulimits.get("nofile").getHardLong()).isEqualTo(64L + ContainerShape.OWN_FILES);
        assertThat(h.getTmpFs()).containsOnlyKeys("/tmp");
        assertThat(h.getTmpFs().get("/tmp")).contains("size=" + (16L << 20), "noexec", "nosuid", "nodev", "mode=1777",
                "nr_inodes=");
    }

    @Test
    void isolationIsOn() {
        ContainerSpec s = build(false);
        HostConfig h = s.hostConfig();
        assertThat(h.getNetworkMode()).isEqualTo("none");
        assertThat(s.networkDisabled()).isTrue();
        assertThat(h.getReadonlyRootfs()).isTrue();
        assertThat(h.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(h.getCapAdd()).as("only what the launcher needs to drop the program's uid and kill the run")
                .containsExactlyInAnyOrder(Capability.SETUID, Capability.SETGID, Capability.KILL);
        assertThat(h.getPrivileged()).isFalse();
        assertThat(h.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(h.getInit()).as("PID 1 must reap and forward signals (sandbox.md H17)").isTrue();
        assertThat(h.getLogConfig().getType()).isEqualTo(LogConfig.LoggingType.NONE);
        assertThat(h.getAutoRemove()).isFalse();
        assertThat(s.user()).as("keepalive and launchers as root; the launcher drops only the program to the sandbox uid").isEqualTo("0:0");
        assertThat(s.entrypoint()).containsExactly(ContainerLayout.LAUNCHER);
        assertThat(s.cmd()).containsExactly("--keepalive");
    }

    @Test
    void labelsIdentifySessionAndOwner() {
        assertThat(build(false).labels()).containsEntry(DockerLabels.SESSION, "sess-1")
                .containsEntry(DockerLabels.KIND, DockerLabels.KIND_RUN)
                .containsEntry(DockerLabels.OWNER, "host:42:1000")
                .containsEntry(DockerLabels.LABEL, "alice");
    }

    @Test
    void programFolderIsReadOnlyForTestsAndWritableForACompile() {
        Map<String, Bind> tests = binds(build(false));
        assertThat(tests.get("/box/prog").getAccessMode()).isEqualTo(AccessMode.ro);
        assertThat(tests.get("/.sbx/launch").getAccessMode()).isEqualTo(AccessMode.ro);
        assertThat(tests.get("/.sbx/launch").getPath()).isEqualTo("/h/launch");
        assertThat(tests.get("/box/run").getAccessMode()).isEqualTo(AccessMode.rw);
        assertThat(tests.get("/box/out/stdout").getAccessMode()).isEqualTo(AccessMode.rw);
        assertThat(tests.get("/box/out/stderr").getPath()).isEqualTo("/h/out/stderr");
        assertThat(tests).doesNotContainKey("/box/out");
        assertThat(binds(build(true)).get("/box/prog").getAccessMode()).isEqualTo(AccessMode.rw);
        assertThat(build(true).hostConfig().getTmpFs().get("/tmp")).doesNotContain("noexec");
        assertThat(ContainerShape.of(spec(true))).isNotEqualTo(ContainerShape.of(spec(false)));
    }

    @Test
    void copyModeUsesVolumesInsteadOfHostPaths() {
        ContainerSpec s = new ContainerSpecBuilder("img", ContainerShape.of(spec(false)))
                .session("s", "h:1:2", "l").copy().build();
        assertThat(s.hostConfig().getBinds()).isNullOrEmpty();
        assertThat(s.volumes()).containsExactlyInAnyOrder("/.sbx", "/box");
        assertThat(s.hostConfig().getReadonlyRootfs()).isTrue();
    }

    @Test
    void aSpecWithoutSessionLabelsIsRefused() {
        assertThatThrownBy(() -> new ContainerSpecBuilder("img", ContainerShape.of(spec(false))).bind(PATHS).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void transferModeFollowsTheEndpoint() {
        assertThat(TransferMode.AUTO.resolve(DockerEndpoint.of("unix:///var/run/docker.sock"))).isEqualTo(TransferMode.BIND);
        assertThat(TransferMode.AUTO.resolve(DockerEndpoint.of("tcp://build:2376"))).isEqualTo(TransferMode.COPY);
        assertThat(TransferMode.COPY.resolve(DockerEndpoint.of("unix:///x.sock"))).isEqualTo(TransferMode.COPY);
    }

    @Test
    void endpointComesFromTheEnvironment() {
        assertThat(DockerEndpoint.fromEnvironment(Map.of()).host().toString()).isEqualTo("unix:///var/run/docker.sock");
        DockerEndpoint tls = DockerEndpoint.fromEnvironment(Map.of("DOCKER_HOST", "tcp://h:2376",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"));
        assertThat(tls.tlsVerify()).isTrue();
        assertThat(tls.certPath()).contains(Path.of("/certs"));
        assertThat(tls.sharesHostFilesystem()).isFalse();
        assertThatThrownBy(() -> DockerEndpoint.of("http://x")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Missing TLS certificates are a clear message from the probe (and so from doctor), not a crash. */
    @Test
    void missingTlsCertificatesAreReportedNotThrown(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        DockerEndpoint nowhere = DockerEndpoint.fromEnvironment(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", tmp.resolve("absent").toString()));
        assertThat(nowhere.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("DOCKER_CERT_PATH", tmp.resolve("absent").toString(), "does not exist", "ca.pem"));
        DockerSandbox s = new DockerSandbox(new DockerClientFactory().create(nowhere), nowhere, DockerOptions.defaults());
        assertThat(s.status().usable()).isFalse();
        assertThat(s.status().details()).singleElement().asString().contains("does not exist");

        java.nio.file.Files.writeString(tmp.resolve("ca.pem"), "x");
        DockerEndpoint partial = DockerEndpoint.fromEnvironment(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", tmp.toString()));
        assertThat(partial.problem()).hasValueSatisfying(p -> assertThat(p).contains("lacks cert.pem, key.pem"));
        assertThat(DockerEndpoint.of("unix:///x.sock").problem()).isEmpty();
    }

    @Test
    void ownerIdRoundTripsAndReaperKeepsLiveOwners() {
        OwnerId me = OwnerId.current();
        assertThat(OwnerId.parse(me.toString())).contains(me);
        assertThat(me.aliveHere()).isTrue();
        DockerReaper reaper = new DockerReaper(dummyClient());
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> mine = Map.of(DockerLabels.SESSION, "a", DockerLabels.OWNER, me.toString());
        assertThat(reaper.stale(mine, now, me, java.util.Set.of("a"))).isFalse();
        assertThat(reaper.stale(mine, now, me, java.util.Set.of())).as("my own closed session").isTrue();
        OwnerId dead = new OwnerId(me.host(), 999_999_999L, 1L);
        assertThat(reaper.stale(Map.of(DockerLabels.SESSION, "b", DockerLabels.OWNER, dead.toString()), now, me,
                java.util.Set.of())).as("crashed owner").isTrue();
        OwnerId foreign = new OwnerId("other-host", 1, 1);
        Map<String, String> theirs = Map.of(DockerLabels.SESSION, "c", DockerLabels.OWNER, foreign.toString());
        assertThat(reaper.stale(theirs, now, me, java.util.Set.of())).as("another machine's fresh container").isFalse();
        assertThat(reaper.stale(theirs, now - 2 * 86400, me, java.util.Set.of())).isTrue();
    }

    @Test
    void reaperRemovesOldSessionFoldersOnly(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        Path old = java.nio.file.Files.createDirectories(root.resolve("docker-old/run/sub"));
        java.nio.file.Files.writeString(old.resolve("f"), "x");
        java.nio.file.Files.setLastModifiedTime(root.resolve("docker-old"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 86_400_000L));
        Path live = java.nio.file.Files.createDirectories(root.resolve("docker-live"));
        java.nio.file.Files.setLastModifiedTime(live,
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 86_400_000L));
        Path fresh = java.nio.file.Files.createDirectories(root.resolve("docker-fresh"));
        Path other = java.nio.file.Files.createDirectories(root.resolve("ws-1"));
        var removed = new DockerReaper(dummyClient()).reapHostFolders(root, java.util.Set.of("live"), Duration.ofHours(12));
        assertThat(removed).containsExactly(root.resolve("docker-old"));
        assertThat(root.resolve("docker-old")).doesNotExist();
        assertThat(live).exists();
        assertThat(fresh).exists();
        assertThat(other).exists();
    }

    private static com.github.dockerjava.api.DockerClient dummyClient() {
        return new DockerClientFactory().create(DockerEndpoint.of("unix:///nonexistent.sock"));
    }

    private static Map<String, Bind> binds(ContainerSpec s) {
        return Arrays.stream(s.hostConfig().getBinds()).collect(Collectors.toMap(b -> b.getVolume().getPath(), b -> b));
    }
}
