package org.gradebench.sandbox.docker;

import com.github.dockerjava.api.command.CreateContainerResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("docker")
class ImageBuilderTest {

    @Test
    void buildsAnImageFromHostPathsWithTheirLibrariesAndLinks(@TempDir Path tmp) throws Exception {
        var docker = DockerTestSupport.client();
        String image = "gradebench/test-mini:local";
        ImageBuilder.Result r = new ImageBuilder(docker, Path.of("/"), tmp)
                .build("mini", image, ImageRecipes.BASE);
        assertThat(r.files()).isGreaterThan(10);
        assertThat(r.tarBytes()).isLessThan(40L << 20);
        // ls needs libselinux and libpcre2 (found by ldd, through the /lib -> usr/lib link) to run at all
        CreateContainerResponse c = docker.createContainerCmd(image).withCmd("/bin/ls", "-d", "/box/run", "/etc/ld.so.cache", "/usr/bin/rm")
                .withNetworkDisabled(true).exec();
        try {
            docker.startContainerCmd(c.getId()).exec();
            int code = docker.waitContainerCmd(c.getId()).start().awaitStatusCode(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(code).isZero();
        } finally {
            docker.removeContainerCmd(c.getId()).withForce(true).exec();
            docker.removeImageCmd(image).withForce(true).exec();
        }
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void unknownProfileHasNoRecipe() {
        assertThat(ImageRecipes.recipe("cobol")).isEmpty();
        assertThat(ImageRecipes.localImage("python3")).isEqualTo("gradebench/python3:local");
        assertThat(ImageRecipes.profiles()).containsAll(List.of("python3", "c", "cpp", "java", "javascript"));
    }

    @Test
    void aMissingToolchainIsNamed(@TempDir Path emptyHost) {
        var builder = new ImageBuilder(new DockerClientFactory().create(DockerEndpoint.of("unix:///nonexistent.sock")),
                emptyHost, emptyHost);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.build("go"))
                .hasMessageContaining("go toolchain is not installed").hasMessageContaining("golang:1.22");
    }
}
