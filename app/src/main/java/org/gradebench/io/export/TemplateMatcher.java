package org.gradebench.io.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Finds each submission's row in an LMS template by the keys the user allows, in order. A key only counts when it
 * picks exactly one row; a row is given to one submission at most. Names are the last resort and are reported,
 * since they are the one key an LMS rewrites (lms-exports.md, general rule 1).
 */
final class TemplateMatcher {

    /** The template's value of a key for one row (already without LMS decoration such as Brightspace's '#'). */
    interface RowKeys {
        Optional<String> key(MatchKey key, List<String> row);
    }

    private TemplateMatcher() {
    }

    /**
     * @param candidates indexes into {@code table.rows()} that are student rows
     * @return submission -> row index; unmatched submissions are added to {@code ctx} as skipped
     */
    static Map<GradeRow, Integer> match(CsvTable table, List<Integer> candidates, List<GradeRow> rows,
                                        List<MatchKey> order, RowKeys rowKeys,
                                        BiFunction<MatchKey, GradeRow, Optional<String>> submissionKeys,
                                        ExportContext ctx) {
        Map<MatchKey, Map<String, List<Integer>>> index = new HashMap<>();
        for (MatchKey k : order) {
            Map<String, List<Integer>> byValue = new HashMap<>();
            for (int i : candidates) {
                rowKeys.key(k, table.rows().get(i)).map(v -> norm(k, v)).filter(v -> !v.isEmpty())
                        .ifPresent(v -> byValue.computeIfAbsent(v, x -> new ArrayList<>()).add(i));
            }
            index.put(k, byValue);
        }
        Map<GradeRow, Integer> out = new LinkedHashMap<>();
        Map<Integer, GradeRow> taken = new HashMap<>();
        for (GradeRow r : rows) {
            List<String> tried = new ArrayList<>();
            Integer found = null;
            MatchKey by = null;
            for (MatchKey k : order) {
                Optional<String> v = submissionKeys.apply(k, r).map(x -> norm(k, x)).filter(x -> !x.isEmpty());
                if (v.isEmpty()) continue;
                List<Integer> hits = index.get(k).getOrDefault(v.get(), List.of());
                tried.add(k.name().toLowerCase(Locale.ROOT) + " '" + submissionKeys.apply(k, r).orElse("") + "'"
                        + (hits.size() > 1 ? " (" + hits.size() + " rows)" : ""));
                if (hits.size() == 1) {
                    found = hits.get(0);
                    by = k;
                    break;
                }
            }
            if (found == null) {
                ctx.skip(r, tried.isEmpty() ? "has no id, login, email or name to find it in the template"
                        : "not found in the template (tried " + String.join(", ", tried) + ")");
                continue;
            }
            GradeRow other = taken.get(found);
            if (other != null) {
                ctx.skip(r, "template line " + table.lines().get(found) + " is already filled for '"
                        + other.submission().id() + "'");
                continue;
            }
            taken.put(found, r);
            out.put(r, found);
            if (by == MatchKey.NAME) {
                ctx.warn("'" + r.submission().id() + "' was matched to template line " + table.lines().get(found)
                        + " by name only: check it");
            }
        }
        return out;
    }

    static String norm(MatchKey k, String v) {
        String s = v.strip();
        if (s.startsWith("#")) s = s.substring(1); // Brightspace exports protect ids with '#'
        return k == MatchKey.NAME ? Texts.nameKey(s) : s.toLowerCase(Locale.ROOT);
    }
}
