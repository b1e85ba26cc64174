package org.gradebench.io.assignment;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.AssignmentLoader;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.io.yaml.YamlDocument;
import org.gradebench.io.yaml.YamlNode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an assignment folder in one of the supported formats, detected from its files:
 * <ul>
 *   <li>native: {@code assignment.yaml} + {@code tests/<name>.in} / {@code tests/<name>.out}
 *       (sample-assignments/FORMAT.md);</li>
 *   <li>ICPC / Kattis problem packages, legacy and 2023-07: {@code problem.yaml} and/or {@code data/}
 *       ({@link IcpcPackageReader}).</li>
 * </ul>
 * Every problem is an {@link InvalidInputException} naming the file and, where it applies, the line and field.
 */
public final class AssignmentFolderLoader implements AssignmentLoader {
    public static final String NATIVE_FILE = "assignment.yaml";

    private static final Set<String> FIELDS = Set.of("title", "statement", "languages", "limits", "checker", "scoring", "tests");
    private static final Set<String> LIMIT_FIELDS = Set.of("cpu", "wall", "memory", "output", "processes");
    private static final Set<String> SCORING_FIELDS = Set.of("mode", "max");
    private static final Set<String> TEST_FIELDS = Set.of("name", "weight", "group", "hidden", "checker");

    private final Set<String> knownLanguages;

    /** Accepts any language name in {@code languages:} (they are checked against the profiles later). */
    public AssignmentFolderLoader() {
        this(Set.of());
    }

    /** @param knownLanguages profile names; a {@code languages:} entry not among them is an error (empty = no check) */
    public AssignmentFolderLoader(Set<String> knownLanguages) {
        this.knownLanguages = Set.copyOf(knownLanguages);
    }

