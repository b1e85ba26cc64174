package org.gradebench.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides the language and entry point of a submission folder.
 * <p>
 * Language: the allowed profile with the most source files in the folder (ties: the profile listed first). Entry: the
 * first of the profile's {@code entryNames} present (at any depth, shallowest first), else the only source file, else
 * the first source (sorted by path) whose text matches {@code entryPattern}, else the first source by path.
 */
public final class ProgramPlanner {
    private static final Pattern JAVA_PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final int MAX_FILES = 2000;
    private static final long MAX_READ = 1 << 20;

    private final List<LanguageProfile> profiles;

    public ProgramPlanner(Collection<LanguageProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /** Why no plan could be made, phrased for the student's compile log. */
    public static final class NoPlanException extends Exception {
        private static final long serialVersionUID = 1L;

        public NoPlanException(String message) {
            super(message);
        }
    }

    public ProgramPlan plan(Path folder, Collection<String> allowedLanguages) throws NoPlanException, IOException {
        List<String> files = listFiles(folder);
        Map<LanguageProfile, List<String>> byProfile = new LinkedHashMap<>();
        for (LanguageProfile p : profiles) {
            if (!allowedLanguages.isEmpty() && !allowedLanguages.contains(p.name())) continue;
            List<String> mine = files.stream().filter(f -> p.matches(fileName(f))).toList();
            if (!mine.isEmpty()) byProfile.put(p, mine);
        }
        if (byProfile.isEmpty()) {
            String allowed = allowedLanguages.isEmpty() ? "any configured language" : String.join(", ", allowedLanguages);
            throw new NoPlanException("No source file for " + allowed + " was found in the submission ("
                    + (files.isEmpty() ? "it is empty" : files.size() + " file(s): " + preview(files)) + ").");
        }
        Map.Entry<LanguageProfile, List<String>> best = byProfile.entrySet().stream()
                .max(Comparator.comparingInt(e -> e.getValue().size()))
                .orElseThrow();
        // max() keeps the last of equal elements; prefer the first listed profile on ties.
        for (Map.Entry<LanguageProfile, List<String>> e : byProfile.entrySet()) {
            if (e.getValue().size() == best.getValue().size()) {
                best = e;
                break;
            }
        }
        LanguageProfile profile = best.getKey();
        List<String> sources = best.getValue();
        String entry = chooseEntry(folder, profile, sources);
        return new ProgramPlan(profile, entry, mainClass(folder, entry), sources);
    }

    private static String chooseEntry(Path folder, LanguageProfile profile, List<String> sources) throws IOException {
        for (String name : profile.entryNames()) {
            Optional<String> hit = sources.stream().filter(s -> fileName(s).equals(name))
                    .min(Comparator.comparingInt((String s) -> depth(s)).thenComparing(s -> s));
            if (hit.isPresent()) return hit.get();
        }
        if (sources.size() == 1) return sources.get(0);
        if (profile.entryPattern().isPresent()) {
            Pattern pattern = profile.entryPattern().get();
            for (String s : sources) {
                if (pattern.matcher(read(folder.resolve(s))).find()) return s;
            }
        }
        return sources.get(0);
    }

    private static String mainClass(Path folder, String entry) throws IOException {
        String stem = fileName(entry);
        int dot = stem.lastIndexOf('.');
        if (dot > 0) stem = stem.substring(0, dot);
        if (!entry.toLowerCase(Locale.ROOT).endsWith(".java")) return stem;
        Matcher m = JAVA_PACKAGE.matcher(read(folder.resolve(entry)));
        return m.find() ? m.group(1) + "." + stem : stem;
    }

    private static List<String> listFiles(Path folder) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("__MACOSX/") && !fileName(p).startsWith("."))
                    .sorted()
                    .limit(MAX_FILES)
                    .forEach(files::add);
        }
        return files;
    }

    private static String read(Path file) throws IOException {
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) MAX_READ);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        }
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private static String preview(List<String> files) {
        return String.join(", ", files.subList(0, Math.min(5, files.size()))) + (files.size() > 5 ? ", ..." : "");
    }
}
