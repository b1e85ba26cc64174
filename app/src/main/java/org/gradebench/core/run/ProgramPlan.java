package org.gradebench.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the engine will build and run for one program: the language, its entry file and its sources (paths relative
 * to the program folder, '/'-separated).
 */
public record ProgramPlan(LanguageProfile profile, String entry, String mainClass, List<String> sources) {

    public ProgramPlan {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(mainClass, "mainClass");
        sources = List.copyOf(sources);
    }

    /** Expands the placeholders documented on {@link LanguageProfile}. */
    public List<String> expand(List<String> command, long memoryMib) {
        List<String> out = new ArrayList<>(command.size() + sources.size());
        for (String arg : command) {
            if (arg.equals("{sources}")) {
                out.addAll(sources);
                continue;
            }
            out.add(arg.replace("{prog}", SandboxPaths.PROGRAM)
                    .replace("{mainPath}", SandboxPaths.PROGRAM + "/" + entry)
                    .replace("{mainClass}", mainClass)
                    .replace("{main}", entry)
                    .replace("{memoryMib}", Long.toString(memoryMib)));
        }
        return out;
    }

    public List<String> compileCommand(long memoryMib) {
        return expand(profile.compile(), memoryMib);
    }

    public List<String> runCommand(long memoryMib) {
        return expand(profile.run(), memoryMib);
    }
}
