package org.gradebench.io.assignment;

import org.gradebench.core.assignment.Assignment;
import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.core.assignment.ResourceLimits;
import org.gradebench.core.assignment.Scoring;
import org.gradebench.core.assignment.TestCase;
import org.gradebench.io.yaml.YamlDocument;
import org.gradebench.io.yaml.YamlNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ICPC / Kattis problem package, legacy or 2023-07 (chosen by {@code problem_format_version}). What is used
 * and how it maps is documented in sample-assignments/FORMAT.md ("ICPC / Kattis problem packages"). Fields Gradebench
 * does not use (author, license, uuid, ...) are ignored; fields it reads are type-checked with their line.
 */
final class IcpcPackageReader {
    private static final Logger LOG = LoggerFactory.getLogger(IcpcPackageReader.class);
    static final String PROBLEM_FILE = "problem.yaml";
    static final String TESTDATA_FILE = "testdata.yaml";
    /** Packages with no time limit anywhere get this (documented in FORMAT.md). */
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);
    /** problemtools' defaults (problemtools/config/problem.yaml). */
    static final long DEFAULT_MEMORY_MIB = 1024;
    static final long DEFAULT_OUTPUT_MIB = 8;
    private static final int MAX_DEPTH = 8;
    private static final Pattern INI_TIMELIMIT = Pattern.compile("(?m)^\\s*timelimit\\s*=\\s*['\"]?([0-9.]+)['\"]?\\s*$");

    private final Path root;

    IcpcPackageReader(Path root) {
        this.root = root;
    }

    /** One testdata.yaml's settings, applying to its folder and everything below it (nearest file wins). */
    private record GroupSettings(Optional<Double> score, boolean minAggregation, Optional<List<String>> validatorFlags,
                                 Path file, int flagsLine) {
        static final GroupSettings NONE = new GroupSettings(Optional.empty(), false, Optional.empty(), null, 0);
    }

    Assignment read() throws InvalidInputException {
        Path problemFile = root.resolve(PROBLEM_FILE);
        YamlNode y = null;
        if (Files.exists(problemFile)) y = YamlDocument.read(problemFile).root().requireObject();

        boolean modern = false;
        if (y != null && y.has("problem_format_version")) {
            String v = y.child("problem_format_version").asText().trim();
            if (v.startsWith("2023-07")) {
                modern = true;
            } else if (!v.equals("legacy") && !v.equals("legacy-icpc")) {
                throw y.child("problem_format_version").error("unsupported problem_format_version '" + v
                        + "' (supported: legacy, 2023-07-draft)");
            }
        }
        Assignment.Format format = modern ? Assignment.Format.ICPC_2023_07 : Assignment.Format.ICPC_LEGACY;

        String title = root.getFileName().toString();
        if (y != null && y.has("name")) {
            YamlNode n = y.child("name");
            if (n.isObject()) {
                Map<String, YamlNode> byLang = n.fields();
                YamlNode pick = byLang.containsKey("en") ? byLang.get("en") : byLang.values().stream().findFirst().orElse(null);
                if (pick != null) title = pick.asNonEmptyText().strip();
            } else {
                title = n.asNonEmptyText().strip();
            }
        }

        // Type and validation.
        boolean customValidation = false;
        if (y != null && y.has("type")) {
            for (String t : y.child("type").asTextList()) {
                String type = t.trim().toLowerCase(Locale.ROOT);
                if (type.equals("interactive") || type.equals("multi-pass") || type.equals("submit-answer")) {
                    throw y.child("type").error("'" + type + "' problems are not supported by Gradebench");
                }
            }
        }
        List<String> problemFlags = List.of();
        int problemFlagsLine = 0;
        if (y != null && y.has("validation")) {
            YamlNode v = y.child("validation");
            List<String> words = Specs.words(v);
            for (String w : words) {
                if (w.equals("interactive") || w.equals("multi-pass")) {
                    throw v.error("'" + w + "' validation is not supported by Gradebench");
                }
            }
            customValidation = words.contains("custom");
        }
        if (y != null && y.has("validator_flags")) {
            problemFlags = Specs.words(y.child("validator_flags"));
            problemFlagsLine = y.child("validator_flags").line();
        }
        Optional<Path> validatorFolder = findValidator(modern);
        if (modern && validatorFolder.isPresent()) customValidation = true;
        if (customValidation && validatorFolder.isEmpty()) {
            throw new InvalidInputException(problemFile, y == null ? 0 : y.child("validation").line(),
                    "custom validation is declared but there is no output validator ("
                            + (modern ? "output_validator/" : "output_validators/<name>/") + ")");
        }
        CheckerSpec checker = checkerFor(customValidation, validatorFolder, problemFlags, problemFile, problemFlagsLine,
                PROBLEM_FILE + " validator_flags");

        ResourceLimits limits = limits(y, modern);
        Set<String> languages = new LinkedHashSet<>();
        if (y != null && y.has("languages")) {
            YamlNode l = y.child("languages");
            if (l.isArray()) {
                for (String s : l.asTextList()) languages.add(s.trim().toLowerCase(Locale.ROOT));
            } else if (!l.asText().trim().equalsIgnoreCase("all")) {
                for (String s : l.asText().trim().split("\\s+")) languages.add(s.toLowerCase(Locale.ROOT));
            }
        }

        // Tests and groups.
        Path data = root.resolve("data");
        if (!Files.isDirectory(data)) throw new InvalidInputException(data, "the data folder is missing");
        Map<Path, GroupSettings> settings = new LinkedHashMap<>();
        List<TestFiles> found = new ArrayList<>();
        for (String top : List.of("sample", "secret")) {
            Path dir = data.resolve(top);
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                collect(data, dir, readGroupSettings(data), settings, found, 0, modern);
            }
        }
        if (found.isEmpty()) {
            throw new InvalidInputException(data, "no tests: expected data/sample and/or data/secret with NAME.in + NAME.ans pairs");
        }

        boolean scored = settings.values().stream().anyMatch(s -> s.score().isPresent());
        Map<Path, Integer> perGroupCount = new TreeMap<>();
        for (TestFiles t : found) perGroupCount.merge(t.folder, 1, Integer::sum);

        List<TestCase> tests = new ArrayList<>();
        for (TestFiles t : found) {
            GroupSettings g = settings.getOrDefault(t.folder, GroupSettings.NONE);
            boolean sample = t.name.startsWith("sample/");
            double weight = 1;
            String group = "";
            if (scored) {
                int n = perGroupCount.get(t.folder);
                if (g.score().isPresent()) {
                    double total = g.score().get();
                    if (g.minAggregation()) {
                        // All-or-nothing: the group's tests share its score.
                        weight = total / n;
                        group = relativeName(data, t.folder);
                    } else {
                        weight = modern ? total / n : total;
                    }
                } else {
                    weight = sample ? 0 : 1;
                }
            }
            Optional<CheckerSpec> override = Optional.empty();
            if (g.validatorFlags().isPresent() && !g.validatorFlags().get().equals(problemFlags)) {
                override = Optional.of(checkerFor(customValidation, validatorFolder, g.validatorFlags().get(), g.file(),
                        g.flagsLine(), TESTDATA_FILE + " output_validator_flags"));
            }
            tests.add(new TestCase(t.name, t.input, t.answer, weight, group, !sample, override));
        }
        Scoring scoring = new Scoring(scored && tests.stream().anyMatch(t -> !t.group().isEmpty())
                ? Scoring.Mode.GROUPS_ALL_OR_NOTHING : Scoring.Mode.SUM, 0);
        return new Assignment(title, root, format, findStatement(), languages, limits, checker, scoring, tests);
    }

    private record TestFiles(String name, Path input, Path answer, Path folder) {
    }

    private void collect(Path data, Path dir, GroupSettings inherited, Map<Path, GroupSettings> settings,
                         List<TestFiles> out, int depth, boolean modern) throws InvalidInputException {
        if (depth > MAX_DEPTH) throw new InvalidInputException(dir, "test data folders nested deeper than " + MAX_DEPTH);
        GroupSettings mine = Files.exists(dir.resolve(TESTDATA_FILE)) ? readTestdata(dir.resolve(TESTDATA_FILE), dir, data, modern) : inherited;
        settings.put(dir, mine);
        Map<String, Path> inputs = new TreeMap<>(NaturalOrder.INSTANCE);
        Map<String, Path> answers = new TreeMap<>(NaturalOrder.INSTANCE);
        Map<String, Path> subdirs = new TreeMap<>(NaturalOrder.INSTANCE);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) subdirs.put(f, p);
                else if (f.endsWith(".in") && f.length() > 3) inputs.put(f.substring(0, f.length() - 3), p);
                else if (f.endsWith(".ans") && f.length() > 4) answers.put(f.substring(0, f.length() - 4), p);
            }
        } catch (IOException e) {
            throw new InvalidInputException(dir, 0, "cannot list: " + e.getMessage(), e);
        }
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            Path ans = answers.get(e.getKey());
            if (ans == null) {
                throw new InvalidInputException(e.getValue(), "test has no answer file (" + e.getKey() + ".ans is missing)");
            }
            AssignmentFolderLoader.requireRegular(e.getValue());
            AssignmentFolderLoader.requireRegular(ans);
            String name = relativeName(data, dir) + "/" + e.getKey();
            out.add(new TestFiles(name, e.getValue(), ans, dir));
        }
        for (Map.Entry<String, Path> e : answers.entrySet()) {
            if (!inputs.containsKey(e.getKey())) {
                throw new InvalidInputException(e.getValue(), "answer file without an input (" + e.getKey() + ".in is missing)");
            }
        }
        for (Path sub : subdirs.values()) collect(data, sub, mine, settings, out, depth + 1, modern);
    }

    private GroupSettings readGroupSettings(Path data) throws InvalidInputException {
        Path f = data.resolve(TESTDATA_FILE);
        return Files.exists(f) ? readTestdata(f, data, data, false) : GroupSettings.NONE;
    }

    /**
     * Legacy: accept_score (per test), grader_flags ("min" = all-or-nothing), on_reject, output_validator_flags.
     * 2023-07: scoring {score, aggregation} (aggregation defaults to min for groups below secret/, else sum),
     * output_validator_flags.
     */
    private GroupSettings readTestdata(Path file, Path dir, Path data, boolean modern) throws InvalidInputException {
        YamlNode t = YamlDocument.read(file).root().requireObject();
        Optional<Double> score = Optional.empty();
        boolean min = false;
        if (t.has("accept_score")) {
            double s = t.child("accept_score").asDouble();
            if (!(s >= 0) || Double.isInfinite(s)) throw t.child("accept_score").error("must be a number >= 0");
            score = Optional.of(s);
            if (t.has("grader_flags")) min = Specs.words(t.child("grader_flags")).contains("min");
        }
        if (t.has("scoring")) {
            YamlNode sc = t.child("scoring").requireObject();
            if (sc.has("score") && !(sc.child("score").isText() && sc.child("score").asText().equals("unbounded"))) {
                double s = sc.child("score").asDouble();
                if (!(s >= 0) || Double.isInfinite(s)) throw sc.child("score").error("must be a number >= 0");
                score = Optional.of(s);
            }
            String rel = relativeName(data, dir);
            String aggregation = rel.startsWith("secret/") ? "min" : "sum";
            if (sc.has("aggregation")) aggregation = sc.child("aggregation").asText().trim().toLowerCase(Locale.ROOT);
            if (!aggregation.equals("min") && !aggregation.equals("sum")) {
                throw sc.child("aggregation").error("unknown aggregation '" + aggregation + "' (sum, min)");
            }
            min = aggregation.equals("min");
        }
        Optional<List<String>> flags = Optional.empty();
        int line = 0;
        if (t.has("output_validator_flags")) {
            flags = Optional.of(Specs.words(t.child("output_validator_flags")));
            line = t.child("output_validator_flags").line();
        }
        if (t.has("on_reject") && !min && score.isPresent()) {
            LOG.debug("{}: on_reject is approximated (tests are scored independently within a sum group)", file);
        }
        return new GroupSettings(score, min, flags, file, line);
    }

    private static CheckerSpec checkerFor(boolean custom, Optional<Path> validator, List<String> flags, Path file, int line,
                                          String where) throws InvalidInputException {
        if (custom) return CheckerSpec.custom(validator.orElseThrow(), flags);
        return Specs.defaultValidator(flags, file, line, where);
    }

    /**
     * 2023-07: output_validator/ (also accepted: output_validators/). Legacy: output_validators/ with exactly one
     * program (a sub-folder, or the source files directly in output_validators/).
     */
    private Optional<Path> findValidator(boolean modern) throws InvalidInputException {
        Path single = root.resolve("output_validator");
        if (modern && Files.isDirectory(single, LinkOption.NOFOLLOW_LINKS)) return Optional.of(single);
        Path multi = root.resolve("output_validators");
        if (!Files.isDirectory(multi, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        List<Path> dirs = new ArrayList<>();
        boolean files = false;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(multi)) {
            for (Path p : ds) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) dirs.add(p);
                else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) files = true;
            }
        } catch (IOException e) {
            throw new InvalidInputException(multi, 0, "cannot list: " + e.getMessage(), e);
        }
        if (files || dirs.isEmpty()) return Optional.of(multi);
        if (dirs.size() > 1) {
            throw new InvalidInputException(multi, "more than one output validator (" + dirs.size()
                    + " folders): Gradebench runs exactly one");
        }
        return Optional.of(dirs.get(0));
    }

    private ResourceLimits limits(YamlNode y, boolean modern) throws InvalidInputException {
        Optional<Duration> time = Optional.empty();
        long memory = DEFAULT_MEMORY_MIB;
        long outputKib = DEFAULT_OUTPUT_MIB * 1024;
        if (y != null && y.has("limits")) {
            YamlNode l = y.child("limits").requireObject();
            if (l.has("time_limit")) time = Optional.of(Specs.seconds(l.child("time_limit"), l.child("time_limit").asDouble()));
            if (l.has("memory")) memory = Specs.size(l.child("memory"), 1024, "MiB");
            if (l.has("output")) outputKib = Specs.size(l.child("output"), 1024, "MiB") * 1024;
        }
        if (time.isEmpty()) time = fileTimeLimit();
        Duration cpu = time.orElse(DEFAULT_TIME_LIMIT);
        if (!modern && y != null && y.has("limits") && y.child("limits").has("time_limit")) {
            LOG.debug("{}: time_limit in a legacy package is used as given", root);
        }
        return new ResourceLimits(cpu, cpu.multipliedBy(3), memory, outputKib, ResourceLimits.DEFAULTS.processes());
    }

    /** DOMjudge conventions: a {@code .timelimit} file (seconds) or {@code timelimit=} in domjudge-problem.ini. */
    private Optional<Duration> fileTimeLimit() throws InvalidInputException {
        Path tl = root.resolve(".timelimit");
        if (Files.isRegularFile(tl)) {
            String s = readSmall(tl).trim();
            try {
                double v = Double.parseDouble(s);
                if (v > 0 && v <= 86_400) return Optional.of(Duration.ofNanos(Math.round(v * 1e9)));
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new InvalidInputException(tl, 1, "expected a time limit in seconds, found '" + s + "'");
        }
        Path ini = root.resolve("domjudge-problem.ini");
        if (Files.isRegularFile(ini)) {
            Matcher m = INI_TIMELIMIT.matcher(readSmall(ini));
            if (m.find()) {
                try {
                    double v = Double.parseDouble(m.group(1));
                    if (v > 0 && v <= 86_400) return Optional.of(Duration.ofNanos(Math.round(v * 1e9)));
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw new InvalidInputException(ini, "timelimit is not a valid number of seconds: '" + m.group(1) + "'");
            }
        }
        return Optional.empty();
    }

    private static String readSmall(Path p) throws InvalidInputException {
        try (var in = Files.newInputStream(p)) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(p, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private Optional<Path> findStatement() {
        for (String s : List.of("statement/problem.en.md", "statement/problem.md", "problem_statement/problem.en.md",
                "problem_statement/problem.md", "statement/problem.en.tex", "problem_statement/problem.en.tex",
                "problem_statement/problem.tex", "statement/problem.en.pdf", "problem_statement/problem.en.pdf",
                "problem.pdf")) {
            Path p = root.resolve(s);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static String relativeName(Path data, Path dir) {
        return data.relativize(dir).toString().replace('\\', '/');
    }
}
