package org.gradebench.io.assignment;

import org.gradebench.core.assignment.CheckerSpec;
import org.gradebench.core.assignment.InvalidInputException;
import org.gradebench.io.yaml.YamlNode;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing shared by the native and the ICPC formats: durations, sizes, checker specs, validator flags. */
final class Specs {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(ms|s|sec|seconds?)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");
    static final double DEFAULT_FLOAT_TOLERANCE = 1e-6;
    private static final Set<String> TOKEN_FIELDS = Set.of("type", "case_sensitive", "space_change_sensitive",
            "float_absolute_tolerance", "float_relative_tolerance", "float_tolerance");
    private static final Set<String> FLOAT_FIELDS = Set.of("type", "absolute", "relative", "case_sensitive",
            "space_change_sensitive");
    private static final Set<String> CUSTOM_FIELDS = Set.of("type", "program", "flags");
    private static final Set<String> EXACT_FIELDS = Set.of("type");

    private Specs() {
    }

    /** "2s", "1500ms", "2.5", 2 (seconds). Positive, at most a day. */
    static Duration duration(YamlNode n) throws InvalidInputException {
        Duration d;
        if (n.isNumber()) {
            d = seconds(n, n.asDouble());
        } else {
            String s = n.asText().trim().toLowerCase(Locale.ROOT);
            Matcher m = DURATION.matcher(s);
            if (!m.matches()) throw n.error("expected a duration like 2s, 1500ms or 2.5 (seconds), found '" + s + "'");
            double v = Double.parseDouble(m.group(1));
            d = "ms".equals(m.group(2)) ? seconds(n, v / 1000) : seconds(n, v);
        }
        return d;
    }

