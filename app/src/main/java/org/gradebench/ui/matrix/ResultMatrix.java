package org.gradebench.ui.matrix;

import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.gradebench.core.grading.TestResult;
import org.gradebench.core.grading.Verdict;
import org.gradebench.core.run.RunResult;

import java.nio.IntBuffer;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The students x tests grid, drawn on one canvas the size of the viewport: only visible cells are painted, so the
 * cost of a frame depends on the window size, not on 1,000 x 50. The student and score columns and the test header
 * stay put while the cells scroll. Repaints happen at most once per pulse, when the model revision or the view
 * changed.
 */
public final class ResultMatrix extends Region {
    public static final double ROW_H = 24;
    public static final double CELL_W = 40;
    public static final double NAME_W = 210;
    public static final double SCORE_W = 70;
    public static final double HEADER_H = 46;

    private final MatrixModel model;
    private final Canvas canvas = new Canvas();
    private final Canvas header = new Canvas();
    private String headerKey = "";
    private final java.util.Map<LabelKey, int[]> labelCache = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<LabelKey, int[]> eldest) {
            return size() > 600;
        }
    };
    private double labelScale;
    private VerdictPalette labelPalette;
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final Tooltip tooltip = new Tooltip();
    private final Font cellFont = Font.font("System", FontWeight.BOLD, 10.5);
    private final Font nameFont = Font.font("System", 12.5);
    private final Font headerFont = Font.font("System", FontWeight.BOLD, 11);
    private final Font smallFont = Font.font("System", 10);
    private VerdictPalette palette = VerdictPalette.light();
    private MatrixModel.Cell selected;
    private MatrixModel.Cell hover;
    private Consumer<MatrixModel.Cell> onSelect = c -> { };
    private long paintedRevision = -1;
    private boolean dirty = true;
    private long lastPaintNanos;
    private final LongSupplier revision;

    public ResultMatrix(MatrixModel model) {
        this.model = model;
        this.revision = model::revision;
        getStyleClass().add("gb-matrix");
        setFocusTraversable(true);
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setOrientation(Orientation.HORIZONTAL);
        getChildren().addAll(canvas, header, vbar, hbar);
        header.setMouseTransparent(true);
        vbar.valueProperty().addListener((o, a, b) -> dirty = true);
        hbar.valueProperty().addListener((o, a, b) -> dirty = true);
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setShowDuration(Duration.seconds(30));
        tooltip.setHideDelay(Duration.millis(100));
        Tooltip.install(canvas, tooltip);
        tooltip.setOnShowing(e -> tooltip.setText(tooltipText(hover)));

        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMove);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hover = null;
            dirty = true;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            // the enclosing TabPane would take the focus back (and with it the arrow keys)
            e.consume();
            MatrixModel.Cell c = cellAt(e.getX(), e.getY());
            if (c != null) onSelect.accept(c);
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
                double d = e.isShiftDown() ? e.getDeltaY() : e.getDeltaX();
                hbar.setValue(clamp(hbar.getValue() - d, hbar.getMin(), hbar.getMax()));
            } else {
                vbar.setValue(clamp(vbar.getValue() - e.getDeltaY(), vbar.getMin(), vbar.getMax()));
            }
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        widthProperty().addListener((o, a, b) -> dirty = true);
        heightProperty().addListener((o, a, b) -> dirty = true);

        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty || paintedRevision != revision.getAsLong()) {
                    long t0 = System.nanoTime();
                    paint();
                    lastPaintNanos = System.nanoTime() - t0;
                }
            }
        }.start();
    }

    public void setOnSelect(Consumer<MatrixModel.Cell> onSelect) {
        this.onSelect = onSelect;
    }

    public void setPalette(VerdictPalette palette) {
        this.palette = palette;
        cellPixels = null;
        dirty = true;
    }

    /**
     * The cells are composed in Java into one image per frame (below), which the renderer then draws with a single
     * blit. Drawing them as one image each (several hundred per frame) kept the software renderer (Xvfb, remote
     * desktops, machines without a usable GPU) busy for about 30 ms per frame while the FX thread idled.
     *
     * <p>Each verdict is pre-rendered twice, opaque on the plain background and on the selected row's tint, so
     * composing is copying pixel lines, with no blending.</p>
     */
    private int[][] cellPixels;
    private int cellPw;
    private int cellPh;
    private double imageScale;
    /** Two images used in turn: the renderer may still be reading the previous frame's pixels. */
    private final PixelBuffer<IntBuffer>[] bodyBuffers = newBuffers();
    private final WritableImage[] bodyImages = new WritableImage[2];
    private int nextBody;

    @SuppressWarnings("unchecked")
    private static PixelBuffer<IntBuffer>[] newBuffers() {
        return (PixelBuffer<IntBuffer>[]) new PixelBuffer[2];
    }

    private double outputScale() {
        return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
    }

    private int[][] cellPixels(double scale) {
        if (cellPixels != null && scale == imageScale) return cellPixels;
        Verdict[] all = Verdict.values();
        int pw = (int) Math.round(CELL_W * scale);
        int ph = (int) Math.round(ROW_H * scale);
        int[][] out = new int[2 * all.length][];
        Canvas c = new Canvas(pw, ph);
        GraphicsContext g = c.getGraphicsContext2D();
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        Color[] grounds = {palette.background(), selectedRowBackground()};
        for (int k = 0; k < 2; k++) {
            for (Verdict v : all) {
                g.setTransform(new javafx.scene.transform.Affine());
                g.setFill(grounds[k]);
                g.fillRect(0, 0, pw, ph);
                g.scale(scale, scale);
                g.setFont(cellFont);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                drawCell(g, v, 0, 0);
                params.setFill(grounds[k]);
                WritableImage img = c.snapshot(params, null);
                int[] px = new int[pw * ph];
                img.getPixelReader().getPixels(0, 0, pw, ph, PixelFormat.getIntArgbPreInstance(), px, 0, pw);
                out[k * all.length + v.ordinal()] = px;
            }
        }
        cellPixels = out;
        cellPw = pw;
        cellPh = ph;
        imageScale = scale;
        return out;
    }

    /** The selected row's tint over the background, opaque (the hover colour is translucent). */
    private Color selectedRowBackground() {
        Color bg = palette.background();
        Color h = palette.hover();
        double a = h.getOpacity();
        return Color.color(bg.getRed() * (1 - a) + h.getRed() * a, bg.getGreen() * (1 - a) + h.getGreen() * a,
                bg.getBlue() * (1 - a) + h.getBlue() * a);
    }

    private static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * Composes the visible cells into the next body image (device pixels) and returns it; drawn at the body's size
     * in layout units.
     */
    private WritableImage composeBody(int[] visible, int firstRow, int lastRow, int firstCol, int lastCol, double sx,
                                      double sy, double bw, double bh) {
        double scale = outputScale();
        int[][] cells = cellPixels(scale);
        int[][] labels = rowLabels(visible, firstRow, lastRow, scale);
        int w = Math.max(1, (int) Math.ceil(bw * scale));
        int h = Math.max(1, (int) Math.ceil(bh * scale));
        int k = nextBody;
        nextBody = 1 - nextBody;
        if (bodyBuffers[k] == null || bodyBuffers[k].getWidth() != w || bodyBuffers[k].getHeight() != h) {
            bodyBuffers[k] = new PixelBuffer<>(w, h, IntBuffer.allocate(w * h), PixelFormat.getIntArgbPreInstance());
            bodyImages[k] = new WritableImage(bodyBuffers[k]);
        }
        int[] px = bodyBuffers[k].getBuffer().array();
        int verdicts = Verdict.values().length;
        int cw = cellPw;
        int ch = cellPh;
        int lw = (int) Math.round((NAME_W + SCORE_W) * scale);
        int bg = argb(palette.background());
        int selBg = argb(selectedRowBackground());
        int[] colX = new int[Math.max(0, lastCol - firstCol + 1)];
        for (int t = firstCol; t <= lastCol; t++) colX[t - firstCol] = lw + (int) Math.round((t * CELL_W - sx) * scale);
        java.util.Arrays.fill(px, 0, w * h, bg);
        for (int d = firstRow; d <= lastRow; d++) {
            int r = visible[d];
            MatrixModel.Row row = model.row(r);
            boolean rowSelected = selected != null && selected.row() == r;
            int variant = rowSelected ? verdicts : 0;
            int top = (int) Math.round((d * ROW_H - sy) * scale);
            int from = Math.max(0, -top);
            int to = Math.min(ch, h - top);
            if (rowSelected) {
                for (int line = from; line < to; line++) java.util.Arrays.fill(px, (top + line) * w + lw, (top + line + 1) * w, selBg);
            }
            for (int t = firstCol; t <= lastCol; t++) {
                int[] src = cells[variant + row.verdict(t).ordinal()];
                int x = colX[t - firstCol];
                int left = Math.max(lw - x, 0);
                int right = Math.min(cw, w - x);
                if (right <= left) continue;
                for (int line = from; line < to; line++) {
                    System.arraycopy(src, line * cw + left, px, (top + line) * w + x + left, right - left);
                }
            }
            int[] label = labels[d - firstRow];
            int lwClip = Math.min(lw, w);
            for (int line = from; line < to; line++) {
                System.arraycopy(label, line * lw, px, (top + line) * w, lwClip);
            }
        }
        bodyBuffers[k].updateBuffer(b -> null);
        return bodyImages[k];
    }

    /** Marks a cell as selected and scrolls it into view. */
    public void setSelected(MatrixModel.Cell cell) {
        this.selected = cell;
        if (cell != null) scrollTo(cell);
        dirty = true;
    }

    /** Time the last repaint took, for the benchmark. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    public ScrollBar verticalBar() {
        return vbar;
    }

    public ScrollBar horizontalBar() {
        return hbar;
    }

    /** Paints now (the benchmark calls this to time a frame's drawing). */
    public void paintNow() {
        paint();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private double bodyW() {
        return Math.max(0, canvas.getWidth() - NAME_W - SCORE_W);
    }

    private double bodyH() {
        return Math.max(0, canvas.getHeight() - HEADER_H);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double sb = 12;
        canvas.setWidth(Math.max(0, w - sb));
        canvas.setHeight(Math.max(0, h - sb));
        canvas.relocate(0, 0);
        header.setWidth(Math.max(0, w - sb));
        header.setHeight(HEADER_H);
        header.relocate(0, 0);
        headerKey = "";
        vbar.resizeRelocate(w - sb, 0, sb, h - sb);
        hbar.resizeRelocate(0, h - sb, w - sb, sb);
        updateBars();
        dirty = true;
    }

    private void updateBars() {
        double contentH = model.visibleCount() * ROW_H;
        double contentW = model.testCount() * CELL_W;
        vbar.setMax(Math.max(0, contentH - bodyH()));
        vbar.setVisibleAmount(bodyH());
        vbar.setUnitIncrement(ROW_H);
        vbar.setBlockIncrement(Math.max(ROW_H, bodyH() - ROW_H));
        hbar.setMax(Math.max(0, contentW - bodyW()));
        hbar.setVisibleAmount(bodyW());
        hbar.setUnitIncrement(CELL_W);
        hbar.setBlockIncrement(Math.max(CELL_W, bodyW() - CELL_W));
        vbar.setValue(clamp(vbar.getValue(), 0, vbar.getMax()));
        hbar.setValue(clamp(hbar.getValue(), 0, hbar.getMax()));
    }

    private void scrollTo(MatrixModel.Cell c) {
        int d = model.displayIndexOf(c.row());
        if (d < 0) return;
        updateBars();
        double top = d * ROW_H;
        if (top < vbar.getValue()) vbar.setValue(top);
        else if (top + ROW_H > vbar.getValue() + bodyH()) vbar.setValue(clamp(top + ROW_H - bodyH(), 0, vbar.getMax()));
        double left = c.test() * CELL_W;
        if (left < hbar.getValue()) hbar.setValue(left);
        else if (left + CELL_W > hbar.getValue() + bodyW()) hbar.setValue(clamp(left + CELL_W - bodyW(), 0, hbar.getMax()));
    }

    /** The cell under a canvas point, or null (header, names, empty space). */
    MatrixModel.Cell cellAt(double x, double y) {
        if (x < NAME_W + SCORE_W || y < HEADER_H) return null;
        int d = (int) Math.floor((y - HEADER_H + vbar.getValue()) / ROW_H);
        int t = (int) Math.floor((x - NAME_W - SCORE_W + hbar.getValue()) / CELL_W);
        if (d < 0 || d >= model.visibleCount() || t < 0 || t >= model.testCount()) return null;
        return new MatrixModel.Cell(model.visibleRows()[d], t);
    }

    private int headerTestAt(double x, double y) {
        if (y >= HEADER_H || x < NAME_W + SCORE_W) return -1;
        int t = (int) Math.floor((x - NAME_W - SCORE_W + hbar.getValue()) / CELL_W);
        return t >= 0 && t < model.testCount() ? t : -1;
    }

    private void onMove(MouseEvent e) {
        MatrixModel.Cell c = cellAt(e.getX(), e.getY());
        int header = headerTestAt(e.getX(), e.getY());
        if (c == null && header >= 0) c = new MatrixModel.Cell(-1, header);
        if (!java.util.Objects.equals(c, hover)) {
            hover = c;
            dirty = true;
            String text = tooltipText(c);
            tooltip.setText(text);
            if (text.isEmpty()) tooltip.hide();
        }
    }

    private String tooltipText(MatrixModel.Cell c) {
        if (c == null) return "";
        if (c.row() < 0) {
            int t = c.test();
            int graded = model.gradedCount(t);
            return "Test " + (t + 1) + ": " + model.testName(t) + "\n" + model.passCount(t) + " of " + graded
                    + " graded submissions pass";
        }
        MatrixModel.Row row = model.row(c.row());
        Verdict v = row.verdict(c.test());
        StringBuilder sb = new StringBuilder();
        sb.append(row.submission().student()).append("  -  ").append(model.testName(c.test())).append('\n');
        sb.append(v.name()).append(": ").append(v.description());
        TestResult r = row.result(c.test()).orElse(null);
        if (r != null) {
            RunResult run = r.run();
            if (run.outcome() != RunResult.Outcome.NOT_RUN && run.outcome() != RunResult.Outcome.SANDBOX_ERROR) {
                sb.append(String.format(Locale.ROOT, "%nCPU %d ms, wall %d ms, memory %s", run.cpuMs(), run.wallMs(),
                        memory(run.peakMemoryKb())));
                sb.append('\n').append(run.outcome() == RunResult.Outcome.SIGNALED
                        ? "killed by " + org.gradebench.core.grading.Verdicts.signalName(run.signal())
                        : "exit code " + run.exitCode());
            }
            if (!r.checkerMessage().isBlank()) sb.append('\n').append(abbreviate(r.checkerMessage(), 160));
        }
        return sb.toString();
    }

    public static String memory(long kb) {
        if (kb <= 0) return "-";
        if (kb < 1024) return kb + " KB";
        return String.format(Locale.ROOT, "%.1f MB", kb / 1024.0);
    }

    private static String abbreviate(String s, int max) {
        String one = s.strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "\u2026";
    }

    private void onKey(KeyEvent e) {
        if (selected == null) {
            if (e.getCode().isArrowKey() && model.visibleCount() > 0 && model.testCount() > 0) {
                onSelect.accept(new MatrixModel.Cell(model.visibleRows()[0], 0));
                e.consume();
            }
            return;
        }
        int d = model.displayIndexOf(selected.row());
        int t = selected.test();
        int page = Math.max(1, (int) (bodyH() / ROW_H) - 1);
        switch (e.getCode()) {
            case UP -> d--;
            case DOWN -> d++;
            case LEFT -> t--;
            case RIGHT -> t++;
            case PAGE_UP -> d -= page;
            case PAGE_DOWN -> d += page;
            case HOME -> t = 0;
            case END -> t = model.testCount() - 1;
            default -> {
                return;
            }
        }
        e.consume();
        d = Math.max(0, Math.min(model.visibleCount() - 1, d));
        t = Math.max(0, Math.min(model.testCount() - 1, t));
        if (d >= 0 && model.visibleCount() > 0) onSelect.accept(new MatrixModel.Cell(model.visibleRows()[d], t));
    }

    // ---------------------------------------------------------------- painting

    private void paint() {
        dirty = false;
        paintedRevision = revision.getAsLong();
        updateBars();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        int rows = model.visibleCount();
        int tests = model.testCount();
        int[] visible = model.visibleRows();
        double sy = vbar.getValue();
        double sx = hbar.getValue();
        int firstRow = (int) Math.floor(sy / ROW_H);
        int lastRow = Math.min(rows - 1, (int) Math.floor((sy + bodyH()) / ROW_H));
        int firstCol = (int) Math.floor(sx / CELL_W);
        int lastCol = Math.min(tests - 1, (int) Math.floor((sx + bodyW()) / CELL_W));
        double x0 = NAME_W + SCORE_W;

        // student and score columns plus the cells: one composed image
        if (rows > 0 && w > 0 && bodyH() > 0) {
            g.drawImage(composeBody(visible, firstRow, lastRow, firstCol, lastCol, sx, sy, w, bodyH()), 0, HEADER_H, w, bodyH());
        }
        g.save();
        g.beginPath();
        g.rect(x0, HEADER_H, bodyW(), bodyH());
        g.clip();
        if (selected != null) {
            int d = model.displayIndexOf(selected.row());
            if (d >= firstRow && d <= lastRow && selected.test() >= firstCol && selected.test() <= lastCol) {
                double x = x0 + selected.test() * CELL_W - sx;
                double y = HEADER_H + d * ROW_H - sy;
                g.setStroke(palette.selection());
                g.setLineWidth(2.5);
                g.strokeRoundRect(x + 1, y + 1, CELL_W - 2, ROW_H - 2, 6, 6);
            }
        }
        if (hover != null && hover.row() >= 0) {
            int d = model.displayIndexOf(hover.row());
            if (d >= 0) {
                double x = x0 + hover.test() * CELL_W - sx;
                double y = HEADER_H + d * ROW_H - sy;
                g.setStroke(palette.headerText());
                g.setLineWidth(1);
                g.strokeRoundRect(x + 2, y + 2, CELL_W - 4, ROW_H - 4, 5, 5);
            }
        }
        g.restore();
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        g.strokeLine(x0 - 0.5, HEADER_H, x0 - 0.5, h);

        paintHeader(firstCol, lastCol, sx, w);

        if (rows == 0) {
            g.setFill(palette.mutedText());
            g.setFont(nameFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            String msg = model.rowCount() == 0 ? "No submissions yet: import a folder or archive (Ctrl+I), or drop it here."
                    : "No student matches the search.";
            g.fillText(msg, w / 2, HEADER_H + 40);
        }
    }

    /**
     * The test header, on its own canvas, repainted only when what it shows changed: text is the renderer's most
     * expensive work, and scrolling down leaves the header as it was.
     */
    private void paintHeader(int firstCol, int lastCol, double sx, double w) {
        String key = firstCol + "/" + lastCol + "/" + sx + "/" + w + "/" + paintedRevision + "/"
                + (selected == null ? -1 : selected.test()) + "/" + System.identityHashCode(palette);
        if (key.equals(headerKey)) return;
        headerKey = key;
        double x0 = NAME_W + SCORE_W;
        GraphicsContext g = header.getGraphicsContext2D();
        g.setFill(palette.background());
        g.fillRect(0, 0, header.getWidth(), HEADER_H);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(headerFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(palette.mutedText());
        g.fillText("STUDENT", 10, HEADER_H - 13);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("SCORE", x0 - 10, HEADER_H - 13);
        g.save();
        g.beginPath();
        g.rect(x0, 0, Math.max(0, w - x0), HEADER_H);
        g.clip();
        g.setTextAlign(TextAlignment.CENTER);
        for (int t = firstCol; t <= lastCol; t++) {
            double x = x0 + t * CELL_W - sx;
            boolean col = selected != null && selected.test() == t;
            g.setFont(headerFont);
            g.setFill(col ? palette.selection() : palette.headerText());
            g.fillText(shortName(t), x + CELL_W / 2, 13, CELL_W - 4);
            int graded = model.gradedCount(t);
            g.setFont(smallFont);
            if (graded > 0) {
                int pass = model.passCount(t);
                double frac = (double) pass / graded;
                g.setFill(palette.grid());
                g.fillRect(x + 5, 24, CELL_W - 10, 4);
                g.setFill(frac >= 0.999 ? palette.text().get(Verdict.AC) : palette.fill().get(Verdict.WA));
                g.fillRect(x + 5, 24, (CELL_W - 10) * frac, 4);
                g.setFill(palette.mutedText());
                g.fillText(pass + "/" + graded, x + CELL_W / 2, 37, CELL_W - 2);
            }
        }
        g.restore();
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        g.strokeLine(0, HEADER_H - 0.5, header.getWidth(), HEADER_H - 0.5);
        g.strokeLine(x0 - 0.5, 0, x0 - 0.5, HEADER_H);
    }

    /** What a row's student and score columns show: equal keys draw the same pixels. */
    private record LabelKey(String submission, boolean selected, double score, double maxScore, boolean pending) {
    }

    private LabelKey labelKey(int r) {
        MatrixModel.Row row = model.row(r);
        return new LabelKey(row.submission().id(), selected != null && selected.row() == r, row.score(), row.maxScore(),
                row.overall() == Verdict.PENDING);
    }

    /**
     * Device pixels of the student and score columns of the visible rows. Text is the software renderer's most
     * expensive work, so each row's labels are rendered once and reused while they stay the same (the cache key is
     * what they show). Missing rows are rendered together with their neighbours above and below on one off-screen
     * canvas and captured with one snapshot, so scrolling takes a snapshot every dozen frames, not every frame.
     */
    private int[][] rowLabels(int[] visible, int firstRow, int lastRow, double scale) {
        if (scale != labelScale || palette != labelPalette) {
            labelCache.clear();
            labelScale = scale;
            labelPalette = palette;
        }
        int n = Math.max(0, lastRow - firstRow + 1);
        int[][] out = new int[n][];
        boolean missing = false;
        for (int i = 0; i < n; i++) {
            out[i] = labelCache.get(labelKey(visible[firstRow + i]));
            missing |= out[i] == null;
        }
        if (!missing) return out;
        int ph = (int) Math.round(ROW_H * scale);
        // rows ahead in both directions, within one texture of at most ~2,500 pixels high
        int budget = Math.max(n, 2500 / ph);
        int ahead = Math.max(0, (budget - n) / 2);
        int from = Math.max(0, firstRow - ahead);
        int to = Math.min(visible.length - 1, lastRow + ahead);
        java.util.List<Integer> batch = new java.util.ArrayList<>();
        for (int d = from; d <= to && batch.size() < budget; d++) {
            if (!labelCache.containsKey(labelKey(visible[d]))) batch.add(d);
        }
        renderLabels(visible, batch, scale);
        for (int i = 0; i < n; i++) {
            if (out[i] == null) out[i] = labelCache.get(labelKey(visible[firstRow + i]));
        }
        return out;
    }

    private void renderLabels(int[] visible, java.util.List<Integer> displayRows, double scale) {
        if (displayRows.isEmpty()) return;
        double x0 = NAME_W + SCORE_W;
        int pw = (int) Math.round(x0 * scale);
        int ph = (int) Math.round(ROW_H * scale);
        Canvas c = new Canvas(pw, (double) ph * displayRows.size());
        GraphicsContext g = c.getGraphicsContext2D();
        g.scale(scale, scale);
        g.setTextBaseline(VPos.CENTER);
        for (int m = 0; m < displayRows.size(); m++) {
            int r = visible[displayRows.get(m)];
            MatrixModel.Row row = model.row(r);
            double y = m * (ph / scale);
            boolean rowSelected = selected != null && selected.row() == r;
            g.setFill(rowSelected ? selectedRowBackground() : palette.background());
            g.fillRect(0, y, x0, ph / scale);
            g.setFont(nameFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(palette.headerText());
            g.fillText(fit(row.submission().student(), 27), 10, y + ROW_H / 2, NAME_W - 60);
            if (row.submission().identity().late()) {
                g.setFont(smallFont);
                g.setFill(palette.fill().get(Verdict.TLE));
                g.fillRoundRect(NAME_W - 44, y + 5, 36, ROW_H - 10, 8, 8);
                g.setFill(palette.text().get(Verdict.TLE));
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText("LATE", NAME_W - 26, y + ROW_H / 2);
            }
            g.setFont(nameFont);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(row.overall() == Verdict.PENDING ? palette.mutedText() : palette.headerText());
            g.fillText(row.overall() == Verdict.PENDING && row.maxScore() == 0 ? "-" : score(row.score()) + "/" + score(row.maxScore()),
                    x0 - 10, y + ROW_H / 2);
        }
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        params.setFill(palette.background());
        WritableImage img = c.snapshot(params, null);
        javafx.scene.image.PixelReader reader = img.getPixelReader();
        for (int m = 0; m < displayRows.size(); m++) {
            int[] px = new int[pw * ph];
            reader.getPixels(0, m * ph, pw, ph, PixelFormat.getIntArgbPreInstance(), px, 0, pw);
            labelCache.put(labelKey(visible[displayRows.get(m)]), px);
        }
    }

    /** Test header label: the leading number of the name ("03-ties" -> "03"), else its position. */
    private String shortName(int t) {
        String n = model.testName(t);
        int slash = n.lastIndexOf('/');
        String last = slash >= 0 ? n.substring(slash + 1) : n;
        int i = 0;
        while (i < last.length() && i < 4 && Character.isDigit(last.charAt(i))) i++;
        if (i > 0) return last.substring(0, i);
        return last.length() <= 4 ? last : String.valueOf(t + 1);
    }

    private static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    static String score(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }

    private void drawCell(GraphicsContext g, Verdict v, double x, double y) {
        double pad = 2;
        double cw = CELL_W - 2 * pad;
        double ch = ROW_H - 2 * pad;
        if (v == Verdict.PENDING) {
            g.setStroke(palette.pendingOutline());
            g.setLineWidth(1);
            g.strokeRoundRect(x + pad + 0.5, y + pad + 0.5, cw - 1, ch - 1, 5, 5);
            g.setFill(palette.text().get(v));
            g.fillText(VerdictPalette.code(v), x + CELL_W / 2, y + ROW_H / 2);
            return;
        }
        g.setFill(palette.fill().get(v));
        g.fillRoundRect(x + pad, y + pad, cw, ch, 5, 5);
        if (v == Verdict.SE) {
            // hatching: visibly not a student verdict
            g.save();
            g.beginPath();
            g.rect(x + pad, y + pad, cw, ch);
            g.clip();
            g.setStroke(palette.stripe().deriveColor(0, 1, 1, 0.55));
            g.setLineWidth(1.5);
            for (double k = -ch; k < cw; k += 6) g.strokeLine(x + pad + k, y + pad + ch, x + pad + k + ch, y + pad);
            g.restore();
            g.setFill(palette.fill().get(v));
            g.fillRoundRect(x + CELL_W / 2 - 10, y + ROW_H / 2 - 6, 20, 12, 4, 4);
        }
        g.setFill(palette.text().get(v));
        g.fillText(VerdictPalette.code(v), x + CELL_W / 2, y + ROW_H / 2 + 0.5);
    }

    @Override
    protected double computePrefWidth(double height) {
        return NAME_W + SCORE_W + Math.min(20, model.testCount()) * CELL_W + 12;
    }

    @Override
    protected double computePrefHeight(double width) {
        return HEADER_H + Math.min(20, model.visibleCount()) * ROW_H + 12;
    }

    /** For tests: the colour a verdict is drawn with. */
    public Color fillOf(Verdict v) {
        return palette.fill().get(v);
    }
}
