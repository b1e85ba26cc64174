package org.gradebench.io.assignment;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.run.LanguageProfile;
import org.gradebench.io.profile.ProfileLoader;
import org.gradebench.io.profile.ProfileLocator;
import org.junit.jupiter.api.Test;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped samples are the format's first users: every one must load, with the real profile names. */
class SampleAssignmentsLoadTest {

    @Test
    void everySampleAssignmentLoads() throws Exception {
        Path profiles = new ProfileLocator(new ProfileLoader()).locate().orElseThrow();
        Path samples = profiles.getParent().resolve("sample-assignments");
        var names = new ProfileLoader().loadAll(profiles).stream().map(LanguageProfile::name).collect(Collectors.toSet());
        AssignmentFolderLoader loader = new AssignmentFolderLoader(names);
        List<Assignment> loaded = new ArrayList<>();
        if (Files.isDirectory(samples)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(samples, Files::isDirectory)) {
                for (Path dir : ds) {
                    if (Files.exists(dir.resolve("assignment.yaml")) || Files.exists(dir.resolve("problem.yaml"))) {
                        Assignment a = loader.load(dir);
                        assertThat(a.tests()).as(dir.toString()).isNotEmpty();
                        loaded.add(a);
                    }
                }
            }
        }
        assertThat(loaded).as("sample assignments in " + samples).isNotEmpty();
    }
}
