package org.gradebench.io.export;

import org.gradebench.core.assignment.InvalidInputException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CSV file read whole (an LMS grade file downloaded by the TA, used as a template), with the dialect it was written
 * in so it can be written back the same way. Tolerant as lms-exports.md asks: optional UTF-8 BOM, CRLF or LF,
 * {@code ,} {@code ;} or TAB separators (detected from the header line), quoted multi-line cells.
 *
 * @param header the first record
 * @param rows   every following record; short rows are padded with "" to the header's width
 * @param lines  the 1-based line each row starts on, for messages
 */
public record CsvTable(Path file, CsvDialect dialect, List<String> header, List<List<String>> rows, List<Integer> lines) {

    /** Files bigger than this are not grade sheets. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    public CsvTable {
        header = List.copyOf(header);
        rows = rows.stream().map(r -> (List<String>) new ArrayList<>(r)).toList();
        lines = List.copyOf(lines);
    }

    /** Index of the first header equal to {@code name} ignoring case and surrounding spaces, or -1. */
    public int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name.strip())) return i;
        }
        return -1;
    }

    /** Index of the first header matching any of the names (in the order given), or -1. */
    public int column(List<String> names) {
        for (String n : names) {
            int i = column(n);
            if (i >= 0) return i;
        }
        return -1;
    }

    public static CsvTable read(Path file) throws InvalidInputException, IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) throw new InvalidInputException(file, "is " + size + " bytes: too big for a grade file");
        byte[] bytes = Files.readAllBytes(file);
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw new InvalidInputException(file, "is UTF-16 encoded; save it as UTF-8 CSV first");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0))).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file, 0, "is not UTF-8 text; save it as UTF-8 CSV first", e);
        }
        return parse(file, text, bom);
    }

    static CsvTable parse(Path file, String text, boolean bom) throws InvalidInputException {
        char delimiter = detectDelimiter(text);
        String eol = text.contains("\r\n") || !text.contains("\n") ? "\r\n" : "\n";
        List<List<String>> records = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    cell.append(c);
                }
                continue;
            }
            if (c == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                quoteLine = line;
            } else if (c == delimiter) {
                record.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                record.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                    starts.add(recordLine);
                }
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else if (wasQuoted) {
                throw new InvalidInputException(file, line, "text after the closing quote of a quoted cell");
            } else {
                // A stray quote inside an unquoted cell: tolerated, as spreadsheet tools write them.
                cell.append(c);
            }
        }
        if (quoted) throw new InvalidInputException(file, quoteLine, "quoted cell is never closed");
        if (cell.length() > 0 || wasQuoted || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
            starts.add(recordLine);
        }
        if (records.isEmpty()) throw new InvalidInputException(file, "is empty: expected a header line");
        List<String> header = records.get(0);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> row = new ArrayList<>(records.get(r));
            if (row.size() > header.size()) {
                boolean extraEmpty = row.subList(header.size(), row.size()).stream().allMatch(String::isEmpty);
                if (!extraEmpty) {
                    throw new InvalidInputException(file, starts.get(r), "has " + row.size() + " cells but the header has "
                            + header.size());
                }
                row = new ArrayList<>(row.subList(0, header.size()));
            }
            while (row.size() < header.size()) row.add("");
            rows.add(row);
        }
        CsvDialect dialect = new CsvDialect(delimiter, CsvDialect.Quoting.MINIMAL, bom, eol);
        return new CsvTable(file, dialect, header, rows, starts.subList(1, starts.size()));
    }

    /** The separator used most outside quotes on the header line (comma on ties). */
    static char detectDelimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == '\t') tabs++;
        }
        if (tabs > commas && tabs >= semicolons) return '\t';
        if (semicolons > commas) return ';';
        return ',';
    }

    /** The cell, or empty when the column is absent. */
    public static Optional<String> cell(List<String> row, int column) {
        return column < 0 || column >= row.size() ? Optional.empty() : Optional.of(row.get(column));
    }

    static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
