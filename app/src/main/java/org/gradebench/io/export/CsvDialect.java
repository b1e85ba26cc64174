package org.gradebench.io.export;

/**
 * How a CSV file is spelled: separator, quoting policy, byte-order mark and line ending.
 *
 * @param delimiter  ',' (every LMS default), ';' (Canvas/Moodle locale options) or TAB
 * @param quote      when cells are quoted
 * @param bom        start the file with a UTF-8 byte-order mark
 * @param lineEnding "\r\n" (RFC 4180) or "\n"
 */
public record CsvDialect(char delimiter, Quoting quote, boolean bom, String lineEnding) {

    public enum Quoting {
        /** Only cells that need it (delimiter, quote, CR or LF inside): RFC 4180 minimal quoting. */
        MINIMAL,
        /**
         * PHP {@code fputcsv} rules, what Moodle's own downloads look like: also quote cells holding a space, a tab or
         * a backslash.
         */
        PHP,
        /** Every cell, what Blackboard asks for in comma-separated uploads. */
        ALL
    }

    public CsvDialect {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("invalid CSV delimiter: " + (int) delimiter);
        }
        if (!lineEnding.equals("\r\n") && !lineEnding.equals("\n")) {
            throw new IllegalArgumentException("line ending must be CRLF or LF");
        }
    }

    public static CsvDialect rfc4180(boolean bom) {
        return new CsvDialect(',', Quoting.MINIMAL, bom, "\r\n");
    }

    public CsvDialect withBom(boolean b) {
        return new CsvDialect(delimiter, quote, b, lineEnding);
    }

    public CsvDialect withDelimiter(char d) {
        return new CsvDialect(d, quote, bom, lineEnding);
    }

    public CsvDialect withLineEnding(String eol) {
        return new CsvDialect(delimiter, quote, bom, eol);
    }
}
