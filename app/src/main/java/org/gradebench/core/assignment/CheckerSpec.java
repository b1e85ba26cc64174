package org.gradebench.core.assignment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a test's output is judged. Data only; {@code core.check.Checkers} turns it into a {@code Checker}.
 *
 * <ul>
 *   <li>{@link Type#EXACT}: byte-for-byte (a missing final newline is tolerated).</li>
 *   <li>{@link Type#TOKENS}: the ICPC default output validator: whitespace-separated tokens; case-insensitive unless
 *       {@code caseSensitive}; whitespace amounts ignored unless {@code spaceChangeSensitive}; numbers compared with
 *       the absolute/relative tolerances when either is set.</li>
 *   <li>{@link Type#CUSTOM}: a program (source folder {@code program}) speaking the 42/43 protocol, run in the
 *       sandbox as {@code validator input answer feedback_dir [flags] < output}.</li>
 * </ul>
 */
public record CheckerSpec(Type type, boolean caseSensitive, boolean spaceChangeSensitive,
                          Optional<Double> absoluteTolerance, Optional<Double> relativeTolerance,
                          Optional<Path> program, List<String> flags) {

    public enum Type { EXACT, TOKENS, CUSTOM }

    public CheckerSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(absoluteTolerance, "absoluteTolerance");
        Objects.requireNonNull(relativeTolerance, "relativeTolerance");
        Objects.requireNonNull(program, "program");
        flags = List.copyOf(flags);
        if (type == Type.CUSTOM && program.isEmpty()) throw new IllegalArgumentException("a custom checker needs a program");
    }

    /** ICPC default: tokens, case-insensitive, whitespace-insensitive, no float tolerance. */
    public static CheckerSpec tokens() {
        return new CheckerSpec(Type.TOKENS, false, false, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public static CheckerSpec exact() {
        return new CheckerSpec(Type.EXACT, true, true, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public static CheckerSpec floats(double absolute, double relative) {
        return new CheckerSpec(Type.TOKENS, false, false, Optional.of(absolute), Optional.of(relative), Optional.empty(), List.of());
    }

    public static CheckerSpec custom(Path program, List<String> flags) {
        return new CheckerSpec(Type.CUSTOM, true, true, Optional.empty(), Optional.empty(), Optional.of(program), flags);
    }

    /** A short human description, also hashed into the session so a checker change is visible in history. */
    public String describe() {
        return switch (type) {
            case EXACT -> "exact";
            case TOKENS -> "tokens" + (caseSensitive ? " case_sensitive" : "") + (spaceChangeSensitive ? " space_change_sensitive" : "")
                    + absoluteTolerance.map(a -> " float_absolute_tolerance " + a).orElse("")
                    + relativeTolerance.map(r -> " float_relative_tolerance " + r).orElse("");
            case CUSTOM -> "custom " + program.map(p -> p.getFileName().toString()).orElse("?") + (flags.isEmpty() ? "" : " " + String.join(" ", flags));
        };
    }
}
