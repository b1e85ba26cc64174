package org.gradebench.ui.matrix;

import javafx.scene.paint.Color;
import org.gradebench.core.grading.Verdict;

import java.util.EnumMap;
import java.util.Map;

/**
 * Cell colours, chosen from the Okabe-Ito colour-blind-safe palette and always paired with a letter code. Accepted
 * cells are quiet (a tint), failures are saturated, so failures stand out in a grid that is mostly green; a system
 * error is hatched so it never reads as the student's verdict; pending cells are neutral outlines.
 */
public record VerdictPalette(Map<Verdict, Color> fill, Map<Verdict, Color> text, Color background, Color grid,
                             Color headerText, Color mutedText, Color selection, Color hover, Color stripe,
                             Color pendingOutline) {

    public static String code(Verdict v) {
        return v == Verdict.PENDING ? "\u00B7" : v.name();
    }

    public static VerdictPalette light() {
        Map<Verdict, Color> f = new EnumMap<>(Verdict.class);
        Map<Verdict, Color> t = new EnumMap<>(Verdict.class);
        f.put(Verdict.AC, Color.web("#d5efe6"));  t.put(Verdict.AC, Color.web("#00684d"));
        f.put(Verdict.WA, Color.web("#d55e00"));  t.put(Verdict.WA, Color.WHITE);
        f.put(Verdict.TLE, Color.web("#e69f00")); t.put(Verdict.TLE, Color.web("#2b1d00"));
        f.put(Verdict.MLE, Color.web("#cc79a7")); t.put(Verdict.MLE, Color.web("#2a0a1c"));
        f.put(Verdict.OLE, Color.web("#56b4e9")); t.put(Verdict.OLE, Color.web("#062233"));
        f.put(Verdict.RE, Color.web("#a4343a"));  t.put(Verdict.RE, Color.WHITE);
        f.put(Verdict.CE, Color.web("#6b6f76"));  t.put(Verdict.CE, Color.WHITE);
        f.put(Verdict.SE, Color.web("#1f2328"));  t.put(Verdict.SE, Color.web("#f0e442"));
        f.put(Verdict.PENDING, Color.TRANSPARENT); t.put(Verdict.PENDING, Color.web("#8c959f"));
        return new VerdictPalette(f, t, Color.web("#ffffff"), Color.web("#eaeef2"), Color.web("#1f2328"),
                Color.web("#656d76"), Color.web("#0969da"), Color.web("#0969da", 0.10), Color.web("#f0e442"),
                Color.web("#d0d7de"));
    }

    public static VerdictPalette dark() {
        Map<Verdict, Color> f = new EnumMap<>(Verdict.class);
        Map<Verdict, Color> t = new EnumMap<>(Verdict.class);
        f.put(Verdict.AC, Color.web("#12372c"));  t.put(Verdict.AC, Color.web("#5fd3ad"));
        f.put(Verdict.WA, Color.web("#e0691a"));  t.put(Verdict.WA, Color.web("#1a0b00"));
        f.put(Verdict.TLE, Color.web("#e6a817")); t.put(Verdict.TLE, Color.web("#1f1500"));
        f.put(Verdict.MLE, Color.web("#d48bb4")); t.put(Verdict.MLE, Color.web("#22081a"));
        f.put(Verdict.OLE, Color.web("#6cbdea")); t.put(Verdict.OLE, Color.web("#03192a"));
        f.put(Verdict.RE, Color.web("#d2555c"));  t.put(Verdict.RE, Color.web("#1e0406"));
        f.put(Verdict.CE, Color.web("#8b929a"));  t.put(Verdict.CE, Color.web("#111418"));
        f.put(Verdict.SE, Color.web("#000000"));  t.put(Verdict.SE, Color.web("#f0e442"));
        f.put(Verdict.PENDING, Color.TRANSPARENT); t.put(Verdict.PENDING, Color.web("#6e7681"));
        return new VerdictPalette(f, t, Color.web("#0d1117"), Color.web("#21262d"), Color.web("#e6edf3"),
                Color.web("#8d96a0"), Color.web("#58a6ff"), Color.web("#58a6ff", 0.14), Color.web("#f0e442"),
                Color.web("#30363d"));
    }
}
