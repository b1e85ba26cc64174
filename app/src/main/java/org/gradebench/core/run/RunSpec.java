package org.gradebench.core.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One process to run inside a {@link SandboxSession}.
 *
 * @param argv            the command; absolute paths or names on the sandbox PATH
 * @param programWritable true for a compile step: {@link SandboxPaths#PROGRAM} is writable (and the working directory)
 * @param inputFiles      files copied into the fresh scratch folder before the run (name in scratch -> host file)
 * @param stdin           name of one of {@code inputFiles} to use as stdin; empty = /dev/null
 * @param env             extra environment; the sandbox starts from a cleared environment (PATH, HOME, LANG only)
 * @param collect         names (relative to scratch) of files or folders to read back after the run, capped, regular
 *                        files only (e.g. a validator's feedback folder)
 */
public record RunSpec(List<String> argv, boolean programWritable, Map<String, Path> inputFiles, Optional<String> stdin,
                      RunLimits limits, Map<String, String> env, List<String> collect) {

    public RunSpec {
        argv = List.copyOf(argv);
        inputFiles = Map.copyOf(inputFiles);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(limits, "limits");
        env = Map.copyOf(env);
        collect = List.copyOf(collect);
        if (argv.isEmpty()) throw new IllegalArgumentException("empty command");
        if (stdin.isPresent() && !inputFiles.containsKey(stdin.get()))
            throw new IllegalArgumentException("stdin " + stdin.get() + " is not an input file");
    }

    public String workDir() {
        return programWritable ? SandboxPaths.PROGRAM : SandboxPaths.SCRATCH;
    }
}
