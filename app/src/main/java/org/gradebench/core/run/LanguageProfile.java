package org.gradebench.core.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A language as data (one YAML file in sandbox-profiles/). Commands are argv lists with placeholders, expanded by
 * {@link ProgramPlan#expand}:
 * <ul>
 *   <li>{@code {prog}}: the program folder inside the sandbox ({@link SandboxPaths#PROGRAM})</li>
 *   <li>{@code {main}}: the entry file, relative to {prog}; {@code {mainPath}}: its absolute sandbox path</li>
 *   <li>{@code {mainClass}}: the entry's class (Java: package + file stem)</li>
 *   <li>{@code {sources}}: every source file of the language (expands to several arguments)</li>
 *   <li>{@code {memoryMib}}: the memory limit, for runtime heap flags</li>
 * </ul>
 *
 * @param extensions        file extensions (without dot) that mark a file of this language
 * @param entryNames        preferred entry files, in order (e.g. main.py); else the only source; else the first source
 *                          matching {@code entryPattern}
 * @param entryPattern      a regex found in the entry file (e.g. Java's {@code static void main}); empty = none
 * @param compile           compile argv (run with {prog} writable as the working directory); empty = interpreted
 * @param run               run argv (working directory: the per-run scratch folder)
 * @param version           argv printing the toolchain version
 * @param toolchain         absolute paths that must exist on the host for the profile to work (reported when missing)
 * @param binds             extra host folders the toolchain needs inside the sandbox (read-only), beyond /usr
 * @param env               extra environment variables for compile and run
 * @param limitAddressSpace whether RLIMIT_AS may enforce memory (false for JVM, Node and Go, which reserve huge
 *                          address space; they are bounded by heap flags and measured peak memory instead)
 * @param extraProcesses    added to the assignment's process limit (runtimes with helper threads, e.g. the JVM)
 * @param dockerImage       image the Docker backend runs this language in
 */
public record LanguageProfile(String name, String displayName, List<String> extensions, List<String> entryNames,
                              Optional<Pattern> entryPattern, List<String> compile, List<String> run,
                              List<String> version, List<String> toolchain, List<String> binds,
                              Map<String, String> env, boolean limitAddressSpace, int extraProcesses,
                              String dockerImage) {

    public LanguageProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        extensions = List.copyOf(extensions);
        entryNames = List.copyOf(entryNames);
        Objects.requireNonNull(entryPattern, "entryPattern");
        compile = List.copyOf(compile);
        run = List.copyOf(run);
        version = List.copyOf(version);
        toolchain = List.copyOf(toolchain);
        binds = List.copyOf(binds);
        env = Map.copyOf(env);
        Objects.requireNonNull(dockerImage, "dockerImage");
        if (run.isEmpty()) throw new IllegalArgumentException("profile " + name + " has no run command");
        if (extensions.isEmpty()) throw new IllegalArgumentException("profile " + name + " has no extensions");
    }

    public boolean compiled() {
        return !compile.isEmpty();
    }

    public boolean matches(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }
}