    static Duration seconds(YamlNode n, double seconds) throws InvalidInputException {
        if (!(seconds > 0) || seconds > 86_400) throw n.error("must be a positive duration of at most a day");
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /**
     * A size in the unit {@code unitKib} (1 = KiB, 1024 = MiB) when given as a plain number; strings may carry a unit
     * (k, kb, kib, m, mb, mib, g, gb, gib; decimal and binary are both read as binary, as judges do).
     */
    static long size(YamlNode n, long unitKib, String unitName) throws InvalidInputException {
        double kib;
        if (n.isNumber()) {
            kib = n.asDouble() * unitKib;
        } else {
            String s = n.asText().trim().toLowerCase(Locale.ROOT);
            Matcher m = SIZE.matcher(s);
            if (!m.matches()) throw n.error("expected a size in " + unitName + " (e.g. 256) or with a unit (e.g. 512MiB), found '" + s + "'");
            double v = Double.parseDouble(m.group(1));
            kib = switch (m.group(2)) {
                case "" -> v * unitKib;
                case "k", "kb", "kib" -> v;
                case "m", "mb", "mib" -> v * 1024;
                case "g", "gb", "gib" -> v * 1024 * 1024;
                default -> throw n.error("unknown size unit '" + m.group(2) + "' (use KiB, MiB or GiB)");
            };
        }
        long value = (long) Math.ceil(kib / unitKib);
        if (value <= 0 || value > 1L << 30) throw n.error("must be a positive size");
        return value;
    }

    /**
     * The native checker grammar: a name ({@code exact}, {@code tokens}, {@code case-insensitive},
     * {@code case-sensitive}, {@code float}) or a mapping with {@code type} (see sample-assignments/FORMAT.md).
     */
    static CheckerSpec checker(YamlNode n, Path root) throws InvalidInputException {
        if (!n.isObject()) {
            String name = n.asText().trim().toLowerCase(Locale.ROOT);
            return switch (name) {
                case "exact" -> CheckerSpec.exact();
                case "tokens", "token", "default", "case-insensitive" -> CheckerSpec.tokens();
                case "case-sensitive" -> tokens(true, false, Optional.empty(), Optional.empty());
                case "float", "floats" -> CheckerSpec.floats(DEFAULT_FLOAT_TOLERANCE, DEFAULT_FLOAT_TOLERANCE);
                case "custom" -> throw n.error("a custom checker needs a program: use {type: custom, program: checker/}");
                default -> throw n.error("unknown checker '" + name
                        + "' (exact, tokens, case-insensitive, case-sensitive, float, custom)");
            };
        }
        String type = n.has("type") ? n.child("type").asText().trim().toLowerCase(Locale.ROOT) : "tokens";
        switch (type) {
            case "exact": {
                n.requireKnownFields(EXACT_FIELDS);
                return CheckerSpec.exact();
            }
            case "tokens":
            case "token":
            case "default":
            case "case-insensitive":
            case "case-sensitive": {
                n.requireKnownFields(TOKEN_FIELDS);
                boolean cs = n.has("case_sensitive") ? n.child("case_sensitive").asBoolean() : type.equals("case-sensitive");
                boolean sc = n.has("space_change_sensitive") && n.child("space_change_sensitive").asBoolean();
                Optional<Double> abs = Optional.empty();
                Optional<Double> rel = Optional.empty();
                if (n.has("float_tolerance")) {
                    double t = tolerance(n.child("float_tolerance"));
                    abs = Optional.of(t);
                    rel = Optional.of(t);
                }
                if (n.has("float_absolute_tolerance")) abs = Optional.of(tolerance(n.child("float_absolute_tolerance")));
                if (n.has("float_relative_tolerance")) rel = Optional.of(tolerance(n.child("float_relative_tolerance")));
                return tokens(cs, sc, abs, rel);
            }
            case "float":
            case "floats": {
                n.requireKnownFields(FLOAT_FIELDS);
                boolean cs = n.has("case_sensitive") && n.child("case_sensitive").asBoolean();
                boolean sc = n.has("space_change_sensitive") && n.child("space_change_sensitive").asBoolean();
                Optional<Double> abs = n.has("absolute") ? Optional.of(tolerance(n.child("absolute"))) : Optional.empty();
                Optional<Double> rel = n.has("relative") ? Optional.of(tolerance(n.child("relative"))) : Optional.empty();
                if (abs.isEmpty() && rel.isEmpty()) {
                    abs = Optional.of(DEFAULT_FLOAT_TOLERANCE);
                    rel = Optional.of(DEFAULT_FLOAT_TOLERANCE);
                }
                return tokens(cs, sc, abs, rel);
            }
            case "custom": {
                n.requireKnownFields(CUSTOM_FIELDS);
                YamlNode p = n.required("program");
                Path program = insideFolder(p, root, p.asNonEmptyText());
                if (!Files.isDirectory(program, LinkOption.NOFOLLOW_LINKS)) {
                    throw p.error("the custom checker program must be a folder with the validator's sources: "
                            + program + " is not one");
                }
                List<String> flags = n.has("flags") ? n.child("flags").asTextList() : List.of();
                return CheckerSpec.custom(program, flags);
            }
            default:
                throw n.child("type").error("unknown checker type '" + type + "' (exact, tokens, float, custom)");
        }
    }

    private static CheckerSpec tokens(boolean cs, boolean sc, Optional<Double> abs, Optional<Double> rel) {
        return new CheckerSpec(CheckerSpec.Type.TOKENS, cs, sc, abs, rel, Optional.empty(), List.of());
    }

    private static double tolerance(YamlNode n) throws InvalidInputException {
        double v = n.asDouble();
        if (!(v >= 0) || Double.isInfinite(v)) throw n.error("a tolerance must be a finite number >= 0");
        return v;
    }

    /** Resolves a relative path and refuses one that leaves {@code root} (e.g. ../../etc). */
    static Path insideFolder(YamlNode n, Path root, String relative) throws InvalidInputException {
        Path p;
        try {
            p = root.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw n.error("not a valid path: '" + relative + "'");
        }
        if (Path.of(relative).isAbsolute() || !p.startsWith(root.normalize())) {
            throw n.error("'" + relative + "' must be a path inside the assignment folder");
        }
        return p;
    }

    /**
     * ICPC validator flags ({@code case_sensitive space_change_sensitive float_tolerance 1e-6 ...}) for the default
     * validator. Unknown words are an error: compare.cc ignores nothing silently either.
     *
     * @param where names the flags' origin for messages, e.g. "problem.yaml validator_flags"
     */
    static CheckerSpec defaultValidator(List<String> flags, Path file, int line, String where) throws InvalidInputException {
        boolean cs = false;
        boolean sc = false;
        Optional<Double> abs = Optional.empty();
        Optional<Double> rel = Optional.empty();
        for (int i = 0; i < flags.size(); i++) {
            String f = flags.get(i);
            switch (f) {
                case "case_sensitive" -> cs = true;
                case "space_change_sensitive" -> sc = true;
                case "float_absolute_tolerance", "float_relative_tolerance", "float_tolerance" -> {
                    if (i + 1 >= flags.size()) throw new InvalidInputException(file, line, where + ": " + f + " needs a value");
                    double v;
                    try {
                        v = Double.parseDouble(flags.get(++i));
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException(file, line, where + ": " + f + " needs a number, found '" + flags.get(i) + "'");
                    }
                    if (!(v >= 0) || Double.isInfinite(v)) {
                        throw new InvalidInputException(file, line, where + ": " + f + " must be a finite number >= 0");
                    }
                    if (!f.equals("float_relative_tolerance")) abs = Optional.of(v);
                    if (!f.equals("float_absolute_tolerance")) rel = Optional.of(v);
                }
                default -> throw new InvalidInputException(file, line, where + ": unknown default validator flag '" + f
                        + "' (case_sensitive, space_change_sensitive, float_absolute_tolerance X, float_relative_tolerance X, float_tolerance X)");
            }
        }
        return tokens(cs, sc, abs, rel);
    }

    /** Splits a flag string ("float_tolerance 1e-6 case_sensitive") or takes a YAML list as is. */
    static List<String> words(YamlNode n) throws InvalidInputException {
        List<String> out = new ArrayList<>();
        for (String s : n.asTextList()) {
            for (String w : s.trim().split("\\s+")) if (!w.isEmpty()) out.add(w);
        }
        return out;
    }
}