    @Override
    public Assignment load(Path folder) throws InvalidInputException {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) throw new InvalidInputException(folder, "not a folder");
        Path nativeFile = root.resolve(NATIVE_FILE);
        if (Files.exists(nativeFile, LinkOption.NOFOLLOW_LINKS)) return loadNative(root, nativeFile);
        if (Files.exists(root.resolve("assignment.yml"))) {
            return loadNative(root, root.resolve("assignment.yml"));
        }
        if (Files.exists(root.resolve(IcpcPackageReader.PROBLEM_FILE)) || Files.isDirectory(root.resolve("data"))) {
            return new IcpcPackageReader(root).read();
        }
        throw new InvalidInputException(root, "not an assignment: no " + NATIVE_FILE + " (Gradebench format), "
                + "no problem.yaml and no data/ folder (ICPC/Kattis problem package)");
    }

    // ---- native format ---------------------------------------------------------------------------------------------

    private Assignment loadNative(Path root, Path file) throws InvalidInputException {
        YamlDocument doc = YamlDocument.read(file);
        YamlNode y = doc.root().requireObject().requireKnownFields(FIELDS);

        String title = y.has("title") ? y.child("title").asNonEmptyText().strip() : root.getFileName().toString();

        Optional<Path> statement = Optional.empty();
        if (y.has("statement")) {
            YamlNode s = y.child("statement");
            Path p = Specs.insideFolder(s, root, s.asNonEmptyText());
            if (!Files.isRegularFile(p)) throw s.error("statement file " + p + " does not exist");
            statement = Optional.of(p);
        }

        Set<String> languages = new LinkedHashSet<>();
        if (y.has("languages")) {
            YamlNode l = y.child("languages");
            List<YamlNode> items = l.isArray() ? l.elements() : List.of(l);
            for (YamlNode item : items) {
                String name = item.asNonEmptyText().trim().toLowerCase(Locale.ROOT);
                if (!knownLanguages.isEmpty() && !knownLanguages.contains(name)) {
                    throw item.error("unknown language '" + name + "' (profiles: " + String.join(", ", new java.util.TreeSet<>(knownLanguages)) + ")");
                }
                languages.add(name);
            }
        }

        ResourceLimits limits = y.has("limits") ? limits(y.child("limits")) : ResourceLimits.DEFAULTS;
        CheckerSpec checker = y.has("checker") ? Specs.checker(y.child("checker"), root) : CheckerSpec.tokens();
        Scoring scoring = y.has("scoring") ? scoring(y.child("scoring")) : Scoring.DEFAULT;

        Map<String, Path[]> found = discoverTests(root.resolve("tests"));
        Map<String, YamlNode> settings = new HashMap<>();
        if (y.has("tests")) {
            for (YamlNode t : y.child("tests").elements()) {
                t.requireKnownFields(TEST_FIELDS);
                YamlNode nameNode = t.required("name");
                String name = nameNode.asNonEmptyText();
                if (!found.containsKey(name)) {
                    throw nameNode.error("no test '" + name + "': expected tests/" + name + ".in and tests/" + name + ".out");
                }
                if (settings.putIfAbsent(name, t) != null) throw nameNode.error("test '" + name + "' is listed twice");
            }
        }

        List<TestCase> tests = new ArrayList<>();
        for (Map.Entry<String, Path[]> e : found.entrySet()) {
            String name = e.getKey();
            double weight = 1;
            String group = "";
            boolean hidden = false;
            Optional<CheckerSpec> override = Optional.empty();
            YamlNode t = settings.get(name);
            if (t != null) {
                if (t.has("weight")) {
                    weight = t.child("weight").asDouble();
                    if (!(weight >= 0) || Double.isInfinite(weight)) throw t.child("weight").error("must be a number >= 0");
                }
                if (t.has("group")) group = t.child("group").asText().strip();
                if (t.has("hidden")) hidden = t.child("hidden").asBoolean();
                if (t.has("checker")) override = Optional.of(Specs.checker(t.child("checker"), root));
            }
            tests.add(new TestCase(name, e.getValue()[0], e.getValue()[1], weight, group, hidden, override));
        }
        if (scoring.mode() == Scoring.Mode.GROUPS_ALL_OR_NOTHING && tests.stream().allMatch(t -> t.group().isEmpty())) {
            throw y.child("scoring").error("mode 'groups' needs tests with a group (tests: - {name: ..., group: ...})");
        }
        return new Assignment(title, root, Assignment.Format.NATIVE, statement, languages, limits, checker, scoring, tests);
    }

    private static ResourceLimits limits(YamlNode n) throws InvalidInputException {
        n.requireKnownFields(LIMIT_FIELDS);
        ResourceLimits d = ResourceLimits.DEFAULTS;
        Duration cpu = n.has("cpu") ? Specs.duration(n.child("cpu")) : d.cpuTime();
        Duration wall;
        if (n.has("wall")) {
            wall = Specs.duration(n.child("wall"));
            if (wall.compareTo(cpu) < 0) throw n.child("wall").error("the wall time must be at least the cpu time (" + cpu.toMillis() + " ms)");
        } else {
            wall = cpu.multipliedBy(3);
        }
        long memory = n.has("memory") ? Specs.size(n.child("memory"), 1024, "MiB") : d.memoryMib();
        long output = n.has("output") ? Specs.size(n.child("output"), 1, "KiB") : d.outputKib();
        int processes = d.processes();
        if (n.has("processes")) {
            long p = n.child("processes").asLong();
            if (p < 1 || p > 10_000) throw n.child("processes").error("must be between 1 and 10000");
            processes = (int) p;
        }
        return new ResourceLimits(cpu, wall, memory, output, processes);
    }

    private static Scoring scoring(YamlNode n) throws InvalidInputException {
        n.requireKnownFields(SCORING_FIELDS);
        Scoring.Mode mode = Scoring.Mode.SUM;
        if (n.has("mode")) {
            String m = n.child("mode").asText().trim().toLowerCase(Locale.ROOT);
            mode = switch (m) {
                case "sum" -> Scoring.Mode.SUM;
                case "groups", "group", "groups_all_or_nothing" -> Scoring.Mode.GROUPS_ALL_OR_NOTHING;
                default -> throw n.child("mode").error("unknown scoring mode '" + m + "' (sum, groups)");
            };
        }
        double max = 0;
        if (n.has("max")) {
            max = n.child("max").asDouble();
            if (!(max >= 0) || Double.isInfinite(max)) throw n.child("max").error("must be a number >= 0");
        }
        return new Scoring(mode, max);
    }

    /** tests/NAME.in + tests/NAME.out pairs, in natural order of NAME. */
    private static Map<String, Path[]> discoverTests(Path dir) throws InvalidInputException {
        if (!Files.isDirectory(dir)) throw new InvalidInputException(dir, "the tests folder is missing");
        Map<String, Path> inputs = new TreeMap<>(NaturalOrder.INSTANCE);
        Map<String, Path> outputs = new TreeMap<>(NaturalOrder.INSTANCE);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                if (f.endsWith(".in") && f.length() > 3) inputs.put(f.substring(0, f.length() - 3), p);
                else if (f.endsWith(".out") && f.length() > 4) outputs.put(f.substring(0, f.length() - 4), p);
            }
        } catch (IOException e) {
            throw new InvalidInputException(dir, 0, "cannot list: " + e.getMessage(), e);
        }
        Map<String, Path[]> out = new TreeMap<>(NaturalOrder.INSTANCE);
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            Path expected = outputs.get(e.getKey());
            if (expected == null) {
                throw new InvalidInputException(e.getValue(), "test '" + e.getKey() + "' has no expected output (tests/"
                        + e.getKey() + ".out is missing)");
            }
            requireRegular(e.getValue());
            requireRegular(expected);
            out.put(e.getKey(), new Path[] {e.getValue(), expected});
        }
        for (Map.Entry<String, Path> e : outputs.entrySet()) {
            if (!inputs.containsKey(e.getKey())) {
                throw new InvalidInputException(e.getValue(), "expected output without an input (tests/" + e.getKey() + ".in is missing)");
            }
        }
        if (out.isEmpty()) throw new InvalidInputException(dir, "no tests: add NAME.in and NAME.out files");
        return out;
    }

    static void requireRegular(Path p) throws InvalidInputException {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(p, "must be a regular file (not a folder or a symbolic link)");
        }
    }
}
